import type { HandoffOptions } from '@org/ai-core';
import { type EnvCheck, requiredTogether } from '@org/runtime';
import { z } from 'zod';
import { createOpeningHours, isTimeZone } from './opening-hours';

/**
 * Handing conversations to a person: where the business is told, who may answer, and when.
 * Spread its `shape` into an app's schema and pass {@link handoffEnvCheck} to `parseEnv`.
 *
 * - `HANDOFF_WEBHOOK_URL` (http or https, optional): the business's webhook, told of every
 *   handoff and callback request; `HANDOFF_WEBHOOK_SECRET` (16+ characters) signs it.
 * - `OPERATOR_TOKEN` (24+ characters, optional): the operator API's bearer token. Without it the
 *   operator API is off and nobody is available on chat and SMS.
 * - `HANDOFF_HOURS` (optional, default always): e.g. `Mon-Fri 09:00-17:00, Sat 10:00-14:00`
 *   (see `createOpeningHours`), in `HANDOFF_TIMEZONE` (IANA, default `UTC`).
 * - `HANDOFF_CONTACT` (optional): how customers reach the team, told to them in writing when
 *   nobody is available, e.g. `You can call us on +1 555 010 2030 or email hello@example.com.`
 */
export const handoffEnv = z.object({
  HANDOFF_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  HANDOFF_WEBHOOK_SECRET: z.string().min(16).optional(),
  OPERATOR_TOKEN: z.string().min(24).optional(),
  HANDOFF_HOURS: z.string().optional(),
  HANDOFF_CONTACT: z.string().trim().min(1).max(300).optional(),
  HANDOFF_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/Berlin')
    .default('UTC'),
});

/** The handoff variables, validated. */
export type HandoffEnv = z.infer<typeof handoffEnv>;

const webhookTogether = requiredTogether('HANDOFF_WEBHOOK_URL', 'HANDOFF_WEBHOOK_SECRET');

/**
 * The webhook URL and its secret go together (a secret alone is reported too: it would sign
 * nothing), and `HANDOFF_HOURS` must parse.
 */
export const handoffEnvCheck: EnvCheck = (set) => {
  const issues = webhookTogether(set);
  const hours = set.HANDOFF_HOURS;
  if (hours !== undefined) {
    try {
      // The time zone is the schema's to check; here only the hours are.
      createOpeningHours(hours, 'UTC');
    } catch (error) {
      issues.push(`HANDOFF_HOURS: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return issues;
};

/**
 * The assistant's `handoff` options from the environment: who is available is the app's to say
 * (per channel); how customers reach the team is `HANDOFF_CONTACT`; a callback is promised only
 * when someone will see the request (the business's webhook, or the operator API's list).
 *
 * @example
 * ```ts
 * const available = createStaffedHours({ staffed: env.OPERATOR_TOKEN !== undefined, hours: env.HANDOFF_HOURS, timeZone: env.HANDOFF_TIMEZONE })
 * const brain = await createBrain(env, { handoff: handoffOptionsFromEnv(env, available) })
 * ```
 */
export function handoffOptionsFromEnv(
  env: Pick<HandoffEnv, 'HANDOFF_CONTACT' | 'HANDOFF_WEBHOOK_URL' | 'OPERATOR_TOKEN'>,
  available: NonNullable<HandoffOptions['available']>,
): HandoffOptions {
  return {
    available,
    ...(env.HANDOFF_CONTACT ? { contact: env.HANDOFF_CONTACT } : {}),
    callbacks: env.HANDOFF_WEBHOOK_URL !== undefined || env.OPERATOR_TOKEN !== undefined,
  };
}
