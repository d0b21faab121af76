import { describe, expect, it } from 'vitest';
import { AiCoreError } from './errors';
import { createHandoffDesk } from './handoff-desk';
import { createMemoryHistory } from './history/memory-history';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 12, minute));

const setUp = () => {
  const history = createMemoryHistory();
  let minute = 0;
  const desk = createHandoffDesk({ history, now: () => at(minute++) });
  return { history, desk };
};

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (AiCoreError.isInstance(error) ? error.code : String(error)),
  );

describe('createHandoffDesk', () => {
  it('lists handed-off conversations oldest first, filtered by channel', async () => {
    const { desk } = setUp();
    await desk.start('web-2', {
      status: 'active',
      reason: 'cannot_help',
      summary: 'B',
      channel: 'chat',
      startedAt: at(30).toISOString(),
    });
    await desk.start('web-1', {
      status: 'callback',
      reason: 'customer_request',
      summary: 'A',
      channel: 'chat',
      startedAt: at(10).toISOString(),
    });
    await desk.start('+15550100', {
      status: 'active',
      reason: 'customer_request',
      summary: 'C',
      channel: 'sms',
    });

    expect((await desk.list()).map((entry) => entry.conversationId)).toEqual([
      '+15550100',
      'web-1',
      'web-2',
    ]);
    expect((await desk.list({ channels: ['chat'] })).map((e) => e.conversationId)).toEqual([
      'web-1',
      'web-2',
    ]);
  });

  it('stores an operator reply with its name, once per message id; a callback becomes active', async () => {
    const { desk } = setUp();
    await desk.start('c1', {
      status: 'callback',
      reason: 'customer_request',
      summary: 'Call back',
      channel: 'sms',
    });
    const first = await desk.reply('c1', {
      text: ' Hi, Sam here. ',
      operator: 'Sam',
      messageId: 'm1',
    });
    expect(first.replayed).toBe(false);
    expect(first.message).toMatchObject({
      role: 'operator',
      content: 'Hi, Sam here.',
      name: 'Sam',
    });
    expect(first.handoff).toMatchObject({ status: 'active', operator: 'Sam', channel: 'sms' });

    const again = await desk.reply('c1', {
      text: 'Hi, Sam here.',
      operator: 'Sam',
      messageId: 'm1',
    });
    expect(again.replayed).toBe(true);
    const read = await desk.read('c1');
    expect(read.messages.map((m) => `${m.role}/${m.name}: ${m.content}`)).toEqual([
      'operator/Sam: Hi, Sam here.',
    ]);
    expect(read.handoff?.status).toBe('active');
  });

  it('refuses to reply to or release a conversation that is not handed off, storing nothing', async () => {
    const { desk, history } = setUp();
    expect(await codeOf(desk.reply('c1', { text: 'Hello', operator: 'Sam' }))).toBe(
      'not_handed_off',
    );
    expect(await codeOf(desk.release('c1'))).toBe('not_handed_off');
    expect((await history.load('c1', { limit: 10 })).messages).toEqual([]);
  });

  it('refuses an empty reply or operator name as invalid_input', async () => {
    const { desk } = setUp();
    await desk.start('c1', {
      status: 'active',
      reason: 'cannot_help',
      summary: '',
      channel: 'chat',
    });
    expect(await codeOf(desk.reply('c1', { text: '  ', operator: 'Sam' }))).toBe('invalid_input');
    expect(await codeOf(desk.reply('c1', { text: 'Hi', operator: '' }))).toBe('invalid_input');
  });

  it('release gives the conversation back and keeps its messages', async () => {
    const { desk } = setUp();
    await desk.start('c1', {
      status: 'active',
      reason: 'cannot_help',
      summary: 'S',
      channel: 'chat',
    });
    await desk.reply('c1', { text: 'Sorted, anything else?', operator: 'Ana' });
    await desk.release('c1');
    const read = await desk.read('c1');
    expect(read.handoff).toBeUndefined();
    expect(read.messages).toHaveLength(1);
    expect(await desk.list()).toEqual([]);
  });
});
