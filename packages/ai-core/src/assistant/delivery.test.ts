import { describe, expect, it } from 'vitest';
import { AiCoreError } from '../errors';
import { createMemoryHistory } from '../history/memory-history';
import type { HistoryStore } from '../history-store';
import { createMockChatModel } from '../test/index';
import { interruptedNote } from './build-messages';
import { createAssistant } from './create-assistant';
import { instructions, stored, turn } from './turn-fixtures';
import type { Assistant, Delivery, Reply, ReplyInput } from './types';

const answer = 'We open at nine. We close at six.';
const claimOf = async (history: HistoryStore, eventId: string) =>
  (await history.load('c1', { limit: 0, claim: eventId })).claim;
const setup = (responses = [{ text: answer }, { text: 'Again.' }]) => {
  const model = createMockChatModel({ responses });
  const history = createMemoryHistory();
  return { model, history, assistant: createAssistant({ model, history, instructions }) };
};
/** A store that records what is appended. */
const recording = (inner: HistoryStore = createMemoryHistory()) => {
  const appends: Parameters<HistoryStore['append']>[] = [];
  const history: HistoryStore = {
    ...inner,
    append: (...args) => {
      appends.push(args);
      return inner.append(...args);
    },
  };
  return { history, appends };
};
const delivering = (delivery: Delivery) => async () => delivery;
const viaStream = async (assistant: Assistant, input: ReplyInput): Promise<Reply> => {
  for await (const part of assistant.stream(input)) if (part.type === 'reply') return part.reply;
  throw new Error('no reply part');
};
const ways = [
  ['reply()', (assistant: Assistant, input: ReplyInput) => assistant.reply(input)],
  ['stream()', viaStream],
] as const;

