import { describe, expect, it } from 'vitest';
import { signHandoffPayload, verifyHandoffSignature } from './handoff-signature';

const secret = 'test-secret-0123456789';
const rawBody = '{"hello":"world"}';
const timestamp = 1767225600; // 2026-01-01T00:00:00Z
const now = () => new Date(timestamp * 1000 + 30_000);
// openssl: printf '%s' '1767225600.{"hello":"world"}' | openssl dgst -sha256 -hmac 'test-secret-0123456789'
const known = 'sha256=51d4207ad8c16f6031322fa3ff756ad7276dfe622cfbaf4cdeb944b196e9ec75';

const input = (overrides: Partial<Parameters<typeof verifyHandoffSignature>[0]> = {}) => ({
  secret,
  rawBody,
  timestamp: String(timestamp),
  signature: known,
  now,
  ...overrides,
});

describe('signHandoffPayload', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>", prefixed sha256=', () => {
    expect(signHandoffPayload(secret, timestamp, rawBody)).toBe(known);
  });
});

describe('verifyHandoffSignature', () => {
  it('accepts a delivery signed with the secret, within the tolerance', () => {
    expect(verifyHandoffSignature(input())).toBe(true);
  });

  it('refuses a forged signature', () => {
    const forged = signHandoffPayload('another-secret-0123456', timestamp, rawBody);
    expect(verifyHandoffSignature(input({ signature: forged }))).toBe(false);
    expect(verifyHandoffSignature(input({ signature: known.replace('51d4', '51d5') }))).toBe(false);
    expect(verifyHandoffSignature(input({ signature: known.slice(7) }))).toBe(false);
  });

  it('refuses a changed body or timestamp', () => {
    expect(verifyHandoffSignature(input({ rawBody: '{"hello":"World"}' }))).toBe(false);
    expect(verifyHandoffSignature(input({ timestamp: String(timestamp + 1) }))).toBe(false);
  });

  it('refuses missing headers and a timestamp that is not a number', () => {
    expect(verifyHandoffSignature(input({ signature: undefined }))).toBe(false);
    expect(verifyHandoffSignature(input({ timestamp: null }))).toBe(false);
    expect(verifyHandoffSignature(input({ timestamp: '1767225600.0' }))).toBe(false);
  });

  it('refuses a delivery older or newer than the tolerance (a replay)', () => {
    const later = () => new Date((timestamp + 301) * 1000);
    const earlier = () => new Date((timestamp - 301) * 1000);
    expect(verifyHandoffSignature(input({ now: later }))).toBe(false);
    expect(verifyHandoffSignature(input({ now: earlier }))).toBe(false);
    expect(verifyHandoffSignature(input({ now: later, toleranceSeconds: 600 }))).toBe(true);
  });
});
