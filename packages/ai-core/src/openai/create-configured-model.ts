import type { ChatModel } from '../chat-model';
import { createKnowledgeModel } from '../knowledge/index';
import { createOpenAIModel } from './create-openai-model';

/** What apps read from `OPENAI_API_KEY`, `OPENAI_BASE_URL` and `OPENAI_MODEL`. */
export type ConfiguredModelOptions = {
  apiKey?: string | undefined;
  baseURL?: string | undefined;
  model: string;
  /** Retries of the OpenAI client (default the client's: 2). */
  maxRetries?: number;
};

/**
 * The model an app runs with: an OpenAI-compatible model when an API key or a base URL is
 * configured, otherwise the embedded offline knowledge model (no key, no network).
 *
 * @example
 * ```ts
 * const model = createConfiguredModel({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL })
 * ```
 */
export function createConfiguredModel(options: ConfiguredModelOptions): ChatModel {
  const { apiKey, baseURL, model, maxRetries } = options;
  if (!apiKey && !baseURL) return createKnowledgeModel();
  return createOpenAIModel({
    model,
    ...(apiKey ? { apiKey } : {}),
    ...(baseURL ? { baseURL } : {}),
    ...(maxRetries === undefined ? {} : { maxRetries }),
  });
}
