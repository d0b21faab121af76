import type { Redis } from '@upstash/redis';

/**
 * A key-value store for per-call state, every key with a TTL, values JSON-serialisable: the
 * shape of the voice gateway's `StateStore` port, which the gateway checks by assigning this
 * to it.
 */
export type UpstashStateStore = {
  /** Sets `key` (to `value`, default true) only if absent (SET NX PX); true when this caller set it. */
  claim(key: string, ttlMs: number, value?: unknown): Promise<boolean>;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  /** Appends to the list at `key` and refreshes its TTL. */
  push(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Reads and removes the whole list at `key` atomically. */
  take<T>(key: string): Promise<T[]>;
  /** Reads the whole list at `key`, leaving it in place. */
  list<T>(key: string): Promise<T[]>;
  /**
   * Atomically sets the number at `key` to `max(current, from) + ms` (a missing key counts as
   * 0) and refreshes its TTL; returns the new value.
   */
  advance(key: string, from: number, ms: number, ttlMs: number): Promise<number>;
};

/** Options for {@link createUpstashStateStore}. */
export type UpstashStateStoreOptions = {
  redis: Redis;
  /** Prefix of every key. Default `voice`. */
  keyPrefix?: string;
};

// max(current, from) + ms in one step, so two instances extending it never lose an update.
const advanceScript = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local next = math.floor(math.max(current, tonumber(ARGV[1])) + tonumber(ARGV[2]))
redis.call('SET', KEYS[1], string.format('%d', next), 'PX', ARGV[3])
return string.format('%d', next)
`;

/** Per-call state in Upstash Redis, shared by every gateway instance. */
export function createUpstashStateStore(options: UpstashStateStoreOptions): UpstashStateStore {
  const { redis } = options;
  const prefix = options.keyPrefix ?? 'voice';
  const k = (key: string) => `${prefix}:${key}`;
  const ttl = (ms: number) => Math.max(1, Math.ceil(ms));

  return {
    async claim(key, ttlMs, value = true) {
      const stored = JSON.stringify(value);
      return (await redis.set(k(key), stored, { nx: true, px: ttl(ttlMs) })) === 'OK';
    },
    async get<T>(key: string) {
      return ((await redis.get<T>(k(key))) ?? undefined) as T | undefined;
    },
    async set(key, value, ttlMs) {
      await redis.set(k(key), JSON.stringify(value), { px: ttl(ttlMs) });
    },
    async delete(...keys) {
      if (keys.length > 0) await redis.del(...keys.map(k));
    },
    async push(key, value, ttlMs) {
      const tx = redis.multi();
      tx.rpush(k(key), JSON.stringify(value));
      tx.pexpire(k(key), ttl(ttlMs));
      await tx.exec();
    },
    async take<T>(key: string) {
      const tx = redis.multi();
      tx.lrange<T>(k(key), 0, -1);
      tx.del(k(key));
      const [list] = await tx.exec<[T[], number]>();
      return list ?? [];
    },
    async list<T>(key: string) {
      return (await redis.lrange<T>(k(key), 0, -1)) ?? [];
    },
    async advance(key, from, ms, ttlMs) {
      const args = [String(Math.floor(from)), String(Math.ceil(ms)), String(ttl(ttlMs))];
      return Number(await redis.eval<string[], string | number>(advanceScript, [k(key)], args));
    },
  };
}
