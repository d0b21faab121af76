/**
 * `@org/voipbin/test`: a local VoIPBin to test against. It serves the REST endpoints a gateway
 * uses, plays calls and SMS threads from the other side (and the people its calls dial), and
 * delivers signed webhooks with VoIPBin's retries.
 */
export type { SayOptions, SimulatedCall, StartCallOptions } from './call';
export type { Envelope } from './events';
export type { Humans, SimulatedHumanLeg } from './human-legs';
export { type Simulator, type SimulatorOptions, startSimulator } from './simulator';
export type {
  Fault,
  FetchRecord,
  HumanOutcome,
  MusicOnHoldChange,
  RecordedRequest,
  SentText,
  SimulatedConference,
  SimulatedFlow,
  SimulatedNumber,
  SimulatedOutboundCall,
  SimulatedSpeaking,
  SimulatorState,
  SpokenLine,
} from './state';
export type {
  SimulatedConversation,
  SimulatedConversationMessage,
  SimulatedMessage,
} from './text-events';
export type {
  SendTextOptions,
  SimulatedTextThread,
  StartTextThreadOptions,
} from './text-thread';
export type { DeliveryOptions, DeliveryRecord } from './webhooks';
