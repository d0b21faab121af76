import { z } from 'zod';
import { actionSchema, type VoipbinAction } from '../actions';
import { isNilId } from '../wire';
import { pause } from './background';
import type { CallContext } from './events';
import { type FlowSteps, runFlowActions } from './flow-actions';
import type { FetchRecord, SimulatorState } from './state';

/** VoIPBin's budget for a fetch step (SPEC.md §2): a later answer leaves the call in silence. */
const fetchBudgetMs = 3000;
const actionList = z.array(actionSchema);

/** What a call's parking flow needs. */
export type ParkingFlowOptions = {
  state: SimulatorState;
  context: CallContext;
  /** The `fetch` action's `event_url`; `${voipbin.call.id}` and the like are substituted. */
  url: string;
  /** The `goto`'s `loop_count`: fetches after the first. */
  loops: number;
  /** Aborted once the call is over or the simulator closes. */
  signal: AbortSignal;
  /** The call's actions: talk, join a conference, hang up. */
  steps: FlowSteps;
  /** A fetch was recorded (wakes `waitUntil`). */
  changed: () => void;
};

/** `${name}` placeholders of `url`, as VoIPBin substitutes them when the action runs. */
function substitute(url: string, context: CallContext): string {
  const variables: Record<string, string> = {
    'voipbin.call.id': context.callId,
    'voipbin.call.source.target': context.from,
    'voipbin.call.destination.target': context.to,
    'voipbin.call.direction': 'incoming',
    'voipbin.activeflow.id': context.activeflowId,
    'voipbin.activeflow.reference_id': context.callId,
    'voipbin.activeflow.reference_type': 'call',
    'voipbin.activeflow.flow_id': context.flowId,
  };
  return url.replace(/\$\{(.*?)\}/g, (_, name: string) => variables[name] ?? '');
}

/** One fetch: the request VoIPBin makes, the answer judged as VoIPBin judges it. */
async function fetchActions(options: ParkingFlowOptions): Promise<FetchRecord | undefined> {
  const { context, signal } = options;
  const url = substitute(options.url, context);
  const at = Date.now();
  const record: FetchRecord = {
    callId: context.callId,
    url,
    status: 'error',
    actions: undefined,
    outcome: 'failed',
    at,
    durationMs: 0,
  };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ activeflow_id: context.activeflowId, reference_id: context.callId }),
      signal,
    });
    record.status = response.status;
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = actionList.safeParse(body);
    if (parsed.success) record.actions = parsed.data;
  } catch {
    if (signal.aborted) return undefined;
  }
  record.durationMs = Date.now() - at;
  const first = record.actions?.[0];
  if (record.status !== 200 || !record.actions) record.outcome = 'failed';
  else if (record.durationMs > fetchBudgetMs) record.outcome = 'late';
  else if (first && isNilId(first.id)) record.outcome = 'skipped';
  else record.outcome = 'executed';
  options.state.fetches.push(record);
  options.changed();
  return record;
}

/**
 * Parking flow v2 (HANDOFF.md §1.2) from its 200 ms `sleep` on: `fetch`, run the answer, `goto`
 * the fetch `loops` times (a kick out of a conference ends the answer's run, so the call fetches
 * again), then `hangup`. A failed fetch hangs up at once; a late one leaves the call stuck.
 */
export async function runParkingFlow(options: ParkingFlowOptions): Promise<void> {
  const { signal, steps } = options;
  await pause(200, signal);
  for (let run = 0; run <= options.loops; run++) {
    if (signal.aborted) return;
    const record = await fetchActions(options);
    if (!record || signal.aborted) return;
    if (record.outcome === 'failed') return steps.hangup();
    if (record.outcome === 'late') return;
    const actions: VoipbinAction[] = record.outcome === 'executed' ? (record.actions ?? []) : [];
    if ((await runFlowActions(actions, steps, signal)) === 'ended') return;
  }
  if (!signal.aborted) await steps.hangup();
}
