import { type AccountResource, createAccountResource } from './account';
import { type CallsResource, createCallsResource } from './calls';
import { type ConferencesResource, createConferencesResource } from './conferences';
import { type ConversationsResource, createConversationsResource } from './conversations';
import { type CustomerResource, createCustomerResource } from './customer';
import { createFlowsResource, type FlowsResource } from './flows';
import { createMessagesResource, type MessagesResource } from './messages';
import { createNumbersResource, type NumbersResource } from './numbers';
import type { RequestOptions } from './request';
import { createSpeakingsResource, type SpeakingsResource } from './speakings';
import { createTranscribesResource, type TranscribesResource } from './transcribes';

/** VoIPBin's public API base (SPEC.md, OpenAPI `servers`). */
export const defaultVoipbinApiUrl = 'https://api.voipbin.net/v1.0';

/** Options for {@link createVoipbinClient}. */
export type VoipbinClientOptions = {
  /** Default {@link defaultVoipbinApiUrl}. */
  baseUrl?: string;
  /** Sent as `?accesskey=` (the only way access keys authenticate, SPEC.md §5). */
  accessKey?: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Per attempt, in ms. Default 5000. */
  timeoutMs?: number;
  /**
   * Retries after the first attempt. Idempotent calls (GET, PUT, DELETE, flush, stop, hangup,
   * music on hold): on 429, 5xx and network errors. The others (`say`, `talk`, sends, creates,
   * dialing out): only when VoIPBin certainly did not act (429, 503, failed connect). Default 2.
   */
  retries?: number;
  /** First backoff, doubled per retry. Default 200 ms. */
  backoffMs?: number;
  /** Called before each retry (e.g. to log it). */
  onRetry?: RequestOptions['onRetry'];
};

/** The REST calls a gateway and its setup make, by resource, with zod-validated answers. */
export type VoipbinClient = {
  calls: CallsResource;
  conferences: ConferencesResource;
  speakings: SpeakingsResource;
  transcribes: TranscribesResource;
  customer: CustomerResource;
  flows: FlowsResource;
  numbers: NumbersResource;
  conversations: ConversationsResource;
  messages: MessagesResource;
  account: AccountResource;
};

/**
 * A typed VoIPBin REST client: access key as `?accesskey=`, a timeout per attempt, bounded
 * retries with backoff. A call that may have taken effect (a POST that timed out or got a 500)
 * is never retried. Failures throw `VoipbinApiError`.
 *
 * @example
 * const voipbin = createVoipbinClient({ accessKey: 'vb_…' });
 * await voipbin.conversations.sendMessage(conversationId, 'We open at nine.');
 */
export function createVoipbinClient(options: VoipbinClientOptions = {}): VoipbinClient {
  const request: RequestOptions = {
    baseUrl: options.baseUrl ?? defaultVoipbinApiUrl,
    accessKey: options.accessKey,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 5000,
    retries: options.retries ?? 2,
    backoffMs: options.backoffMs ?? 200,
    onRetry: options.onRetry,
  };
  return {
    calls: createCallsResource(request),
    conferences: createConferencesResource(request),
    speakings: createSpeakingsResource(request),
    transcribes: createTranscribesResource(request),
    customer: createCustomerResource(request),
    flows: createFlowsResource(request),
    numbers: createNumbersResource(request),
    conversations: createConversationsResource(request),
    messages: createMessagesResource(request),
    account: createAccountResource(request),
  };
}
