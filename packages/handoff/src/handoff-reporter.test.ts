import { createMemoryHistory } from '@org/ai-core';
import { describe, expect, it, vi } from 'vitest';
import { createStaffedHours } from './availability';
import type { HandoffNotifier } from './handoff-notifier';
import { createHandoffReporter } from './handoff-reporter';

const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const notifierOf = (notify: HandoffNotifier['notify']): HandoffNotifier => ({
  notify,
  settled: async () => {},
});
const handoff = { reason: 'customer_request', summary: 'Wants a person.' } as const;

describe('createHandoffReporter', () => {
  it('sends started and unavailable with the transcript; nothing for active', async () => {
    const history = createMemoryHistory();
    await history.append('c1', [
      { role: 'user', content: 'Can I talk to a person?', createdAt: '2026-12-06T10:00:00Z' },
    ]);
    const notify = vi.fn<HandoffNotifier['notify']>(async () => {});
    const report = createHandoffReporter({ notifier: notifierOf(notify), history, logger });

    await report({
      channel: 'sms',
      conversationId: 'c1',
      handoff: { ...handoff, state: 'started' },
    });
    await report({
      channel: 'voice',
      conversationId: 'c1',
      handoff: { ...handoff, state: 'unavailable' },
      customer: { phone: '+15550100' },
    });
    await report({
      channel: 'sms',
      conversationId: 'c1',
      handoff: { ...handoff, state: 'active' },
    });

    expect(notify.mock.calls.map(([notice]) => notice)).toEqual([
      {
        type: 'handoff.started',
        channel: 'sms',
        conversationId: 'c1',
        ...handoff,
        transcript: [expect.objectContaining({ content: 'Can I talk to a person?' })],
      },
      expect.objectContaining({
        type: 'handoff.callback_requested',
        channel: 'voice',
        customer: { phone: '+15550100' },
      }),
    ]);
  });

  it('never rejects: a store or webhook failure is logged', async () => {
    const history = { load: () => Promise.reject(new Error('store down')) };
    const notify = vi.fn(async () => {
      throw new Error('webhook down');
    });
    const report = createHandoffReporter({ notifier: notifierOf(notify), history, logger });
    await expect(
      report({ channel: 'chat', conversationId: 'c1', handoff: { ...handoff, state: 'started' } }),
    ).resolves.toBeUndefined();
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ transcript: [] }));
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ conversationId: 'c1' }),
      'handoff not sent to the webhook',
    );
  });
});

describe('createStaffedHours', () => {
  const monday10 = new Date('2026-12-07T10:00:00Z');
  const sunday10 = new Date('2026-12-06T10:00:00Z');
  it('is available only when staffed and open', () => {
    const hours = 'Mon-Fri 09:00-17:00';
    expect(createStaffedHours({ staffed: true, hours, timeZone: 'UTC' })({ at: monday10 })).toBe(
      true,
    );
    expect(createStaffedHours({ staffed: true, hours, timeZone: 'UTC' })({ at: sunday10 })).toBe(
      false,
    );
    expect(createStaffedHours({ staffed: false, hours, timeZone: 'UTC' })({ at: monday10 })).toBe(
      false,
    );
    expect(
      createStaffedHours({ staffed: true, hours: undefined, timeZone: 'UTC' })({ at: sunday10 }),
    ).toBe(true);
  });
});