describe.each(ways)('deliver, through %s', (_, run) => {
  it('a withdrawn turn stores nothing and releases its event; a retry then runs normally', async () => {
    const { model, history, assistant } = setup();
    await history.append('c1', [
      { role: 'user', content: 'earlier', createdAt: '2026-01-01T00:00:00.000Z' },
    ]);
    const withdrawn = await run(
      assistant,
      turn('hours?', { eventId: 'e1', deliver: delivering({ kept: false }) }),
    );
    expect(withdrawn).toMatchObject({ text: answer, replayed: false });
    expect(await stored(history)).toEqual(['user: earlier']);

    const retry = await run(assistant, turn('hours?', { eventId: 'e1' }));
    expect(retry).toMatchObject({ text: 'Again.', replayed: false });
    expect(model.calls).toHaveLength(2);
    expect(model.calls[1]?.messages.filter((m) => m.role === 'user')).toHaveLength(2);
    expect(await stored(history)).toEqual(['user: earlier', 'user: hours?', 'assistant: Again.']);
  });

  it('a withdrawn turn without an event id does not write at all', async () => {
    const { history, appends } = recording();
    const assistant = createAssistant({ model: createMockChatModel(), history, instructions });
    await run(assistant, turn('hours?', { deliver: delivering({ kept: false }) }));
    expect(appends).toEqual([]);
  });

  it('an interrupted delivery stores what was heard, marked, and settles the event with it', async () => {
    const { model, history, assistant } = setup();
    const heard = { kept: true, heard: ' We open at nine. We ', interrupted: true } as const;
    const reply = await run(
      assistant,
      turn('hours?', { eventId: 'e1', deliver: delivering(heard) }),
    );
    expect(reply.text).toBe(answer);
    expect(await stored(history)).toEqual([
      'user: hours?',
      'assistant: We open at nine. We (interrupted)',
    ]);
    expect(await claimOf(history, 'e1')).toEqual({ status: 'done', reply: 'We open at nine. We' });

    await run(assistant, turn('and on Sunday?'));
    expect(model.calls[1]?.messages.slice(1).map((m) => m.content)).toEqual([
      'hours?',
      `We open at nine. We ${interruptedNote}`,
      'and on Sunday?',
    ]);
  });

  it.each(['', '  '])('heard %j stores the user message only', async (heard) => {
    const { history, assistant } = setup();
    const delivery = { kept: true, heard, interrupted: true } as const;
    await run(assistant, turn('hours?', { eventId: 'e1', deliver: delivering(delivery) }));
    expect(await stored(history)).toEqual(['user: hours?']);
    expect(await claimOf(history, 'e1')).toEqual({ status: 'done', reply: '' });
  });

  it('kept: true stores the whole reply, unmarked', async () => {
    const { history, assistant } = setup();
    const seen: string[] = [];
    const deliver = async (reply: string) => {
      seen.push(reply);
      return { kept: true } as const;
    };
    await run(assistant, turn('hours?', { eventId: 'e1', deliver }));
    expect(seen).toEqual([answer]);
    expect(await stored(history)).toEqual(['user: hours?', `assistant: ${answer}`]);
    expect(await claimOf(history, 'e1')).toEqual({ status: 'done', reply: answer });
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('tts down'))],
    [
      'throws',
      () => {
        throw new Error('bug');
      },
    ],
    ['resolves with something else', async () => ({ kept: 'maybe' })],
    ['gives heard without interrupted', async () => ({ kept: true, heard: 'We' })],
  ])('when deliver %s, the whole reply is kept', async (_, deliver) => {
    const { history, assistant } = setup();
    const input = turn('hours?', { deliver: deliver as unknown as ReplyInput['deliver'] });
    expect((await run(assistant, input)).text).toBe(answer);
    expect(await stored(history)).toEqual(['user: hours?', `assistant: ${answer}`]);
  });

  it('a caller abort before deliver stores nothing, releases the event, never delivers', async () => {
    const model = createMockChatModel({ responses: [{ hang: true }] });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions });
    const controller = new AbortController();
    let delivered = 0;
    const deliver = async () => {
      delivered += 1;
      return { kept: true } as const;
    };
    const pending = run(
      assistant,
      turn('hours?', { eventId: 'e1', signal: controller.signal, deliver }),
    );
    setTimeout(() => controller.abort(new Error('caller went on speaking')), 10);
    await expect(pending).rejects.toThrow('caller went on speaking');
    expect(delivered).toBe(0);
    expect(await stored(history)).toEqual([]);
    expect(await claimOf(history, 'e1')).toEqual({ status: 'claimed' });
  });

  it('a model failure or timeout with deliver keeps the user turn and releases the event', async () => {
    const failure = new AiCoreError('model_unavailable', { message: 'down' });
    const model = createMockChatModel({ responses: [{ error: failure }, { hang: true }] });
    const history = createMemoryHistory();
    const assistant = createAssistant({ model, history, instructions });
    const deliver = delivering({ kept: true });
    await expect(run(assistant, turn('a', { eventId: 'e1', deliver }))).rejects.toBe(failure);
    await expect(
      run(assistant, turn('b', { eventId: 'e2', deliver, timeoutMs: 20 })),
    ).rejects.toMatchObject({ code: 'model_timeout' });
    // As without deliver: the user's words stay, so the next turn knows what was asked.
    expect(await stored(history)).toEqual(['user: a', 'user: b']);
    expect(await claimOf(history, 'e1')).toEqual({ status: 'claimed' });
    expect(await claimOf(history, 'e2')).toEqual({ status: 'claimed' });
  });

  it('once deliver is called, neither the deadline nor a cancel ends the turn', async () => {
    const { history, assistant } = setup();
    const controller = new AbortController();
    const deliver = async () => {
      controller.abort(new Error('too late'));
      await new Promise((resolve) => setTimeout(resolve, 60));
      return { kept: true, heard: 'We open', interrupted: true } as const;
    };
    const input = turn('hours?', { signal: controller.signal, timeoutMs: 20, deliver });
    expect((await run(assistant, input)).text).toBe(answer);
    expect(await stored(history)).toEqual(['user: hours?', 'assistant: We open (interrupted)']);
  });

  it('is not called for a replayed event', async () => {
    const { assistant } = setup();
    await run(assistant, turn('hours?', { eventId: 'e1' }));
    let delivered = 0;
    const deliver = async () => {
      delivered += 1;
      return { kept: false } as const;
    };
    expect(await run(assistant, turn('hours?', { eventId: 'e1', deliver }))).toMatchObject({
      text: answer,
      replayed: true,
    });
    expect(delivered).toBe(0);
  });

  it('reports a failed release of a withdrawn turn as history_unavailable', async () => {
    const inner = createMemoryHistory();
    const history: HistoryStore = {
      ...inner,
      append: () => Promise.reject(new Error('ECONNRESET')),
    };
    const assistant = createAssistant({ model: createMockChatModel(), history, instructions });
    const input = turn('hours?', { eventId: 'e1', deliver: delivering({ kept: false }) });
    await expect(run(assistant, input)).rejects.toMatchObject({ code: 'history_unavailable' });
  });

  it('a store failure after a cancel during deliver is reported as history_unavailable', async () => {
    const history: HistoryStore = {
      ...createMemoryHistory(),
      append: () => Promise.reject(new Error('ECONNRESET')),
    };
    const assistant = createAssistant({ model: createMockChatModel(), history, instructions });
    const controller = new AbortController();
    const deliver = async () => {
      controller.abort(new Error('too late'));
      return { kept: true } as const;
    };
    const input = turn('hours?', { signal: controller.signal, deliver });
    await expect(run(assistant, input)).rejects.toMatchObject({ code: 'history_unavailable' });
  });
});

