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
  };
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
    },
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
    requests: [],
    faults: [],
  };
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
