import { describe, expect, it } from 'vitest';
import { createActivity } from './activity';

describe('createActivity', () => {
  it('reports a failing timer task instead of swallowing it', async () => {
    const failures: { name: string; error: unknown }[] = [];
    const activity = createActivity((name, error) => failures.push({ name, error }));
    const boom = new Error('lookup exploded');
    activity.arm('lookup:t1', 1, async () => {
      throw boom;
    });
    await activity.settled();
    expect(failures).toEqual([{ name: 'lookup:t1', error: boom }]);
  });

  it('runs tasks of one key in order and settles after timers fire', async () => {
    const activity = createActivity();
    const order: string[] = [];
    void activity.run('k', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('first');
    });
    void activity.run('k', async () => {
      order.push('second');
    });
    activity.arm('t', 5, async () => {
      order.push('timer');
    });
    await activity.settled();
    expect(order.filter((entry) => entry !== 'timer')).toEqual(['first', 'second']);
    expect(order).toContain('timer');
  });
});