describe('deliver', () => {
  it('gets the rendered reply, after the last delta and before the reply part', async () => {
    const model = createMockChatModel({ responses: [{ text: 'We open at **9 AM**. Welcome!' }] });
    const assistant = createAssistant({ model, history: createMemoryHistory(), instructions });
    const events: string[] = [];
    const deliver = async (reply: string) => {
      events.push(`deliver: ${reply}`);
      return { kept: true } as const;
    };
    for await (const part of assistant.stream(turn('hours?', { channel: 'voice', deliver }))) {
      events.push(part.type);
    }
    expect(events.slice(-3)).toEqual(['text-delta', 'deliver: We open at 9 AM. Welcome!', 'reply']);
  });

  it('a reader that stops early stores nothing', async () => {
    const { history, assistant } = setup();
    for await (const _ of assistant.stream(turn('hi', { deliver: delivering({ kept: true }) }))) {
      break;
    }
    expect(await stored(history)).toEqual([]);
  });

  it('is validated: not a function is invalid_input', async () => {
    const { assistant } = setup();
    const input = { ...turn('hi'), deliver: 'speak' } as unknown as ReplyInput;
    await expect(assistant.reply(input)).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'deliver',
    });
  });

  it('types a Delivery so that a cut without its marker does not compile', () => {
    const whole: Delivery = { kept: true };
    // @ts-expect-error: `heard` needs `interrupted: true`
    const unmarked: Delivery = { kept: true, heard: 'We' };
    // @ts-expect-error: a withdrawn turn has nothing heard
    const withdrawn: Delivery = { kept: false, heard: '' };
    expect([whole, unmarked, withdrawn]).toHaveLength(3);
  });

  it('types a speaking channel without casts (the README example)', async () => {
    const speak = async (reply: string) => ({ interrupted: true, heard: reply.slice(0, 7) });
    const deliver: ReplyInput['deliver'] = async (reply) => {
      const playback = await speak(reply);
      if (!playback.interrupted) return { kept: true };
      return { kept: true, heard: playback.heard, interrupted: true };
    };
    const { history, assistant } = setup();
    await assistant.reply(turn('hours?', { deliver }));
    expect(await stored(history)).toEqual(['user: hours?', 'assistant: We open (interrupted)']);
  });
});
