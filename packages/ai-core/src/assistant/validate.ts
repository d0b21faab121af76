import { z } from 'zod';
import { AiCoreError } from '../errors';

/** Parses `value` with `schema`, or throws `invalid_input` naming the first field at fault. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || what;
  throw new AiCoreError('invalid_input', {
    field,
    message: `${what}: ${field}: ${issue?.message ?? 'invalid'}`,
    cause: result.error,
  });
}

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const replyInputSchema = z.object({
  conversationId: text(256),
  channel: text(64),
  text: z.string().trim().min(1, 'must not be empty').max(20_000),
  eventId: text(256).optional(),
  timeoutMs: z.number().int().positive().max(600_000).optional(),
  signal: z.instanceof(AbortSignal).optional(),
});

const hasFunction = (name: string) => (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)[name] === 'function';

export const assistantOptionsSchema = z.object({
  model: z.custom(hasFunction('stream'), 'must be a ChatModel (with a stream method)'),
  history: z.custom(hasFunction('load'), 'must be a HistoryStore (with load and append)'),
  instructions: z.string(),
  knowledge: z.custom(hasFunction('search'), 'must be a KnowledgeBase').optional(),
  tools: z
    .record(
      z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'tool names must match ^[a-zA-Z0-9_-]{1,64}$'),
      z.object({
        description: z.string(),
        parameters: z.custom((value) => value instanceof z.ZodType, 'must be a zod schema'),
        execute: z.custom((value) => typeof value === 'function', 'must be a function'),
      }),
    )
    .optional(),
  channels: z.record(z.string(), z.custom(hasFunction('render'), 'must be a Channel')).optional(),
  maxTurns: z.number().int().min(0).max(1000).optional(),
  timeoutMs: z.number().int().positive().max(600_000).optional(),
  maxSteps: z.number().int().min(1).max(10).optional(),
  maxPassages: z.number().int().min(0).max(20).optional(),
  now: z.custom((value) => typeof value === 'function', 'must be a function').optional(),
});
