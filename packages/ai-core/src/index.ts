export { createAssistant } from './assistant/create-assistant';
export type {
  Assistant,
  AssistantOptions,
  Delivery,
  KnowledgeBase,
  Reply,
  ReplyHandoff,
  ReplyInput,
  ReplyPart,
} from './assistant/types';
export type { Channel } from './channels/channel';
export {
  chatChannel,
  completeSentenceCount,
  defaultChannels,
  isGsm7,
  renderForSms,
  renderForVoice,
  type SmsEncoding,
  type SmsSize,
  smsChannel,
  smsSegmentCount,
  smsSize,
  splitSentences,
  takeSentences,
  voiceChannel,
} from './channels/index';
export type {
  ChatCallOptions,
  ChatGeneration,
  ChatModel,
  ChatRequest,
  KnowledgePassage,
  ModelToolDefinition,
} from './chat-model';
export { defaultInstructions } from './defaults';
export type { AiCoreErrorCode, AiCoreErrorOptions } from './errors';
export { AiCoreError } from './errors';
export type {
  Handoff,
  HandoffAvailabilityQuery,
  HandoffOptions,
  HandoffReason,
} from './handoff';
export { handoffToolName } from './handoff';
export type {
  HandoffDesk,
  HandoffDeskOptions,
  HandoffStart,
  OperatorReply,
} from './handoff-desk';
export { createHandoffDesk } from './handoff-desk';
export type { MemoryHistoryOptions } from './history/memory-history';
export { createMemoryHistory } from './history/memory-history';
export type {
  EventClaim,
  HandedOffConversation,
  HistoryAppendOptions,
  HistoryLoadOptions,
  HistoryLoadResult,
  HistoryStore,
} from './history-store';
export type {
  KnowledgeBaseOptions,
  KnowledgeDocument,
  KnowledgeModelOptions,
} from './knowledge/index';
export { createKnowledgeBase, createKnowledgeModel, loadKnowledge } from './knowledge/index';
export type {
  ChatStreamPart,
  FinishReason,
  HistoryMessage,
  ModelMessage,
  ToolCall,
} from './messages';
export type { Tool, ToolContext, Tools } from './tools';
export { defineTool } from './tools';
