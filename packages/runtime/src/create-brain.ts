import {
  type Assistant,
  type ChatModel,
  createAssistant,
  createMemoryHistory,
  defaultInstructions,
  type HandoffOptions,
  type HistoryStore,
  type KnowledgeBase,
  loadKnowledge,
} from '@org/ai-core';
import { createConfiguredModel } from '@org/ai-core/openai';
import { createUpstashHistory } from '@org/history';
import type { Redis } from '@upstash/redis';
import type { BrainEnv } from './brain-env';
import { createRedis } from './create-redis';
import type { UpstashEnv } from './upstash-env';

/** Options for {@link createBrain}. */
export type BrainOptions = {
  /** Retries of the OpenAI client (default the client's: 2). A voice caller waits: 1. */
  maxRetries?: number;
  /** Deadline of one reply, in ms (default the assistant's). */
  timeoutMs?: number;
  /** A model to use instead of the one the environment describes (tests, benchmarks). */
  model?: ChatModel;
  /** A history store to use instead of the one the environment describes (tests, the CLI). */
  history?: HistoryStore;
  /** Lets the assistant hand conversations to a person (`AssistantOptions.handoff`). */
  handoff?: HandoffOptions;
};

/** What is in use, for a startup log line. */
export type BrainParts = {
  /** `knowledge (offline)`, `openai (<model>)` or `custom (<model id>)`. */
  model: string;
  /** `memory`, `upstash (<host>)` or `custom`. */
  history: string;
  /** `<n> passages from <dir>`. */
  knowledge: string;
};

/** The assistant and the parts it is built from. */
export type Brain = {
  assistant: Assistant;
  model: ChatModel;
  history: HistoryStore;
  knowledge: KnowledgeBase;
  /** The Upstash client when configured, for the app's own Upstash adapters. */
  redis: Redis | undefined;
  parts: BrainParts;
};

/**
 * Builds the assistant as every app runs it: the configured model, history in Upstash when
 * configured (else in memory), the knowledge base and the instructions.
 *
 * @throws AiCoreError `invalid_input` when `KNOWLEDGE_DIR` is not a directory.
 * @example
 * ```ts
 * const brain = await createBrain(env, { maxRetries: 1 });
 * logger.info(brain.parts, 'brain ready');
 * for await (const part of brain.assistant.stream({ conversationId: 'c1', channel: 'chat', text: 'Hi' })) {}
 * ```
 */
export async function createBrain(
  env: BrainEnv & Partial<UpstashEnv>,
  options: BrainOptions = {},
): Promise<Brain> {
  const model =
    options.model ??
    createConfiguredModel({
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL,
      model: env.OPENAI_MODEL,
      ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    });
  const redis = createRedis(env);
  const history =
    options.history ?? (redis ? createUpstashHistory({ redis }) : createMemoryHistory());
  const knowledge = await loadKnowledge(env.KNOWLEDGE_DIR);
  const assistant = createAssistant({
    model,
    history,
    instructions: env.INSTRUCTIONS ?? defaultInstructions,
    knowledge,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.handoff ? { handoff: options.handoff } : {}),
  });
  return {
    assistant,
    model,
    history,
    knowledge,
    redis,
    parts: {
      model: describeModel(model, options.model !== undefined),
      history: options.history
        ? 'custom'
        : redis && env.UPSTASH_REDIS_REST_URL
          ? `upstash (${new URL(env.UPSTASH_REDIS_REST_URL).host})`
          : 'memory',
      knowledge: `${knowledge.passages.length} passages from ${env.KNOWLEDGE_DIR}`,
    },
  };
}

function describeModel(model: ChatModel, custom: boolean): string {
  if (custom) return `custom (${model.modelId})`;
  return model.modelId === 'knowledge' ? 'knowledge (offline)' : `openai (${model.modelId})`;
}
