/**
 * Where per-call state lives (transcribe mapping, speaking id, caller segments, event claims):
 * a small key-value port so two gateway instances can share a call through Redis.
 * Values are JSON-serialisable; every key has a TTL so abandoned calls clean themselves up.
 */
export type StateStore = {
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

type Entry = { value: unknown; expiresAt: number };

/** The default in-process {@link StateStore}. `now` is injectable for tests. */
export function createMemoryStateStore(now: () => number = Date.now): StateStore {
  const entries = new Map<string, Entry>();
  const read = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  // Values are copied so callers cannot mutate stored state, as with a remote store.
  const copy = <T>(value: T): T => structuredClone(value);
  const sweep = () => {
    for (const key of entries.keys()) read(key);
  };
  let writes = 0;
  const write = (key: string, value: unknown, ttlMs: number) => {
    if (++writes % 1000 === 0) sweep();
    entries.set(key, { value, expiresAt: now() + ttlMs });
  };

  return {
    async claim(key, ttlMs, value = true) {
      if (read(key)) return false;
      write(key, copy(value), ttlMs);
      return true;
    },
    async get<T>(key: string) {
      const entry = read(key);
      return entry ? copy(entry.value as T) : undefined;
    },
    async set(key, value, ttlMs) {
      write(key, copy(value), ttlMs);
    },
    async delete(...keys) {
      for (const key of keys) entries.delete(key);
    },
    async push(key, value, ttlMs) {
      const list = (read(key)?.value as unknown[] | undefined) ?? [];
      write(key, [...list, copy(value)], ttlMs);
    },
    async take<T>(key: string) {
      const list = (read(key)?.value as T[] | undefined) ?? [];
      entries.delete(key);
      return list;
    },
    async list<T>(key: string) {
      return copy((read(key)?.value as T[] | undefined) ?? []);
    },
    async advance(key, from, ms, ttlMs) {
      const current = read(key)?.value;
      const next = Math.max(typeof current === 'number' ? current : 0, from) + ms;
      write(key, next, ttlMs);
      return next;
    },
  };
}
