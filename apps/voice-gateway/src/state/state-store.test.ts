import { useUpstashRedis } from '@org/history/test';
import { createUpstashStateStore } from '@org/upstash';
import { describe, expect, it } from 'vitest';
import { createMemoryStateStore, type StateStore } from './state-store';

const redis = useUpstashRedis();

let run = 0;
const stores: [string, () => StateStore][] = [
  ['memory', () => createMemoryStateStore()],
  [
    'upstash',
    () =>
      createUpstashStateStore({
        redis: redis.connect(),
        keyPrefix: `test-${++run}`,
      }),
  ],
];

describe.each(stores)('%s StateStore', (_name, create) => {
  it('claims a key once', async () => {
    const store = create();
    expect(await store.claim('event:a', 60_000)).toBe(true);
    expect(await store.claim('event:a', 60_000)).toBe(false);
    expect(await store.claim('event:b', 60_000)).toBe(true);
  });

  it('sets, gets and deletes JSON values', async () => {
    const store = create();
    const state = { callId: 'c1', speakingUntil: 5, transcribeIds: ['t1'] };
    await store.set('call:c1', state, 60_000);
    await store.set('transcribe:t1', 'c1', 60_000);
    expect(await store.get('call:c1')).toEqual(state);
    expect(await store.get('transcribe:t1')).toBe('c1');
    await store.delete('call:c1', 'transcribe:t1');
    expect(await store.get('call:c1')).toBeUndefined();
    expect(await store.get('transcribe:t1')).toBeUndefined();
  });

  it('pushes to a list and takes it whole, in order, once', async () => {
    const store = create();
    await store.push('segments:c1', { id: 's1', text: 'hello' }, 60_000);
    await store.push('segments:c1', { id: 's2', text: 'there' }, 60_000);
    expect(await store.take('segments:c1')).toEqual([
      { id: 's1', text: 'hello' },
      { id: 's2', text: 'there' },
    ]);
    expect(await store.take('segments:c1')).toEqual([]);
  });

  it('claims a key with a value, keeping the first one', async () => {
    const store = create();
    expect(await store.claim('speaking:c1', 60_000, 'sp-1')).toBe(true);
    expect(await store.claim('speaking:c1', 60_000, 'sp-2')).toBe(false);
    expect(await store.get('speaking:c1')).toBe('sp-1');
  });

  it('lists a list without taking it', async () => {
    const store = create();
    await store.push('transcribes:c1', 't1', 60_000);
    await store.push('transcribes:c1', 't2', 60_000);
    expect(await store.list('transcribes:c1')).toEqual(['t1', 't2']);
    expect(await store.list('transcribes:c1')).toEqual(['t1', 't2']);
    expect(await store.list('transcribes:none')).toEqual([]);
  });

  it('advances a time atomically: concurrent extensions all count', async () => {
    const store = create();
    expect(await store.advance('until:c1', 1_000, 500, 60_000)).toBe(1_500);
    // Already past `from`: extends from the current value.
    expect(await store.advance('until:c1', 1_200, 100, 60_000)).toBe(1_600);
    // Later `from`: starts from it.
    expect(await store.advance('until:c1', 5_000, 100, 60_000)).toBe(5_100);
    await Promise.all(Array.from({ length: 10 }, () => store.advance('until:c1', 0, 10, 60_000)));
    expect(await store.get('until:c1')).toBe(5_200);
  });

  it('lets keys expire', async () => {
    const store = create();
    await store.set('short', 1, 30);
    expect(await store.claim('short-claim', 30)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await store.get('short')).toBeUndefined();
    expect(await store.claim('short-claim', 30)).toBe(true);
  });
});

describe('upstash StateStore shared by two gateway instances', () => {
  it('gives both the same mapping and one claim', async () => {
    const connect = () =>
      createUpstashStateStore({
        redis: redis.connect(),
        keyPrefix: 'shared',
      });
    const first = connect();
    const second = connect();
    await first.set('transcribe:t9', 'call-9', 60_000);
    expect(await second.get('transcribe:t9')).toBe('call-9');
    expect(await second.claim('greeted:call-9', 60_000)).toBe(true);
    expect(await first.claim('greeted:call-9', 60_000)).toBe(false);
  });
});
