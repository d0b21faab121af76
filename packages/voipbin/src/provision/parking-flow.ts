import { randomUUID } from 'node:crypto';
import type { VoipbinAction } from '../actions';

/** Options for {@link parkingFlowActions}. */
export type ParkingFlowOptions = {
  language: string;
  /** The id of the `sleep` action the `goto` loops to (kept across updates). */
  sleepId?: string;
  /** A `fetch` URL for a greeting (`/voipbin/fetch/<secret>`), if used. */
  fetchUrl?: string;
  /** Minutes a call may last: the 10-minute sleep is looped this many times over. */
  maxMinutes?: number;
};

/**
 * The flow that keeps a call parked while the gateway talks (SPEC.md §3, §9): answer, speech
 * to text on the caller's side for the whole call, then sleep in a loop; hang up at the end.
 */
export function parkingFlowActions(options: ParkingFlowOptions): VoipbinAction[] {
  const sleepId = options.sleepId ?? randomUUID();
  const loops = Math.max(1, Math.ceil((options.maxMinutes ?? 60) / 10) - 1);
  return [
    { type: 'answer' },
    { type: 'transcribe_start', option: { language: options.language, direction: 'in' } },
    ...(options.fetchUrl
      ? [{ type: 'fetch', option: { event_url: options.fetchUrl, event_method: 'POST' } }]
      : []),
    { id: sleepId, type: 'sleep', option: { duration: 600_000 } },
    { type: 'goto', option: { target_id: sleepId, loop_count: loops } },
    { type: 'hangup' },
  ];
}

/** The flow's meaning without generated ids: two flows are the same when these are equal. */
export function describeFlow(actions: readonly VoipbinAction[]): string {
  const sleep = actions.find((action) => action.type === 'sleep');
  return JSON.stringify(
    actions.map((action) => {
      const option = { ...action.option };
      if (action.type === 'goto')
        option.target_id = option.target_id === sleep?.id ? 'sleep' : option.target_id;
      return { type: action.type, option: sortKeys(option) };
    }),
  );
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
