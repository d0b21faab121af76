import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretsEqual, signBody, verifySignature } from './signature';

const secret = 'q3Jk9v_Xw2bL8nP0aZ5cE1fG7hT4mR6s';
const body = '{"type":"call_created","data":{"id":"c1"}}';

describe('signBody', () => {
  it('is sha256= and the lowercase hex HMAC-SHA256 of the raw body, keyed by the secret bytes', () => {
    const hex = createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex');
    expect(signBody(secret, body)).toBe(`sha256=${hex}`);
    expect(signBody(secret, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});

describe('verifySignature', () => {
  it('accepts the signature of the exact body', () => {
    expect(verifySignature(secret, body, signBody(secret, body))).toBe(true);
    expect(verifySignature(secret, Buffer.from(body), signBody(secret, body))).toBe(true);
  });

  it('rejects a body that differs by one byte, even if it is the same JSON', () => {
    const reformatted = '{"type": "call_created","data":{"id":"c1"}}';
    expect(verifySignature(secret, reformatted, signBody(secret, body))).toBe(false);
  });

  it('rejects another secret, a missing header, a bare hex and garbage', () => {
    const signature = signBody(secret, body);
    expect(verifySignature('other-secret', body, signature)).toBe(false);
    expect(verifySignature(secret, body, undefined)).toBe(false);
    expect(verifySignature(secret, body, '')).toBe(false);
    expect(verifySignature(secret, body, signature.slice('sha256='.length))).toBe(false);
    expect(verifySignature(secret, body, 'sha256=zz')).toBe(false);
    expect(verifySignature('', body, signBody('', body))).toBe(false);
  });
});

describe('secretsEqual', () => {
  it('compares exactly and refuses empty secrets', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abd')).toBe(false);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
    expect(secretsEqual('', '')).toBe(false);
  });
});
