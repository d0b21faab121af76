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
 */
export const handoffEnv = z.object({
  HANDOFF_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  HANDOFF_WEBHOOK_SECRET: z.string().min(16).optional(),
  OPERATOR_TOKEN: z.string().min(24).optional(),
  HANDOFF_HOURS: z.string().optional(),
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
