import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino';
import type { LogLevel } from './log-env';

/** The logging an app's code needs: a pino logger fits, and so does a test double. */
export type Logger = {
  debug(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
  /** Writes what is buffered, before the process exits. */
  flush?(): void;
};

/** Options for {@link createLogger}. */
export type LoggerOptions = {
  level: LogLevel;
  /** The `service` field of every line (`chat-api`, `voice-gateway`). */
  service: string;
  /** Where lines go. Default stdout. */
  destination?: DestinationStream;
};

/**
 * A JSON logger (pino): one line per entry with `level`, `time`, `service` and `msg`.
 *
 * @example
 * ```ts
 * const logger = createLogger({ level: env.LOG_LEVEL, service: 'chat-api' });
 * logger.info({ url }, 'listening');
 * ```
 */
export function createLogger(options: LoggerOptions): PinoLogger {
  return pino({ level: options.level, base: { service: options.service } }, options.destination);
}
