export type { OpenAIModelOptions } from './create-openai-model';
export { createOpenAIModel } from './create-openai-model';
