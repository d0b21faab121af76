import type { Redis as IORedis } from 'ioredis';

/**
 * Makes `seconds` pass for every key under `prefix`: shortens each TTL by that much and
 * deletes the keys whose TTL runs out, as if Redis had waited. Keys without a TTL are left alone.
 */
export async function advanceRedisClock(
  redis: IORedis,
  prefix: string,
  seconds: number,
): Promise<void> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  for (const key of keys) {
    const remaining = await redis.pttl(key);
    if (remaining < 0) continue;
    const left = remaining - seconds * 1000;
    if (left > 0) await redis.pexpire(key, left);
    else await redis.del(key);
  }
}
