import { randomBytes, randomUUID } from 'node:crypto';
import type { VoipbinAction } from '../actions';
import { nilUuid } from '../wire';
import type { CallContext } from './events';
import type {
  SimulatedConversation,
  SimulatedConversationMessage,
  SimulatedMessage,
} from './text-events';

/** One thing the bot said to a call. */
export type SpokenLine = {
  callId: string;
  text: string;
  /** `speaking` (POST /speakings/{id}/say) or `talk` (POST /calls/{id}/talk). */
  via: 'speaking' | 'talk';
  at: number;
};

/** One text the bot sent (`POST /conversations/{id}/messages` or `POST /messages`). */
export type SentText = {
  conversationId: string;
  /** The conversation message id (for `POST /messages`, the SMS id). */
  messageId: string;
  text: string;
  /** `conversation` (POST /conversations/{id}/messages) or `message` (POST /messages). */
  via: 'conversation' | 'message';
  at: number;
};

/** A REST request the simulator served. */
export type RecordedRequest = { method: string; path: string; body: unknown; at: number };

/**
 * A scripted failure: matching requests wait `delayMs`, then get `status` (`times` of them,
 * default all). Without `status` the request is served normally after the delay (a slow API),
 * and still takes effect when the client gave up waiting first: a `POST /speakings` that timed
 * out leaves an active session, as on VoIPBin.
 */
export type Fault = {
  method?: string;
  path: RegExp;
  status?: number;
  delayMs?: number;
  times?: number;
};

/** A flow of the simulated account (`POST /flows`). */
export type SimulatedFlow = {
  id: string;
  customer_id: string;
  type: 'flow';
  name: string;
  detail: string;
  actions: VoipbinAction[];
};

/** A number of the simulated account; `+15550100` exists from the start. */
export type SimulatedNumber = {
  id: string;
  number: string;
  type: 'normal' | 'virtual';
  call_flow_id: string;
  message_flow_id: string;
  name: string;
  detail: string;
  status: string;
};

/** A Speaking session (`POST /speakings`), `stopped` after `/stop`. */
export type SimulatedSpeaking = {
  id: string;
  customer_id: string;
  reference_type: 'call';
  reference_id: string;
  language: string;
  provider: string;
  voice_id: string;
  direction: string;
  status: 'active' | 'stopped';
};

/** A conference of the account (`POST /conferences`), as `/conferences` answers it. */
export type SimulatedConference = {
  id: string;
  customer_id: string;
  type: string;
  /** `terminating` while a delete kicks its participants, then `terminated`. */
  status: 'progressing' | 'terminating' | 'terminated';
  name: string;
  detail: string;
  data: Record<string, unknown>;
  timeout: number;
  pre_flow_id: string;
  post_flow_id: string;
  /** One id per call in it now (a conferencecall id, not the call id). */
  conferencecall_ids: string[];
  recording_id: string;
  recording_ids: string[];
  transcribe_id: string;
  transcribe_ids: string[];
  tm_end: string | null;
  tm_create: string;
  tm_update: string;
  tm_delete: string | null;
};

/**
 * What the person dialed by `POST /calls` does: picks up, never does (`noanswer`), is `busy`,
 * the dial `failed`, or `ring`s until the test calls `answer()` or `hangup()` on the leg (or
 * the gateway hangs it up: `cancel`).
 */
export type HumanOutcome = 'answer' | 'noanswer' | 'busy' | 'failed' | 'ring';

/** A leg dialed by `POST /calls`: the person a call is handed to. */
export type SimulatedOutboundCall = {
  id: string;
  /** Our number it was dialed from. */
  source: string;
  destination: string;
  /** The actions it runs once answered (a `flow_id`'s, when dialed with one). */
  actions: VoipbinAction[];
  outcome: HumanOutcome;
  status: 'dialing' | 'ringing' | 'progressing' | 'hangup';
  /** What the person heard: the texts of its `talk` actions, in order (the briefing). */
  heard: string[];
  /** The conference it is in now. */
  conferenceId: string | undefined;
  /** When it was answered (epoch ms). */
  answeredAt: number | undefined;
  hangupBy: 'local' | 'remote' | undefined;
  hangupReason: string | undefined;
};

/** Music on hold turned on (`POST /calls/{id}/moh`) or off (`DELETE`). */
export type MusicOnHoldChange = { callId: string; on: boolean; at: number };

