export type { ConfiguredModelOptions } from './create-configured-model';
export { createConfiguredModel } from './create-configured-model';
export type { OpenAIModelOptions } from './create-openai-model';
export { createOpenAIModel } from './create-openai-model';
