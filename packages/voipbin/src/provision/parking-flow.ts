import { randomUUID } from 'node:crypto';
import type { VoipbinAction } from '../actions';

/** Options for {@link parkingFlowActions}. */
export type ParkingFlowOptions = {
  language: string;
  /**
   * The gateway's `fetch` URL (`/voipbin/fetch/<secret>`). With it the flow is v2 (HANDOFF.md
   * §1.2): the call is parked where the fetch answer puts it (its own conference), and a kick
   * out of it fetches again. Without it the call sleeps in a loop (v1).
   */
  fetchUrl?: string;
  /** The id of the action the `goto` loops to (the `fetch`, or v1's `sleep`), kept across updates. */
  loopId?: string;
  /** v1: minutes a call may last; the 10-minute sleep is looped this many times over. */
  maxMinutes?: number;
  /** v2: fetches after the first (the `goto`'s `loop_count`). Default 10. */
  fetchLoops?: number;
};

/**
 * The flow that keeps a call parked while the gateway talks (SPEC.md §3, §9; HANDOFF.md §1.2).
 * Every action has a UUID id.
 * - v2, with `fetchUrl`: answer, speech to text on the caller's side, a 200 ms sleep (the fetch
 *   gets its own time budget), `fetch` the gateway (which answers e.g. `[talk greeting,
 *   conference_join <the call's conference>]`), `goto` the fetch, hang up.
 * - v1, without: answer, speech to text, then a 10-minute sleep in a loop; hang up at the end.
 */
export function parkingFlowActions(options: ParkingFlowOptions): VoipbinAction[] {
  const loopId = options.loopId ?? randomUUID();
  const head: VoipbinAction[] = [
    { id: randomUUID(), type: 'answer' },
    {
      id: randomUUID(),
      type: 'transcribe_start',
      option: { language: options.language, direction: 'in' },
    },
  ];
  const hangup: VoipbinAction = { id: randomUUID(), type: 'hangup' };
  if (options.fetchUrl) {
    return [
      ...head,
      { id: randomUUID(), type: 'sleep', option: { duration: 200 } },
      {
        id: loopId,
        type: 'fetch',
        option: { event_url: options.fetchUrl, event_method: 'POST' },
      },
      {
        id: randomUUID(),
        type: 'goto',
        option: { target_id: loopId, loop_count: options.fetchLoops ?? 10 },
      },
      hangup,
    ];
  }
  const loops = Math.max(1, Math.ceil((options.maxMinutes ?? 60) / 10) - 1);
  return [
    ...head,
    { id: loopId, type: 'sleep', option: { duration: 600_000 } },
    { id: randomUUID(), type: 'goto', option: { target_id: loopId, loop_count: loops } },
    hangup,
  ];
}

/** The flow's meaning without generated ids: two flows are the same when these are equal. */
export function describeFlow(actions: readonly VoipbinAction[]): string {
  const indexOf = (id: unknown) => actions.findIndex((action) => action.id === id);
  return JSON.stringify(
    actions.map((action) => {
      const option = { ...action.option };
      // A jump is described by the position it jumps to, not by the target's generated id.
      if (action.type === 'goto') option.target_id = `#${indexOf(option.target_id)}`;
      return { type: action.type, option: sortKeys(option) };
    }),
  );
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