/**
 * One `fetch` of a call's parking flow (`startCall({ fetchUrl })`) and what came of it:
 * `executed`; `skipped` (the first action had no id, so VoIPBin resumes after the list);
 * `failed` (not a 200 with a JSON array: the flow stops and the call hangs up); `late`
 * (answered after VoIPBin's 3 s budget: the call is left in silence, the flow stuck).
 */
export type FetchRecord = {
  callId: string;
  /** The URL after `${voipbin.…}` substitution. */
  url: string;
  status: number | 'error';
  /** The answer, when it was a JSON array of actions. */
  actions: VoipbinAction[] | undefined;
  outcome: 'executed' | 'skipped' | 'failed' | 'late';
  at: number;
  durationMs: number;
};

/** Everything the simulated VoIPBin account holds, and what happened to it. */
export type SimulatorState = {
  accessKey: string | undefined;
  customer: {
    id: string;
    name: string;
    detail: string;
    email: string;
    phone_number: string;
    address: string;
    webhook_method: string;
    webhook_uri: string;
    webhook_secret: string;
    status: string;
    /** `verified` by default; anything else and VoIPBin would refuse to dial out. */
    identity_verification_status: string;
    billing_account_id: string;
  };
  /** `GET /outbound_config`: the countries calls may be dialed to (default `['us']`). */
  outboundConfig: { id: string; customer_id: string; destination_whitelist: string[] };
  /**
   * `GET /billing_account`: the plan sets the conference limit `POST /conferences` enforces
   * (default `unlimited`; `free` allows 2).
   */
  billingAccount: { id: string; customer_id: string; plan_type: string; balance_credit: number };
  flows: Map<string, SimulatedFlow>;
  numbers: Map<string, SimulatedNumber>;
  calls: Map<string, { context: CallContext; status: string }>;
  speakings: Map<string, SimulatedSpeaking>;
  spoken: SpokenLine[];
  /** SMS threads, by conversation id (created by a sender's first text). */
  conversations: Map<string, SimulatedConversation>;
  /** Messages of the conversations, by id. */
  conversationMessages: Map<string, SimulatedConversationMessage>;
  /** SMS in and out (message-manager), by id. */
  messages: Map<string, SimulatedMessage>;
  /** What the bot texted, in order. */
  sentTexts: SentText[];
  flushes: { callId: string; speakingId: string; at: number }[];
  /** Conferences, by id; a deleted one stays, `terminated`. */
  conferences: Map<string, SimulatedConference>;
  /** Legs dialed by `POST /calls`, by id, in order. */
  outboundCalls: Map<string, SimulatedOutboundCall>;
  musicOnHold: MusicOnHoldChange[];
  /** Every parking-flow `fetch`, in order. */
  fetches: FetchRecord[];
  requests: RecordedRequest[];
  faults: Fault[];
};

/** A 32-character base64url secret, like VoIPBin's. */
export const newWebhookSecret = () => randomBytes(24).toString('base64url');

/** A fresh account: one number (`+15550100`), no flows, nothing happened yet. */
export function createSimulatorState(options: {
  accessKey?: string;
  webhookSecret?: string;
}): SimulatorState {
  const state: SimulatorState = {
    accessKey: options.accessKey,
    customer: {
      id: randomUUID(),
      name: 'Simulated customer',
      detail: '',
      email: 'owner@example.com',
      phone_number: '',
      address: '',
      webhook_method: 'POST',
      webhook_uri: '',
      webhook_secret: options.webhookSecret ?? newWebhookSecret(),
      status: 'active',
      identity_verification_status: 'verified',
      billing_account_id: randomUUID(),
    },
    outboundConfig: { id: randomUUID(), customer_id: '', destination_whitelist: ['us'] },
    billingAccount: { id: '', customer_id: '', plan_type: 'unlimited', balance_credit: 10_000_000 },
    flows: new Map(),
    numbers: new Map(),
    calls: new Map(),
    speakings: new Map(),
    spoken: [],
    conversations: new Map(),
    conversationMessages: new Map(),
    messages: new Map(),
    sentTexts: [],
    flushes: [],
    conferences: new Map(),
    outboundCalls: new Map(),
    musicOnHold: [],
    fetches: [],
    requests: [],
    faults: [],
  };
  state.outboundConfig.customer_id = state.customer.id;
  state.billingAccount.id = state.customer.billing_account_id;
  state.billingAccount.customer_id = state.customer.id;
  const number: SimulatedNumber = {
    id: randomUUID(),
    number: '+15550100',
    type: 'normal',
    call_flow_id: nilUuid,
    message_flow_id: nilUuid,
    name: 'Main line',
    detail: '',
    status: 'active',
  };
  state.numbers.set(number.id, number);
  return state;
}
