import { randomBytes } from 'node:crypto';
import { handoffEventSchema, verifyHandoffSignature } from '@org/handoff';
import { type Listening, listen } from '@org/runtime';

/** The business's webhook, played locally, and the variables that point the gateway at it. */
export type BusinessWebhook = Listening & {
  env: { HANDOFF_WEBHOOK_URL: string; HANDOFF_WEBHOOK_SECRET: string };
};

/**
 * Plays the business's handoff webhook for the CLIs: checks each delivery's signature (a bad
 * one is refused with a 401 and said so) and prints what the business is told.
 */
export async function startBusinessWebhook(
  print: (text: string) => void,
): Promise<BusinessWebhook> {
  const secret = randomBytes(24).toString('base64url');
  const listening = await listen(async (request) => {
    const rawBody = await request.text();
    const signed = verifyHandoffSignature({
      secret,
      rawBody,
      timestamp: request.headers.get('x-handoff-timestamp'),
      signature: request.headers.get('x-handoff-signature'),
    });
    if (!signed) {
      print('  [business webhook: refused a delivery with a bad signature]');
      return new Response(null, { status: 401 });
    }
    const event = handoffEventSchema.parse(JSON.parse(rawBody));
    const phone = event.customer?.phone ? ` for ${event.customer.phone}` : '';
    print(`  [business webhook: ${event.type}${phone}, ${event.reason}: ${event.summary}]`);
    return new Response(null, { status: 204 });
  });
  const env = {
    HANDOFF_WEBHOOK_URL: `${listening.url}/handoff`,
    HANDOFF_WEBHOOK_SECRET: secret,
  };
  return Object.assign(listening, { env });
}
