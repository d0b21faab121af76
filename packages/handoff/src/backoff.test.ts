import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, isRetryableStatus, parseRetryAfter, retryDelayMs } from './backoff';

const now = new Date('2026-03-02T09:00:00.000Z');

describe('retryDelayMs', () => {
  it('doubles from the base delay, half of it jittered', () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 1000 };
    expect(retryDelayMs(policy, 1, null, now, () => 0)).toBe(500);
    expect(retryDelayMs(policy, 1, null, now, () => 1)).toBe(1000);
    expect(retryDelayMs(policy, 3, null, now, () => 0.5)).toBe(3000);
  });

  it("takes the receiver's Retry-After instead, and never waits past the maximum", () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect(retryDelayMs(policy, 1, '7', now, () => 0)).toBe(7000);
    expect(retryDelayMs(policy, 1, '3600', now, () => 0)).toBe(10_000);
    expect(retryDelayMs(policy, 8, null, now, () => 1)).toBe(10_000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('isRetryableStatus', () => {
  it('retries 5xx, 408 and 429 only', () => {
    expect([500, 502, 503, 408, 429].map(isRetryableStatus)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([400, 401, 403, 404, 409, 410, 422].some(isRetryableStatus)).toBe(false);
  });
});
