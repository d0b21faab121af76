import type { HandoffAvailabilityQuery } from '@org/ai-core';
import { createOpeningHours } from './opening-hours';

/** Options for {@link createStaffedHours}. */
export type StaffedHoursOptions = {
  /** Whether anyone is set up to take conversations at all (e.g. `OPERATOR_TOKEN` is set). */
  staffed: boolean;
  /** The opening hours (`HANDOFF_HOURS`); unset: always open. */
  hours: string | undefined;
  /** Their IANA time zone (`HANDOFF_TIMEZONE`). */
  timeZone: string;
};

/**
 * `HandoffOptions.available` for a channel the team answers in writing: a person is available
 * when someone is set up to answer and the opening hours say open.
 *
 * @example
 * ```ts
 * const available = createStaffedHours({
 *   staffed: env.OPERATOR_TOKEN !== undefined, hours: env.HANDOFF_HOURS, timeZone: env.HANDOFF_TIMEZONE,
 * })
 * createBrain(env, { handoff: { available } })
 * ```
 */
export function createStaffedHours(
  options: StaffedHoursOptions,
): (query: Pick<HandoffAvailabilityQuery, 'at'>) => boolean {
  const open = createOpeningHours(options.hours, options.timeZone);
  return ({ at }) => options.staffed && open(at);
}
