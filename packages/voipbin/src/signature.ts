import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header VoIPBin signs customer webhooks with (SPEC.md §7). */
export const signatureHeader = 'X-VoIPBIN-Signature';

/**
 * `sha256=<lowercase hex HMAC-SHA256>` of the exact raw body, keyed with the customer's
 * webhook secret as-is (its bytes, not decoded).
 */
export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True when `header` is the signature of `body`; compared in constant time. */
export function verifySignature(
  secret: string,
  body: string | Uint8Array,
  header: string | null | undefined,
): boolean {
  if (!secret || !header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header.trim().toLowerCase());
  // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the secret.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

/** Constant-time comparison of two secrets (e.g. the one in a fetch URL). */
export function secretsEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
