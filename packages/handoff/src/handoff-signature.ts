import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a delivery's timestamp may be, by default, for {@link verifyHandoffSignature}. */
export const defaultSignatureToleranceSeconds = 300;

/**
 * The `x-handoff-signature` of a delivery: `sha256=` and the hex HMAC-SHA256, keyed with the
 * webhook secret, of `<timestamp>.<raw body>` (`timestamp` is `x-handoff-timestamp`).
 */
export function signHandoffPayload(secret: string, timestamp: number, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `sha256=${mac}`;
}

/** What {@link verifyHandoffSignature} checks: a delivery as received. */
export type HandoffSignatureInput = {
  /** The webhook secret (`HANDOFF_WEBHOOK_SECRET`). */
  secret: string;
  /** The raw request body, exactly as received: not re-serialised JSON. */
  rawBody: string;
  /** The `x-handoff-timestamp` header. */
  timestamp: string | null | undefined;
  /** The `x-handoff-signature` header. */
  signature: string | null | undefined;
  /** How far the timestamp may be from now, in seconds. Default 300. */
  toleranceSeconds?: number;
  /** Now; default the system clock. */
  now?: () => Date;
};

/**
 * For the business's receiver: whether a delivery was signed with `secret` and sent within
 * `toleranceSeconds` of now (a captured delivery replayed later is refused). Compares in
 * constant time. Deduplicate on `x-handoff-delivery`: a retried delivery keeps its id.
 *
 * @example
 * ```ts
 * app.post('/hooks/handoff', async (c) => {
 *   const rawBody = await c.req.text();
 *   const ok = verifyHandoffSignature({
 *     secret: env.HANDOFF_WEBHOOK_SECRET,
 *     rawBody,
 *     timestamp: c.req.header('x-handoff-timestamp'),
 *     signature: c.req.header('x-handoff-signature'),
 *   });
 *   if (!ok) return c.text('bad signature', 401);
 *   const event = handoffEventSchema.parse(JSON.parse(rawBody));
 *   // …
 * });
 * ```
 */
export function verifyHandoffSignature(input: HandoffSignatureInput): boolean {
  const { timestamp, signature } = input;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const nowSeconds = Math.floor((input.now?.() ?? new Date()).getTime() / 1000);
  const tolerance = input.toleranceSeconds ?? defaultSignatureToleranceSeconds;
  if (Math.abs(nowSeconds - Number(timestamp)) > tolerance) return false;
  const expected = Buffer.from(signHandoffPayload(input.secret, Number(timestamp), input.rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
