import type { Redis } from '@upstash/redis';
import type { CallStore } from './call-store';

/** Options for {@link createUpstashCallStore}. */
export type UpstashCallStoreOptions = {
  redis: Redis;
  /** Prefix of every key. Default `voice`. */
  keyPrefix?: string;
};

/** A {@link CallStore} in Upstash Redis, shared by every gateway instance. */
export function createUpstashCallStore(options: UpstashCallStoreOptions): CallStore {
  const { redis } = options;
  const prefix = options.keyPrefix ?? 'voice';
  const k = (key: string) => `${prefix}:${key}`;
  const ttl = (ms: number) => Math.max(1, Math.ceil(ms));

  return {
    async claim(key, ttlMs) {
      return (await redis.set(k(key), 1, { nx: true, px: ttl(ttlMs) })) === 'OK';
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
  };
}
