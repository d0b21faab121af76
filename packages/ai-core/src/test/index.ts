export type {
  HistoryContractOptions,
  HistoryHarness,
  HistoryHarnessFactory,
} from './history-contract';
export { defineHistoryContract } from './history-contract';
export type {
  MockChatModel,
  MockChatModelOptions,
  MockResponse,
  MockToolCall,
} from './mock-chat-model';
export { createMockChatModel } from './mock-chat-model';
export type { OpenAITestServer, OpenAITestServerOptions, TestFault } from './openai-test-server';
export { createOpenAITestServer } from './openai-test-server';
export type {
  TestFinishReason,
  TestRequest,
  TestResponder,
  TestResponse,
  TestToolCall,
} from './openai-wire';
export { splitIntoTokens } from './split-tokens';
