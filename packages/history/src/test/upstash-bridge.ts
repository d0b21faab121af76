import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis as IORedis } from 'ioredis';

/** One request the bridge served, for tests that count round trips. */
export type BridgeRequest = {
  /** `/` (one command), `/pipeline` or `/multi-exec`. */
  path: string;
  /** The commands it carried, each as `[name, ...args]`. */
  commands: string[][];
};

/** A running {@link startUpstashBridge}. */
export type UpstashBridge = {
  /** The REST URL to give `new Redis({ url, token })`. */
  url: string;
  /** The bearer token the bridge accepts. */
  token: string;
  /** Every authorised request served so far, oldest first (clear it with `requests.length = 0`). */
  requests: BridgeRequest[];
  /** Stops the HTTP server and closes its Redis connections. */
  close(): Promise<void>;
};

/** Options for {@link startUpstashBridge}. */
export type UpstashBridgeOptions = {
  /** The real Redis to forward to, e.g. `redis://127.0.0.1:6380`. */
  redisUrl: string;
  /** The bearer token to require (default: a random one). */
  token?: string;
};

type Reply = { result: unknown } | { error: string };
class BadRequest extends Error {}

// Commands that would break the connection the bridge shares between requests.
const refused = new Set([
  'multi',
  'exec',
  'discard',
  'watch',
  'unwatch',
  'subscribe',
  'psubscribe',
]);

/**
 * Starts a small HTTP server speaking the Upstash REST protocol (`/`, `/pipeline`,
 * `/multi-exec`, bearer auth, `Upstash-Encoding: base64`) in front of a real Redis, so the
 * real `@upstash/redis` client can be tested without the Upstash cloud.
 *
 * @example
 * ```ts
 * const bridge = await startUpstashBridge({ redisUrl: server.url });
 * const redis = new Redis({ url: bridge.url, token: bridge.token });
 * ```
 */
export async function startUpstashBridge(options: UpstashBridgeOptions): Promise<UpstashBridge> {
  const token = options.token ?? randomBytes(16).toString('hex');
  const connect = () =>
    new IORedis(options.redisUrl, { enableAutoPipelining: false, maxRetriesPerRequest: 1 });
  const shared = connect();
  // Transactions only ever go over this connection, each written as one MULTI ... EXEC batch,
  // so no other request's command can end up inside one.
  const transactions = connect();
  const requests: BridgeRequest[] = [];

  const run = async (path: string, body: unknown): Promise<[number, unknown]> => {
    if (path === '/') {
      const command = toCommand(body);
      requests.push({ path, commands: [command] });
      try {
        const [name, ...args] = command as [string, ...string[]];
        return [200, { result: await shared.callBuffer(name, ...args) }];
      } catch (error) {
        return [400, { error: messageOf(error) }];
      }
    }
    if (path === '/pipeline' || path === '/multi-exec') {
      if (!Array.isArray(body) || body.length === 0) throw new BadRequest('expected commands');
      const commands = body.map(toCommand);
      requests.push({ path, commands });
      const batch = path === '/pipeline' ? shared.pipeline() : transactions.multi();
      for (const [name, ...args] of commands) batch.callBuffer(name as string, ...args);
      try {
        const results = (await batch.exec()) ?? [];
        return [
          200,
          results.map(
            ([error, result]): Reply => (error ? { error: messageOf(error) } : { result }),
          ),
        ];
      } catch (error) {
        return [400, { error: messageOf(error) }];
      }
    }
    return [404, { error: `ERR no such endpoint: ${path}` }];
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.headers.authorization !== `Bearer ${token}`)
      return send(401, { error: 'Unauthorized' });
    if (req.method !== 'POST') return send(405, { error: 'ERR only POST is supported' });
    const base64 = req.headers['upstash-encoding']?.toString().toLowerCase() === 'base64';
    try {
      const path = new URL(req.url ?? '/', 'http://bridge').pathname.replace(/(.)\/$/, '$1');
      const [status, payload] = await run(path, JSON.parse(await readBody(req)));
      send(status, status === 200 ? encodeReplies(payload, base64) : payload);
    } catch (error) {
      if (error instanceof BadRequest || error instanceof SyntaxError) {
        return send(400, { error: `ERR ${error.message}` });
      }
      send(500, { error: messageOf(error) });
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      shared.disconnect();
      transactions.disconnect();
    },
  };
}

function toCommand(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new BadRequest('expected a command array');
  const command = value.map((part) => {
    if (typeof part === 'string') return part;
    if (typeof part === 'number' || typeof part === 'boolean') return String(part);
    throw new BadRequest('command arguments must be strings or numbers');
  });
  const name = (command[0] as string).toLowerCase();
  if (refused.has(name)) throw new BadRequest(`${command[0]} is not supported over REST`);
  const scriptAt = name === 'eval' || name === 'eval_ro' ? 1 : name === 'script' ? 2 : -1;
  const script = command[scriptAt];
  if (script !== undefined) command[scriptAt] = withoutUpstashFlags(script);
  return command;
}

/**
 * Upstash accepts the Lua flag `allow-key-locking` (@upstash/ratelimit's scripts declare it);
 * Redis refuses an unknown flag, so it is dropped on the way. The script's SHA then differs from
 * the one its client computed: its EVALSHA misses and it falls back to EVAL, as on a cold Upstash.
 */
function withoutUpstashFlags(script: string): string {
  return script.replace(/^#!lua flags=([^\n]*)/, (_, flags: string) => {
    const kept = flags.split(',').filter((flag) => flag.trim() !== 'allow-key-locking');
    return kept.length > 0 ? `#!lua flags=${kept.join(',')}` : '#!lua';
  });
}

/** Encodes `{ result }` replies the way Upstash does: with base64, every string, even `OK`. */
function encodeReplies(payload: unknown, base64: boolean): unknown {
  const encode = (value: unknown): unknown => {
    if (Buffer.isBuffer(value)) return value.toString(base64 ? 'base64' : 'utf8');
    if (typeof value === 'string') return base64 ? Buffer.from(value).toString('base64') : value;
    if (Array.isArray(value)) return value.map(encode);
    return value;
  };
  const encodeReply = (reply: Reply) =>
    'result' in reply ? { result: encode(reply.result) } : reply;
  return Array.isArray(payload) ? payload.map(encodeReply) : encodeReply(payload as Reply);
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const previous = (error as { previousErrors?: unknown[] }).previousErrors;
  const first = previous?.[0];
  return first instanceof Error ? `${error.message} ${first.message}` : error.message;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
