import { answerClientErrorsAsJson } from './client-errors';
import { listen } from './listen';
import type { Logger } from './logger';

/** What a {@link ServeOptions.drain} hook gets. */
export type DrainContext = {
  /**
   * Aborts once `timeoutMs` has passed since the shutdown began: end what is still running
   * now (chat-api aborts its turns, so each request ends with its own error).
   */
  deadline: AbortSignal;
  /** Settles once every request in flight has been answered (or its connection closed). */
  requestsFinished: Promise<void>;
};

/** Options for {@link serveWithDrain}. */
export type ServeOptions = {
  port: number;
  host: string;
  logger: Logger;
  /** Names the app in the `<name> listening on <url>` line. */
  name: string;
  /** Fields of that line besides `url`, e.g. `brain.parts`. */
  fields?: Record<string, unknown>;
  /** How long requests in flight and `drain` may take before the deadline. Default 10 000 ms. */
  timeoutMs?: number;
  /** After the deadline, how long before what is left is closed and the process exits. Default 1000 ms. */
  graceMs?: number;
  /**
   * Called once the server stops accepting; the process exits when it has settled and every
   * request has finished. The gateway awaits `requestsFinished`, then its calls in progress.
   */
  drain?: (context: DrainContext) => void | Promise<void>;
  /** Signals that start the shutdown. Default `SIGINT` and `SIGTERM`. */
  signals?: readonly NodeJS.Signals[];
  /** Ends the process once stopped. Default `process.exit`. */
  exit?: (code: number) => void;
};

/** A server run by {@link serveWithDrain}. */
export type Serving = {
  url: string;
  port: number;
  /** Shuts down as a signal does (once; later calls return the same promise). */
  stop(reason?: string): Promise<void>;
};

/**
 * Serves `fetch` on `host:port`, logs the URL and, on SIGINT/SIGTERM: stops accepting, closes
 * idle keep-alive sockets, lets requests in flight finish, calls `drain`, aborts the deadline
 * after `timeoutMs`, closes what is left `graceMs` later, flushes the logs and exits 0. Requests
 * Node rejects itself (bad request line, oversized headers) get a JSON 400/431.
 *
 * @example
 * ```ts
 * await serveWithDrain(app.fetch, { port: env.PORT, host: env.HOST, logger, name: 'chat-api', fields: brain.parts });
 * ```
 */
export async function serveWithDrain(
  fetch: (request: Request) => Response | Promise<Response>,
  options: ServeOptions,
): Promise<Serving> {
  const { logger } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const graceMs = options.graceMs ?? 1000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const listening = await listen(fetch, {
    port: options.port,
    host: options.host,
    graceMs: timeoutMs + graceMs,
  });
  answerClientErrorsAsJson(listening.server);
  const url = `http://${displayHost(options.host)}:${listening.port}`;
  logger.info({ url, ...options.fields }, `${options.name} listening on ${url}`);

  const shutDown = async (reason: string) => {
    logger.info({ signal: reason, timeoutMs }, 'shutting down');
    const requestsFinished = listening.close();
    const deadline = new AbortController();
    const deadlineTimer = setTimeout(() => {
      logger.warn({ timeoutMs }, 'shutdown timeout: ending what is still running');
      deadline.abort(new Error('shutdown timeout'));
    }, timeoutMs);
    const drained = Promise.resolve()
      .then(() => options.drain?.({ deadline: deadline.signal, requestsFinished }))
      .catch((error: unknown) => logger.error({ err: error }, 'drain failed'));
    let lastTimer: NodeJS.Timeout | undefined;
    const last = new Promise<void>((resolve) => {
      lastTimer = setTimeout(resolve, timeoutMs + graceMs);
    });
    await Promise.race([Promise.all([requestsFinished, drained]), last]);
    clearTimeout(deadlineTimer);
    clearTimeout(lastTimer);
    logger.info({}, 'stopped');
    logger.flush?.();
    exit(0);
  };
  let stopping: Promise<void> | undefined;
  const stop = (reason = 'stop') => {
    stopping ??= shutDown(reason);
    return stopping;
  };
  for (const signal of options.signals ?? ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void stop(signal));
  }
  return { url: listening.url, port: listening.port, stop };
}

/** `localhost` for the addresses that mean this machine, for a URL one can click. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '127.0.0.1') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
