import type { VoipbinAction } from '../actions';
import { pause } from './background';

/** What running a call's actions does to the call. */
export type FlowSteps = {
  /** A `talk` action: `text` was played to the call. */
  talk(text: string): void;
  /**
   * A `conference_join`: resolves once the call is out of it again (kicked, or hung up), false
   * when it could not join (unknown or deleted conference).
   */
  joinConference(conferenceId: string): Promise<boolean>;
  /** The flow hangs the call up (`hangup_by: local`). */
  hangup(): Promise<void>;
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Runs `actions` in order, as VoIPBin's flow does for the types a parked call or a dialed leg
 * meets: `talk`, `conference_join` (blocks until kicked), `sleep`, `hangup`. Other types are
 * skipped (VoIPBin skips unknown ones too). A join that fails stops the flow, which hangs the
 * call up. Resolves `ended` once the call is over (`signal` aborted), else `done`.
 */
export async function runFlowActions(
  actions: readonly VoipbinAction[],
  steps: FlowSteps,
  signal: AbortSignal,
): Promise<'done' | 'ended'> {
  for (const action of actions) {
    if (signal.aborted) return 'ended';
    const option = action.option ?? {};
    switch (action.type) {
      case 'talk':
        steps.talk(text(option.text));
        break;
      case 'sleep':
        await pause(Number(option.duration) || 0, signal);
        break;
      case 'conference_join':
        if (!(await steps.joinConference(text(option.conference_id)))) {
          await steps.hangup();
          return 'ended';
        }
        break;
      case 'hangup':
        await steps.hangup();
        return 'ended';
      default:
        break;
    }
  }
  return signal.aborted ? 'ended' : 'done';
}
