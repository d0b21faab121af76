import { createInterface } from 'node:readline/promises';
import type { DeliveryOptions, SimulatorOptions } from '@org/voipbin/test';
import pino from 'pino';
import { processEnvironment } from '../env';
import { startBusinessWebhook } from './business-webhook';
import { type Rig, startRig } from './rig';

/** The command-line flags `pnpm call` and `pnpm sms` share (for `util.parseArgs`). */
export const terminalFlags = {
  copies: { type: 'string' },
  'wrong-signature': { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** How webhooks are delivered, from the parsed flags (`--copies N`, `--wrong-signature`, `--reversed`). */
export function deliveryFrom(flags: {
  copies?: string | undefined;
  'wrong-signature'?: boolean | undefined;
  reversed?: boolean | undefined;
}): DeliveryOptions {
  return {
    copies: flags.copies ? Math.max(1, Number(flags.copies)) : 1,
    order: flags.reversed ? 'reversed' : 'in-order',
    signature: flags['wrong-signature'] ? 'wrong' : 'valid',
  };
}

/** Options for {@link startTerminal}. */
export type TerminalOptions = {
  /** Print the gateway's logs (stderr). */
  verbose?: boolean;
  /** How the simulator delivers webhooks (copies, wrong signature...). */
  delivery: DeliveryOptions;
  /** Lines that end the session. */
  quit: readonly string[];
  /**
   * Variables set over the process environment for the gateway (e.g. `OPERATOR_TOKEN`). Without
   * `HANDOFF_WEBHOOK_URL`, a local business webhook prints what the business is told.
   */
  env?: Record<string, string | undefined>;
  /** How the simulator plays, e.g. how the people it dials answer (`pnpm call`). */
  simulator?: SimulatorOptions;
};

/** A person at the terminal talking to the gateway through the local simulator. */
export type Terminal = {
  rig: Rig;
  /** False when input is piped: then each turn should wait for its answer, as a person would. */
  interactive: boolean;
  /** Prints a line above the prompt. */
  print(text: string): void;
  /** Calls `show` whenever `changed()` holds, until closed (what the bot says, as it arrives). */
  follow(changed: () => boolean, show: () => void): void;
  /** The person's non-empty lines, until a quit line or the end of input. */
  lines(): AsyncIterable<string>;
  /** Stops following, closes the input, the gateway and the simulator. */
  close(): Promise<void>;
};

/**
 * Starts the simulator and the gateway (offline unless the environment names a model) for
 * `pnpm call` and `pnpm sms`, and a prompt that prints what the bot sends as it arrives.
 */
export async function startTerminal(options: TerminalOptions): Promise<Terminal> {
  const logger = pino({ level: options.verbose ? 'info' : 'error' }, pino.destination(2));
  const env = { ...processEnvironment(), ...options.env };
  // The business's handoff webhook, played here (printing what it is told) unless one is set.
  const business = env.HANDOFF_WEBHOOK_URL
    ? undefined
    : await startBusinessWebhook((text) => print(text));
  const rig = await startRig({
    env: { ...env, ...business?.env },
    logger,
    simulator: { retryDelayMs: 1000, ...options.simulator },
  });
  const { simulator } = rig;
  simulator.delivery = options.delivery;
  console.log(
    `Simulator ${simulator.url}  ·  gateway ${rig.url}  ·  model ${rig.gateway.parts.model}`,
  );

  const interactive = process.stdin.isTTY === true;
  const input = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
  });
  input.setPrompt('you: ');
  // Attached now: lines read before a `for await` starts would otherwise be lost (piped input).
  const incoming = input[Symbol.asyncIterator]();
  let open = true;
  const followers: Promise<void>[] = [];
  const print = (text: string) => {
    if (interactive) process.stdout.write('\r\x1b[K');
    console.log(text);
    if (open && interactive) input.prompt(true);
  };

  return {
    rig,
    interactive,
    print,
    follow(changed, show) {
      const following = async () => {
        while (open) {
          // A short wait, looked at again: closing wakes nothing, and no timer outlives the session.
          await simulator.waitUntil(() => !open || changed(), 200).catch(() => {});
          if (changed()) show();
        }
      };
      followers.push(following());
    },
    async *lines() {
      if (interactive) input.prompt();
      for (let next = await incoming.next(); !next.done; next = await incoming.next()) {
        const line = next.value;
        const text = line.trim();
        if (options.quit.includes(text)) return;
        if (text) yield text;
        if (interactive) input.prompt();
      }
    },
    async close() {
      open = false;
      input.close();
      await Promise.all(followers);
      await rig.close();
      await business?.close();
    },
  };
}
