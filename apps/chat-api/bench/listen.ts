import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** A fetch handler as @hono/node-server serves it. */
export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>;

/** This process's CPU time so far, as `process.cpuUsage()` JSON: the bench divides it by requests. */
export const cpuPath = '/bench-cpu';

/**
 * `fetch`, except that `GET /bench-cpu` answers this process's CPU time before the app sees the
 * request (so that reading it costs the app nothing and logs nothing).
 */
export function withCpuRoute(fetch: FetchHandler): FetchHandler {
  return (request, env) =>
    request.method === 'GET' && request.url.endsWith(cpuPath)
      ? Response.json(process.cpuUsage())
      : fetch(request, env);
}

/** Serves `fetch` (with the CPU route) on a free loopback port and resolves with its URL. */
export function listen(fetch: FetchHandler): Promise<string> {
  return new Promise((resolve) => {
    serve({ fetch: withCpuRoute(fetch), port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
}
