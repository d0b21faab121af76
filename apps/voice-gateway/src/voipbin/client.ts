import { z } from 'zod';
import { type RequestOptions, requestJson } from './request';
import {
  customerSchema,
  flowSchema,
  numberSchema,
  pageSchema,
  speakingSchema,
  transcribeSchema,
  type VoipbinAction,
  type VoipbinCustomer,
  type VoipbinFlow,
  type VoipbinNumber,
  type VoipbinSpeaking,
  type VoipbinTranscribe,
} from './schemas';

/** VoIPBin's public API base (SPEC.md, OpenAPI `servers`). */
export const defaultVoipbinApiUrl = 'https://api.voipbin.net/v1.0';

/** Options for {@link createVoipbinClient}. */
export type VoipbinClientOptions = {
  /** Default {@link defaultVoipbinApiUrl}. */
  baseUrl?: string;
  /** Sent as `?accesskey=`. */
  accessKey?: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Per attempt, in ms. Default 5000. */
  timeoutMs?: number;
  /** Retries (idempotent calls: 429, 5xx, network; `say`/`talk`/creates: only when refused). Default 2. */
  retries?: number;
  /** First backoff, doubled per retry. Default 200 ms. */
  backoffMs?: number;
  onRetry?: RequestOptions['onRetry'];
};

/** What `PUT /customer` takes (the OpenAPI spec marks every field required). */
export type CustomerUpdate = {
  name: string;
  detail: string;
  email: string;
  phone_number: string;
  address: string;
  webhook_method: 'POST' | 'GET' | 'PUT' | 'DELETE';
  webhook_uri: string;
};

/** Body of `POST /flows` and `PUT /flows/{id}`. */
export type FlowInput = { name: string; detail: string; actions: VoipbinAction[] };

/** Body of `POST /speakings`. */
export type SpeakingInput = {
  reference_type: 'call';
  reference_id: string;
  language: string;
  provider?: string;
  voice_id?: string;
  direction: 'both' | 'in' | 'out';
};

/** The REST calls the gateway and `voipbin:setup` make, with zod-validated answers. */
export type VoipbinClient = {
  createSpeaking(input: SpeakingInput): Promise<VoipbinSpeaking>;
  say(speakingId: string, text: string): Promise<VoipbinSpeaking>;
  flush(speakingId: string): Promise<VoipbinSpeaking>;
  stopSpeaking(speakingId: string): Promise<VoipbinSpeaking>;
  /** `POST /calls/{id}/talk`: the fallback when no Speaking session is available. */
  talk(callId: string, input: { text: string; language: string }): Promise<void>;
  hangup(callId: string): Promise<void>;
  getTranscribe(transcribeId: string): Promise<VoipbinTranscribe>;
  getCustomer(): Promise<VoipbinCustomer>;
  updateCustomer(input: CustomerUpdate): Promise<VoipbinCustomer>;
  listFlows(
    pageToken?: string,
  ): Promise<{ result: VoipbinFlow[]; next_page_token?: string | null }>;
  createFlow(input: FlowInput): Promise<VoipbinFlow>;
  updateFlow(flowId: string, input: FlowInput): Promise<VoipbinFlow>;
  listNumbers(
    pageToken?: string,
  ): Promise<{ result: VoipbinNumber[]; next_page_token?: string | null }>;
  setNumberFlows(
    numberId: string,
    flows: { call_flow_id: string; message_flow_id: string },
  ): Promise<VoipbinNumber>;
};

const anything = z.unknown();

/**
 * A typed VoIPBin REST client: access key as `?accesskey=`, a timeout per attempt, bounded
 * retries with backoff on 429/5xx/network errors for idempotent calls (flush, stop and hangup
 * count as such); `say`, `talk` and creates are retried only when VoIPBin certainly did not act
 * (429, 503, failed connect). Failures throw `VoipbinApiError`.
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
  const id = encodeURIComponent;
  const page = { page_size: 100 };
  return {
    createSpeaking: (body) =>
      requestJson(request, { method: 'POST', path: '/speakings', body }, speakingSchema),
    say: (speakingId, text) =>
      requestJson(
        request,
        { method: 'POST', path: `/speakings/${id(speakingId)}/say`, body: { text } },
        speakingSchema,
      ),
    flush: (speakingId) =>
      requestJson(
        request,
        { method: 'POST', path: `/speakings/${id(speakingId)}/flush`, idempotent: true },
        speakingSchema,
      ),
    stopSpeaking: (speakingId) =>
      requestJson(
        request,
        { method: 'POST', path: `/speakings/${id(speakingId)}/stop`, idempotent: true },
        speakingSchema,
      ),
    async talk(callId, body) {
      await requestJson(
        request,
        { method: 'POST', path: `/calls/${id(callId)}/talk`, body },
        anything,
      );
    },
    async hangup(callId) {
      await requestJson(
        request,
        { method: 'POST', path: `/calls/${id(callId)}/hangup`, idempotent: true },
        anything,
      );
    },
    getTranscribe: (transcribeId) =>
      requestJson(
        request,
        { method: 'GET', path: `/transcribes/${id(transcribeId)}` },
        transcribeSchema,
      ),
    getCustomer: () => requestJson(request, { method: 'GET', path: '/customer' }, customerSchema),
    updateCustomer: (body) =>
      requestJson(request, { method: 'PUT', path: '/customer', body }, customerSchema),
    listFlows: (pageToken) =>
      requestJson(
        request,
        { method: 'GET', path: '/flows', query: { ...page, page_token: pageToken } },
        pageSchema(flowSchema),
      ),
    createFlow: (body) =>
      requestJson(request, { method: 'POST', path: '/flows', body }, flowSchema),
    updateFlow: (flowId, body) =>
      requestJson(request, { method: 'PUT', path: `/flows/${id(flowId)}`, body }, flowSchema),
    listNumbers: (pageToken) =>
      requestJson(
        request,
        { method: 'GET', path: '/numbers', query: { ...page, page_token: pageToken } },
        pageSchema(numberSchema),
      ),
    setNumberFlows: (numberId, body) =>
      requestJson(
        request,
        { method: 'PUT', path: `/numbers/${id(numberId)}/flow_ids`, body },
        numberSchema,
      ),
  };
}
