import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** A running HTTP server. */
export type Listening = {
  /** `http://<host>:<port>` */
  url: string;
  port: number;
  /** The Node server, for what `fetch` cannot express (e.g. `clientError` handling). */
  server: Server;
  /**
   * Stops accepting connections, closes idle ones, lets requests in flight finish for up to
   * the grace period, then closes whatever is left.
   */
  close(): Promise<void>;
};

/** Options for {@link listen}. */
export type ListenOptions = {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** How long `close()` lets requests in flight finish, in ms. Default 1500. */
  graceMs?: number;
};

/** Serves a fetch handler on `host:port` (port 0: a free one) and resolves once listening. */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  options: ListenOptions = {},
): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  const graceMs = options.graceMs ?? 1500;
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch, port: options.port ?? 0, hostname: host },
      (info: AddressInfo) => {
        const http = server as Server;
        let closing: Promise<void> | undefined;
        // Answers still being written when closing end their connection instead of keeping it.
        const active = new Set<ServerResponse>();
        http.on('request', (_request, response: ServerResponse) => {
          if (closing && !response.headersSent) response.setHeader('connection', 'close');
          active.add(response);
          response.once('close', () => active.delete(response));
        });
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          server: http,
          close: () => {
            closing ??= new Promise<void>((done) => {
              for (const response of active) {
                if (!response.headersSent) response.setHeader('connection', 'close');
              }
              const force = setTimeout(() => http.closeAllConnections(), graceMs);
              // A keep-alive socket whose answer ends later is closed as soon as it is idle, not
              // after its keep-alive timeout.
              const idle = setInterval(() => http.closeIdleConnections(), 100);
              http.close(() => {
                clearTimeout(force);
                clearInterval(idle);
                done();
              });
              http.closeIdleConnections();
            });
            return closing;
          },
        });
      },
    );
    server.once('error', reject);
  });
}
