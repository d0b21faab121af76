import { describe, expect, it } from 'vitest';
import { AiCoreError } from '../errors';
import type { Handoff } from '../handoff';
import type { HistoryWindowOptions } from '../history/store-support';
import type { HistoryStore } from '../history-store';
import type { HistoryMessage } from '../messages';

/** The store options every implementation takes, as the contract exercises them. */
export type HistoryContractOptions = HistoryWindowOptions;

/** A fresh store under test, with the means to observe it from outside. */
export type HistoryHarness = {
  store: HistoryStore;
  /** Makes `seconds` pass for everything this store holds (a fake clock, or shortened TTLs). */
  advance(seconds: number): Promise<void>;
  /** The conversation's remaining TTL in seconds, read from the backend, if it can be. */
  ttl?(conversationId: string): Promise<number>;
  /** Puts a raw entry into the conversation's stored list behind the store's back, if it can. */
  insertRaw?(conversationId: string, raw: string): Promise<void>;
};

/** Creates a harness around a new, empty store with these options. */
export type HistoryHarnessFactory = (options: HistoryContractOptions) => Promise<HistoryHarness>;

const message = (content: string, role: HistoryMessage['role'] = 'user'): HistoryMessage => ({
  role,
  content,
  createdAt: '2026-01-02T03:04:05.000Z',
});
const contents = (messages: HistoryMessage[]) => messages.map((m) => m.content);
const handoff = (overrides: Partial<Handoff> = {}): Handoff => ({
  status: 'active',
  reason: 'customer_request',
  summary: 'Wants to move the appointment to Friday.',
  channel: 'chat',
  startedAt: '2026-01-02T03:04:05.000Z',
  ...overrides,
});
const minutesAfter = (minutes: number) =>
  new Date(Date.parse('2026-01-02T03:00:00.000Z') + minutes * 60_000).toISOString();
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * Defines the `HistoryStore` contract as vitest `describe` blocks; every store implementation
 * must pass it unchanged. Call it from a test file of the store's package.
 *
 * @example
 * ```ts
 * import { createMemoryHistory } from '@org/ai-core';
 * import { defineHistoryContract } from '@org/ai-core/test';
 *
 * defineHistoryContract('createMemoryHistory', async (options) => {
 *   let now = 0;
 *   const store = createMemoryHistory({ ...options, now: () => now });
 *   return { store, advance: async (seconds) => void (now += seconds * 1000) };
 * });
 * ```
 */
