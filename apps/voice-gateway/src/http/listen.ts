import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** A running HTTP server. */
export type Listening = {
  /** `http://<host>:<port>` */
  url: string;
  port: number;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
};

/** Serves a fetch handler on `host:port` (port 0: a free one) and resolves once listening. */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port?: number; host?: string } = {},
): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch, port: options.port ?? 0, hostname: host },
      (info: AddressInfo) => {
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              (server as Server).close(() => done());
              (server as Server).closeAllConnections?.();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
