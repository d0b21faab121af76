import { Redis } from '@upstash/redis';
import { afterAll, beforeAll } from 'vitest';
import { type RedisServer, startRedisServer } from './redis-server';
import { startUpstashBridge, type UpstashBridge } from './upstash-bridge';

/** A real Redis behind the Upstash REST protocol, for the test file that asked for it. */
export type UpstashRedisForTests = {
  /** A new `@upstash/redis` client on it. */
  connect(): Redis;
  /** The REST bridge (its `url` and `token`, and the requests it served). */
  readonly bridge: UpstashBridge;
  /** The `redis-server` behind it. */
  readonly server: RedisServer;
};

/**
 * Starts a `redis-server` and the Upstash REST bridge in front of it before the file's tests
 * (`beforeAll`) and stops both after them (`afterAll`). Call it at the top of a test file.
 *
 * @example
 * ```ts
 * const redis = useUpstashRedis();
 * it('keeps state', async () => {
 *   const store = createUpstashStateStore({ redis: redis.connect() });
 * });
 * ```
 */
export function useUpstashRedis(): UpstashRedisForTests {
  let server: RedisServer | undefined;
  let bridge: UpstashBridge | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
    bridge = await startUpstashBridge({ redisUrl: server.url });
  }, 30_000);
  afterAll(async () => {
    await bridge?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useUpstashRedis: Redis is started in beforeAll');
    return value;
  };
  return {
    connect() {
      const { url, token } = started(bridge);
      return new Redis({ url, token });
    },
    get bridge() {
      return started(bridge);
    },
    get server() {
      return started(server);
    },
  };
}
