import { describe, expect, it } from 'vitest';
import { parseHistoryMessage } from './store-support';

const base = { role: 'assistant', content: 'We open', createdAt: '2026-01-02T03:04:05.000Z' };

describe('parseHistoryMessage', () => {
  it('keeps interrupted: true and drops interrupted: false and unknown fields', () => {
    expect(parseHistoryMessage({ ...base, interrupted: true })).toEqual({
      ...base,
      interrupted: true,
    });
    const unmarked = parseHistoryMessage({ ...base, interrupted: false, extra: 1 });
    expect(unmarked).toEqual(base);
    expect(unmarked && Object.keys(unmarked)).toEqual(['role', 'content', 'createdAt']);
  });

  it('skips a message whose interrupted is not a boolean', () => {
    expect(parseHistoryMessage({ ...base, interrupted: 'yes' })).toBeUndefined();
  });
});
