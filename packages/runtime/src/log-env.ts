import { z } from 'zod';

/** Levels `LOG_LEVEL` accepts: pino's, and `silent`. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A log level. */
export type LogLevel = (typeof logLevels)[number];

/** `LOG_LEVEL`, default `info`. Spread its `shape` into an app's schema. */
export const logEnv = z.object({
  LOG_LEVEL: z.enum(logLevels).default('info'),
});

/** The logging variables, validated. */
export type LogEnv = z.infer<typeof logEnv>;
