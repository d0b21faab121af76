import { type BrainEnv, brainEnv, parseEnv } from '@org/runtime';

/** The CLI's configuration: the brain's variables only (history stays in memory). */
export type CliEnv = BrainEnv;

/** Reads and validates the environment; throws naming each bad variable, never a value. */
export function loadEnv(source: Record<string, string | undefined> = process.env): CliEnv {
  return parseEnv(brainEnv, source);
}
