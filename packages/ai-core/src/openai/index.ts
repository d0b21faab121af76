export { createOpenAIModel } from './create-openai-model';
export type { OpenAIModelOptions } from './create-openai-model';
