import { describe, expect, it } from 'vitest';
import { AiCoreError } from '../errors';
import type { HistoryMessage } from '../messages';
import { defineHistoryContract } from '../test/history-contract';
import { createMemoryHistory } from './memory-history';

const message = (content: string): HistoryMessage => ({
  role: 'user',
  content,
  createdAt: '2026-01-02T03:04:05.000Z',
});

const clock = () => {
  let now = Date.parse('2026-01-01T00:00:00Z');
  return {
    now: () => now,
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
};

const contentsOf = async (history: ReturnType<typeof createMemoryHistory>, id: string) =>
  (await history.load(id, { limit: 1000 })).messages.map((m) => m.content);

defineHistoryContract('createMemoryHistory', async (options) => {
  const time = clock();
  return {
    store: createMemoryHistory({ ...options, now: time.now }),
    advance: async (seconds) => time.advance(seconds),
  };
});

// What is particular to this store, beyond the shared contract above.
describe('createMemoryHistory', () => {
  it('keeps the newest 100 messages by default', async () => {
    const history = createMemoryHistory();
    await history.append(
      'c',
      Array.from({ length: 130 }, (_, i) => message(`m${i}`)),
    );
    const contents = await contentsOf(history, 'c');
    expect(contents).toHaveLength(100);
    expect(contents[0]).toBe('m30');
  });

  it('forgets a conversation 7 days after its last append by default', async () => {
    const time = clock();
    const history = createMemoryHistory({ now: time.now });
    await history.append('c', [message('x')]);
    time.advance(7 * 24 * 3600 - 1);
    expect(await contentsOf(history, 'c')).toEqual(['x']);
    time.advance(1);
    expect(await contentsOf(history, 'c')).toEqual([]);
  });

  it('expires a claim after 60 s and a settled reply after 24 h by default', async () => {
    const time = clock();
    const history = createMemoryHistory({ now: time.now });
    const claim = async (id: string) => (await history.load('c', { limit: 0, claim: id })).claim;
    await claim('e1');
    time.advance(59);
    expect(await claim('e1')).toEqual({ status: 'pending' });
    time.advance(1);
    expect(await claim('e1')).toEqual({ status: 'claimed' });
    await history.append('c', [], { event: { id: 'e1', reply: 'r' } });
    time.advance(24 * 3600 - 1);
    expect(await claim('e1')).toEqual({ status: 'done', reply: 'r' });
    time.advance(1);
    expect(await claim('e1')).toEqual({ status: 'claimed' });
  });

  it('starts a fresh window for a conversation that expired', async () => {
    const time = clock();
    const history = createMemoryHistory({ now: time.now, ttlSeconds: 10 });
    await history.append('c', [message('old')]);
    time.advance(11);
    await history.append('c', [message('new')]);
    expect(await contentsOf(history, 'c')).toEqual(['new']);
  });

  it('stores copies: changing messages after append or after load changes nothing', async () => {
    const history = createMemoryHistory();
    const input = [message('original')];
    await history.append('c', input);
    (input[0] as HistoryMessage).content = 'changed';
    const { messages } = await history.load('c', { limit: 5 });
    (messages[0] as HistoryMessage).content = 'changed too';
    expect(await contentsOf(history, 'c')).toEqual(['original']);
  });

  it('keeps stores apart', async () => {
    const one = createMemoryHistory();
    const two = createMemoryHistory();
    await one.append('c', [message('x')]);
    expect(await contentsOf(two, 'c')).toEqual([]);
    expect((await two.load('c', { limit: 1, claim: 'e' })).claim?.status).toBe('claimed');
    expect((await one.load('c', { limit: 1, claim: 'e' })).claim?.status).toBe('claimed');
  });

  it.each([
    ['maxMessages', { maxMessages: 0 }],
    ['ttlSeconds', { ttlSeconds: 1.5 }],
    ['claimTtlSeconds', { claimTtlSeconds: -1 }],
    // Shorter than the longest turn deadline (60 s): a slow turn's retry would be answered twice.
    ['claimTtlSeconds', { claimTtlSeconds: 59 }],
    ['eventTtlSeconds', { eventTtlSeconds: Number.NaN }],
  ])('rejects an invalid %s as invalid_input', (field, options) => {
    let error: unknown;
    try {
      createMemoryHistory(options);
    } catch (caught) {
      error = caught;
    }
    expect(AiCoreError.isInstance(error) && [error.code, error.field]).toEqual([
      'invalid_input',
      field,
    ]);
  });

  it('rejects a fractional limit and an empty event id as invalid_input', async () => {
    const history = createMemoryHistory();
    await expect(history.load('c', { limit: 1.5 })).rejects.toMatchObject({ field: 'limit' });
    await expect(history.load('c', { limit: 1, claim: '' })).rejects.toMatchObject({
      field: 'claim',
    });
    await expect(history.append('c', [], { event: { id: '' } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