export function defineHistoryContract(name: string, create: HistoryHarnessFactory): void {
  describe(`HistoryStore contract: ${name}`, () => {
    describe('load and append', () => {
      it('returns no messages and no claim for an unknown conversation', async () => {
        const { store } = await create({});
        expect(await store.load('nobody', { limit: 10 })).toEqual({ messages: [] });
      });

      it('returns appended messages oldest first, with every field intact', async () => {
        const { store } = await create({});
        const full: HistoryMessage = { ...message('hi'), channel: 'sms', eventId: 'evt-1' };
        await store.append('c', [full, message('hello', 'assistant')]);
        await store.append('c', [message('ünïcödé ✓ "quoted" {braces}')]);
        const { messages } = await store.load('c', { limit: 10 });
        expect(messages).toEqual([
          full,
          message('hello', 'assistant'),
          message('ünïcödé ✓ "quoted" {braces}'),
        ]);
      });

      it('keeps `interrupted` on a reply the user cut short, and adds it to no other', async () => {
        const { store } = await create({});
        const cut: HistoryMessage = { ...message('We open', 'assistant'), interrupted: true };
        await store.append('c', [message('hours?'), cut, message('whole', 'assistant')]);
        const { messages } = await store.load('c', { limit: 10 });
        expect(messages).toEqual([message('hours?'), cut, message('whole', 'assistant')]);
        expect(messages.map((m) => 'interrupted' in m)).toEqual([false, true, false]);
      });

      it('returns the newest `limit` messages, oldest first; limit 0 returns none', async () => {
        const { store } = await create({});
        await store.append(
          'c',
          range(0, 8).map((i) => message(`m${i}`)),
        );
        expect(contents((await store.load('c', { limit: 3 })).messages)).toEqual([
          'm5',
          'm6',
          'm7',
        ]);
        expect((await store.load('c', { limit: 50 })).messages).toHaveLength(8);
        expect((await store.load('c', { limit: 0 })).messages).toEqual([]);
      });

      it('keeps only the newest `maxMessages`, also across appends', async () => {
        const { store } = await create({ maxMessages: 5 });
        await store.append(
          'c',
          range(0, 3).map((i) => message(`m${i}`)),
        );
        await store.append(
          'c',
          range(3, 7).map((i) => message(`m${i}`)),
        );
        expect(contents((await store.load('c', { limit: 100 })).messages)).toEqual(
          range(2, 7).map((i) => `m${i}`),
        );
        await store.append(
          'c',
          range(7, 20).map((i) => message(`m${i}`)),
        );
        expect(contents((await store.load('c', { limit: 100 })).messages)).toEqual(
          range(15, 20).map((i) => `m${i}`),
        );
      });

      it('keeps conversations apart, whatever characters their ids hold', async () => {
        const { store } = await create({});
        const ids = ['a', 'a:messages', 'a}:x', '{a}', 'a:event:e', 'a b/ü'];
        for (const id of ids) await store.append(id, [message(`for ${id}`)]);
        for (const id of ids) {
          expect(contents((await store.load(id, { limit: 10 })).messages)).toEqual([`for ${id}`]);
        }
      });

      it('skips stored entries that are not valid messages', async () => {
        const harness = await create({});
        const invalid = {
          role: 'robot',
          content: 'x',
          createdAt: 'now',
        } as unknown as HistoryMessage;
        await harness.store.append('c', [message('one'), invalid]);
        await harness.insertRaw?.('c', 'not json {');
        await harness.insertRaw?.('c', '42');
        await harness.store.append('c', [message('two')]);
        expect(contents((await harness.store.load('c', { limit: 10 })).messages)).toEqual([
          'one',
          'two',
        ]);
      });

      it('rejects a negative limit and an empty conversation id as invalid_input', async () => {
        const { store } = await create({});
        await expect(store.load('c', { limit: -1 })).rejects.toMatchObject({
          code: 'invalid_input',
        });
        await expect(store.append('', [message('x')])).rejects.toSatisfy(
          (error) => AiCoreError.isInstance(error) && error.code === 'invalid_input',
        );
      });

      it('rejects ids with a lone surrogate as invalid_input (no key can encode them)', async () => {
        const { store } = await create({});
        await expect(store.load('c\uD800', { limit: 1 })).rejects.toMatchObject({
          code: 'invalid_input',
          field: 'conversationId',
        });
        await expect(store.load('c', { limit: 1, claim: '\uDC00e' })).rejects.toMatchObject({
          code: 'invalid_input',
          field: 'claim',
        });
      });

      it('answers ping', async () => {
        const { store } = await create({});
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('expiry', () => {
      it('forgets a conversation `ttlSeconds` after the last append, which refreshes it', async () => {
        const { store, advance } = await create({ ttlSeconds: 100 });
        await store.append('c', [message('first')]);
        await advance(60);
        await store.append('c', [message('second')]);
        await advance(60);
        expect(contents((await store.load('c', { limit: 10 })).messages)).toEqual([
          'first',
          'second',
        ]);
        await advance(50);
        expect((await store.load('c', { limit: 10 })).messages).toEqual([]);
      });

      it('sets the conversation TTL in the backend on every append', async (context) => {
        const harness = await create({ ttlSeconds: 1000 });
        const { ttl } = harness;
        if (!ttl) return context.skip();
        await harness.store.append('c', [message('one')]);
        await harness.advance(400);
        expect(await ttl('c')).toBeLessThanOrEqual(600);
        await harness.store.append('c', [message('two')]);
        expect(await ttl('c')).toBeGreaterThan(900);
        expect(await ttl('c')).toBeLessThanOrEqual(1000);
      });
    });

    describe('event claims', () => {
      it('claims once, reports pending to others, then the reply once settled', async () => {
        const { store } = await create({});
        const first = await store.load('c', { limit: 10, claim: 'e1' });
        expect(first).toEqual({ messages: [], claim: { status: 'claimed' } });
        expect((await store.load('c', { limit: 10, claim: 'e1' })).claim).toEqual({
          status: 'pending',
        });
        await store.append('c', [message('q'), message('a', 'assistant')], {
          event: { id: 'e1', reply: 'the answer ✓' },
        });
        const later = await store.load('c', { limit: 10, claim: 'e1' });
        expect(later.claim).toEqual({ status: 'done', reply: 'the answer ✓' });
        expect(contents(later.messages)).toEqual(['q', 'a']);
      });

      it('lets a retry claim again after a release (settled without a reply)', async () => {
        const { store } = await create({});
        await store.load('c', { limit: 1, claim: 'e1' });
        await store.append('c', [], { event: { id: 'e1' } });
        expect((await store.load('c', { limit: 1, claim: 'e1' })).claim).toEqual({
          status: 'claimed',
        });
      });

      it('releases a claim with an empty append, writing no message', async () => {
        const { store, ttl } = await create({ ttlSeconds: 1000 });
        await store.append('c', [message('before')]);
        for (const id of ['c', 'fresh']) {
          expect((await store.load(id, { limit: 0, claim: 'e1' })).claim?.status).toBe('claimed');
          await store.append(id, [], { event: { id: 'e1' } });
        }
        expect(await store.load('c', { limit: 10, claim: 'e1' })).toEqual({
          messages: [message('before')],
          claim: { status: 'claimed' },
        });
        expect(await store.load('fresh', { limit: 10 })).toEqual({ messages: [] });
        // Nothing written: the conversation the turn never joined has no list behind it.
        if (ttl) expect(await ttl('fresh')).toBeLessThan(0);
      });

      it('settles an event with an empty append, leaving the messages alone', async () => {
        const { store } = await create({});
        await store.append('c', [message('before')]);
        await store.load('c', { limit: 0, claim: 'e1' });
        await store.append('c', [], { event: { id: 'e1', reply: '' } });
        const after = await store.load('c', { limit: 10, claim: 'e1' });
        expect(after).toEqual({
          messages: [message('before')],
          claim: { status: 'done', reply: '' },
        });
      });

      it('claims with limit 0 and returns no messages', async () => {
        const { store } = await create({});
        await store.append('c', [message('x')]);
        expect(await store.load('c', { limit: 0, claim: 'e1' })).toEqual({
          messages: [],
          claim: { status: 'claimed' },
        });
      });

      it('scopes event ids per conversation', async () => {
        const { store } = await create({});
        expect((await store.load('a', { limit: 1, claim: 'e1' })).claim?.status).toBe('claimed');
        expect((await store.load('b', { limit: 1, claim: 'e1' })).claim?.status).toBe('claimed');
      });

      it('expires an unsettled claim after `claimTtlSeconds`', async () => {
        const { store, advance } = await create({ claimTtlSeconds: 100 });
        await store.load('c', { limit: 1, claim: 'e1' });
        await advance(80);
        expect((await store.load('c', { limit: 1, claim: 'e1' })).claim?.status).toBe('pending');
        await advance(40);
        expect((await store.load('c', { limit: 1, claim: 'e1' })).claim?.status).toBe('claimed');
      });

      it('keeps a settled reply for `eventTtlSeconds`', async () => {
        const { store, advance } = await create({ claimTtlSeconds: 60, eventTtlSeconds: 200 });
        await store.load('c', { limit: 1, claim: 'e1' });
        await store.append('c', [message('q')], { event: { id: 'e1', reply: 'r' } });
        await advance(150);
        expect((await store.load('c', { limit: 1, claim: 'e1' })).claim?.status).toBe('done');
        await advance(80);
        expect((await store.load('c', { limit: 1, claim: 'e1' })).claim?.status).toBe('claimed');
      });
    });

    describe('handoff state', () => {
      it('loads the handoff with the messages and the claim, undefined until one is set', async () => {
        const { store } = await create({});
        expect((await store.load('c', { limit: 10 })).handoff).toBeUndefined();
        await store.append('c', [message('a person, please')], { handoff: handoff() });
        expect(await store.load('c', { limit: 10, claim: 'e1' })).toEqual({
          messages: [message('a person, please')],
          claim: { status: 'claimed' },
          handoff: handoff(),
        });
        expect(await store.load('c', { limit: 0 })).toEqual({ messages: [], handoff: handoff() });
      });

      it('round-trips every field of a handoff, `operator` only when set', async () => {
        const { store } = await create({});
        const full = handoff({
          status: 'callback',
          reason: 'cannot_help',
          summary: 'ünïcödé ✓ "quoted" {braces}',
          channel: 'sms',
          startedAt: '2026-03-04T05:06:07.890Z',
          operator: 'Dana Ö.',
        });
        await store.append('c', [], { handoff: full });
        expect((await store.load('c', { limit: 1 })).handoff).toEqual(full);
        await store.append('c', [], { handoff: handoff() });
        const { handoff: loaded } = await store.load('c', { limit: 1 });
        expect(loaded).toEqual(handoff());
        expect(loaded && 'operator' in loaded).toBe(false);
      });

      it('sets it with a Handoff, clears it with null, leaves it when absent', async () => {
        const { store } = await create({});
        await store.append('c', [message('q')], { handoff: handoff() });
        await store.append('c', [message('still there?')]);
        await store.load('c', { limit: 0, claim: 'e1' });
        await store.append('c', [], { event: { id: 'e1', reply: '' } });
        expect((await store.load('c', { limit: 0 })).handoff).toEqual(handoff());
        const taken = handoff({ operator: 'Dana' });
        await store.append('c', [], { handoff: taken });
        expect((await store.load('c', { limit: 0 })).handoff).toEqual(taken);
        await store.append('c', [], { handoff: null });
        expect(await store.load('c', { limit: 10 })).toEqual({
          messages: [message('q'), message('still there?')],
        });
        // Clearing what is not there is no error.
        await store.append('c', [], { handoff: null });
        await store.append('other', [], { handoff: null });
        expect((await store.load('other', { limit: 10 })).handoff).toBeUndefined();
      });

      it('writes messages, handoff and event settlement in one append, seen together', async () => {
        const { store } = await create({});
        await store.load('c', { limit: 0, claim: 'e1' });
        const turn = [message('a person, please'), message('Connecting you', 'assistant')];
        await store.append('c', turn, {
          event: { id: 'e1', reply: 'Connecting you' },
          handoff: handoff(),
        });
        expect(await store.load('c', { limit: 10, claim: 'e1' })).toEqual({
          messages: turn,
          claim: { status: 'done', reply: 'Connecting you' },
          handoff: handoff(),
        });
        expect(await store.listHandoffs()).toEqual([{ conversationId: 'c', handoff: handoff() }]);
      });

      it('round-trips operator messages with their name', async () => {
        const { store } = await create({});
        const reply: HistoryMessage = {
          ...message('Hi, Dana here. Friday works.', 'operator'),
          name: 'Dana',
          channel: 'chat',
        };
        await store.append('c', [message('hello?'), reply]);
        expect((await store.load('c', { limit: 10 })).messages).toEqual([message('hello?'), reply]);
      });

      it('lists every handed-off conversation, oldest `startedAt` first, without cleared ones', async () => {
        const { store } = await create({});
        expect(await store.listHandoffs()).toEqual([]);
        const states = {
          a: handoff({ startedAt: minutesAfter(5) }),
          b: handoff({ startedAt: minutesAfter(20), channel: 'voice' }),
          c: handoff({ startedAt: minutesAfter(10), status: 'callback', reason: 'cannot_help' }),
        };
        for (const id of ['b', 'a', 'c'] as const) {
          await store.append(id, [message(`for ${id}`)], { handoff: states[id] });
        }
        await store.append('plain', [message('no handoff here')]);
        expect(await store.listHandoffs()).toEqual([
          { conversationId: 'a', handoff: states.a },
          { conversationId: 'c', handoff: states.c },
          { conversationId: 'b', handoff: states.b },
        ]);

        // Updated in place, listed once; cleared, not listed; moved by a new `startedAt`.
        const taken = { ...states.c, status: 'active' as const, operator: 'Dana' };
        await store.append('c', [], { handoff: taken });
        await store.append('a', [], { handoff: null });
        const earlier = { ...states.b, startedAt: minutesAfter(1) };
        await store.append('b', [], { handoff: earlier });
        expect(await store.listHandoffs()).toEqual([
          { conversationId: 'b', handoff: earlier },
          { conversationId: 'c', handoff: taken },
        ]);
      });

      it('keeps handoffs apart, whatever characters their ids hold', async () => {
        const { store } = await create({});
        // Ids that are JSON values too, for stores whose client parses what it reads.
        const ids = ['a', 'a:handoff', 'a}:x', '{a}', 'a b/ü', '42', 'null', '"q"', '[1]'];
        const stateOf = (index: number) =>
          handoff({ summary: `for ${ids[index]}`, startedAt: minutesAfter(index) });
        for (const [index, id] of ids.entries()) {
          await store.append(id, [], { handoff: stateOf(index) });
        }
        for (const [index, id] of ids.entries()) {
          expect((await store.load(id, { limit: 1 })).handoff).toEqual(stateOf(index));
        }
        expect(await store.listHandoffs()).toEqual(
          ids.map((id, index) => ({ conversationId: id, handoff: stateOf(index) })),
        );
      });

      it('rejects an invalid handoff as invalid_input, writing nothing', async () => {
        const { store } = await create({});
        const invalid = [
          { ...handoff(), status: 'gone' },
          { ...handoff(), startedAt: 'yesterday' },
          { ...handoff(), summary: undefined },
        ] as unknown as Handoff[];
        for (const state of invalid) {
          await expect(store.append('c', [message('x')], { handoff: state })).rejects.toMatchObject(
            { code: 'invalid_input', field: 'handoff' },
          );
        }
        expect(await store.load('c', { limit: 10 })).toEqual({ messages: [] });
        expect(await store.listHandoffs()).toEqual([]);
      });

      it('keeps the handoff as long as the conversation: each append refreshes both', async () => {
        const { store, advance } = await create({ ttlSeconds: 100 });
        await store.append('c', [message('first')], { handoff: handoff() });
        await advance(60);
        await store.append('c', [message('second')]);
        await advance(60);
        expect(await store.load('c', { limit: 10 })).toEqual({
          messages: [message('first'), message('second')],
          handoff: handoff(),
        });
        expect(await store.listHandoffs()).toEqual([{ conversationId: 'c', handoff: handoff() }]);
        await advance(50);
        expect(await store.load('c', { limit: 10 })).toEqual({ messages: [] });
        expect(await store.listHandoffs()).toEqual([]);
      });

      it('refreshes the messages when only the handoff is written', async () => {
        const { store, advance } = await create({ ttlSeconds: 100 });
        await store.append('c', [message('first')]);
        await advance(60);
        await store.append('c', [], { handoff: handoff() });
        await advance(60);
        expect(await store.load('c', { limit: 10 })).toEqual({
          messages: [message('first')],
          handoff: handoff(),
        });
        await advance(50);
        expect(await store.load('c', { limit: 10 })).toEqual({ messages: [] });
        expect(await store.listHandoffs()).toEqual([]);
      });
    });

    describe('concurrency', () => {
      const burst = async (store: HistoryStore) => {
        await Promise.all([
          ...range(0, 200).map((i) =>
            store.append('busy', [message(`u${i}`), message(`a${i}`, 'assistant')]),
          ),
          ...range(0, 20).map((i) => store.append('other', [message(`other${i}`)])),
        ]);
        return (await store.load('busy', { limit: 1000 })).messages;
      };
      // Each append wrote a user/assistant pair: an atomic append keeps every pair adjacent.
      const pairIds = (messages: HistoryMessage[]) => {
        const ids: number[] = [];
        for (let i = 0; i < messages.length; i += 2) {
          const [user, assistant] = [messages[i], messages[i + 1]];
          expect(user?.content).toMatch(/^u\d+$/);
          expect(assistant?.content).toBe(`a${user?.content.slice(1)}`);
          ids.push(Number(user?.content.slice(1)));
        }
        return ids;
      };

      it('keeps every one of 200 simultaneous appends exactly once', async () => {
        const { store } = await create({ maxMessages: 1000 });
        const messages = await burst(store);
        expect(messages).toHaveLength(400);
        expect(pairIds(messages).sort((a, b) => a - b)).toEqual(range(0, 200));
        expect((await store.load('other', { limit: 100 })).messages).toHaveLength(20);
      });

      it('trims 200 simultaneous appends to the newest window', async () => {
        const { store } = await create({ maxMessages: 50 });
        const window = await burst(store);
        expect(window).toHaveLength(50);
        expect(new Set(pairIds(window)).size).toBe(25);
        await store.append(
          'busy',
          range(0, 10).map((i) => message(`tail${i}`)),
        );
        const after = contents((await store.load('busy', { limit: 1000 })).messages);
        expect(after).toEqual([
          ...contents(window).slice(10),
          ...range(0, 10).map((i) => `tail${i}`),
        ]);
      });

      it('gives exactly one of 50 simultaneous claims of an event', async () => {
        const { store } = await create({});
        const results = await Promise.all(
          range(0, 50).map(() => store.load('c', { limit: 5, claim: 'e1' })),
        );
        const statuses = results.map((result) => result.claim?.status);
        expect(statuses.filter((status) => status === 'claimed')).toHaveLength(1);
        expect(statuses.filter((status) => status === 'pending')).toHaveLength(49);
      });

      it('shows the messages and handoff of an append to a load together or not at all', async () => {
        const { store } = await create({});
        const results = await Promise.all(
          range(0, 30).map(async (i) => {
            const [, loaded] = await Promise.all([
              store.append(`c${i}`, [message('q')], { handoff: handoff() }),
              store.load(`c${i}`, { limit: 10 }),
            ]);
            return loaded;
          }),
        );
        for (const loaded of results) {
          expect([
            { messages: [] },
            { messages: [message('q')], handoff: handoff() },
          ]).toContainEqual(loaded);
        }
      });

      it('lists all of 50 conversations handed off at once', async () => {
        const { store } = await create({});
        await Promise.all(
          range(0, 50).map((i) =>
            store.append(`c${i}`, [message('q')], {
              handoff: handoff({ startedAt: minutesAfter(i) }),
            }),
          ),
        );
        const listed = await store.listHandoffs();
        expect(listed.map((entry) => entry.conversationId)).toEqual(
          range(0, 50).map((i) => `c${i}`),
        );
      });
    });
  });
}
