import { describe, expect, it } from 'vitest';
import { rateLimitKeyOf } from './client-ip';

describe('rateLimitKeyOf', () => {
  it('keys IPv4 by address, also when IPv4-mapped', () => {
    expect(rateLimitKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keys IPv6 by its /64, so rotating within it does not escape the limit', () => {
    const a = rateLimitKeyOf('2001:db8:1:2:aaaa::1');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(rateLimitKeyOf('2001:0db8:0001:0002:ffff:ffff:ffff:fffe')).toBe(a);
    expect(rateLimitKeyOf('2001:db8:1:3::1')).not.toBe(a);
    expect(rateLimitKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKeyOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('leaves anything else as it is', () => {
    expect(rateLimitKeyOf('unknown')).toBe('unknown');
  });
});
