/**
 * `@org/voipbin`: VoIPBin's wire. The webhook signature, the envelope and event schemas, flow
 * actions, the REST client split by resource, and provisioning. The simulator is
 * `@org/voipbin/test`.
 */
export { actionSchema, type FetchRequest, fetchRequestSchema, type VoipbinAction } from './actions';
export {
  type AccountResource,
  billingAccountSchema,
  conferenceLimits,
  outboundConfigSchema,
  type VoipbinBillingAccount,
  type VoipbinOutboundConfig,
} from './client/account';
export {
  type CallsResource,
  type CreateCallInput,
  type CreatedCalls,
  createdCallsSchema,
  groupcallSchema,
  type TalkInput,
  type VoipbinGroupcall,
} from './client/calls';
export {
  createVoipbinClient,
  defaultVoipbinApiUrl,
  type VoipbinClient,
  type VoipbinClientOptions,
} from './client/client';
export type { ConferenceInput, ConferencesResource } from './client/conferences';
export type { ConversationsResource } from './client/conversations';
export {
  type CustomerResource,
  type CustomerUpdate,
  customerSchema,
  type VoipbinCustomer,
} from './client/customer';
export { type FlowInput, type FlowsResource, flowSchema, type VoipbinFlow } from './client/flows';
export type { MessagesResource, SendMessageInput } from './client/messages';
export {
  type NumberFlows,
  type NumbersResource,
  numberSchema,
  type VoipbinNumber,
} from './client/numbers';
export { type Page, pageSchema } from './client/page';
export { type ApiCall, type RequestOptions, VoipbinApiError } from './client/request';
export {
  type SpeakingInput,
  type SpeakingsResource,
  speakingSchema,
  type VoipbinSpeaking,
} from './client/speakings';
export type { TranscribesResource } from './client/transcribes';
export {
  type CallEventType,
  callActionSchema,
  callEventTypes,
  callSchema,
  type VoipbinCall,
  type VoipbinCallAction,
} from './events/call';
export {
  type ConferenceEventType,
  conferenceEventTypes,
  conferenceSchema,
  type VoipbinConference,
} from './events/conference';
export {
  type ConversationEventType,
  conversationEventTypes,
  conversationSchema,
  isOwnedByAgent,
  type VoipbinConversation,
} from './events/conversation';
export {
  type ConversationMessageEventType,
  conversationMessageEventTypes,
  conversationMessageSchema,
  type VoipbinConversationMessage,
} from './events/conversation-message';
export { dedupeKey, type WebhookEnvelope, webhookEnvelopeSchema } from './events/envelope';
export {
  type EventDataSchemas,
  type EventType,
  eventDataSchemas,
  isEventType,
  type ParsedEvent,
  parseEvent,
  type VoipbinEvent,
} from './events/event-data';
export {
  type MessageEventType,
  messageEventTypes,
  messageSchema,
  messageTargetSchema,
  type VoipbinMessage,
  type VoipbinMessageTarget,
} from './events/message';
export {
  type SpeechEventType,
  speechEventSchema,
  speechEventTypes,
  type VoipbinSpeechEvent,
} from './events/speech';
export {
  type TranscribeEventType,
  transcribeEventTypes,
  transcribeSchema,
  type VoipbinTranscribe,
} from './events/transcribe';
export {
  type TranscriptEventType,
  transcriptEventTypes,
  transcriptSchema,
  type VoipbinTranscript,
} from './events/transcript';
export {
  isVoiceEvent,
  type ParsedVoiceEvent,
  parseVoiceEvent,
  type VoiceEvent,
  voiceEventTypes,
} from './events/voice-event';
export { countriesOf } from './provision/calling-codes';
export {
  type AccountCheck,
  checkHandoffAccount,
  type HandoffCheckOptions,
} from './provision/handoff-checks';
export {
  describeFlow,
  type ParkingFlowOptions,
  parkingFlowActions,
} from './provision/parking-flow';
export {
  messageFlowReason,
  type ProvisionOptions,
  type ProvisionResult,
  provision,
} from './provision/provision';
export { secretsEqual, signatureHeader, signBody, verifySignature } from './signature';
export {
  type AddressInput,
  addressSchema,
  isNilId,
  nilUuid,
  timeOf,
  type VoipbinAddress,
} from './wire';
