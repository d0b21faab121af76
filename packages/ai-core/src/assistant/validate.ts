import { z } from 'zod';
import { handoffToolName } from '../handoff';
import { dropLoneSurrogates, isWellFormed, parseOrThrow } from '../validation';
import type { Delivery, ReplyInput } from './types';

const wellFormed = (schema: z.ZodString) =>
  schema.refine(isWellFormed, 'must be well-formed Unicode (no lone surrogates)');
const text = (max: number) => wellFormed(z.string().trim().min(1, 'must not be empty').max(max));

/**
 * The longest deadline: a turn must end before its idempotency claim does (stores keep claims
 * 60 s by default), or a retry could answer the same event a second time.
 */
export const maxTimeoutMs = 60_000;

const replyInputSchema = z.object({
  conversationId: text(256),
  channel: text(64),
  text: wellFormed(z.string().trim().min(1, 'must not be empty').max(20_000)),
  eventId: text(256).optional(),
  timeoutMs: z.number().int().positive().max(maxTimeoutMs).optional(),
  signal: z.instanceof(AbortSignal).optional(),
  deliver: z
    .custom<ReplyInput['deliver']>((value) => typeof value === 'function', 'must be a function')
    .optional(),
});

// Extra fields are ignored (a channel may return a richer object); the interrupted shape is tried
// first, so a `heard` without `interrupted: true` counts as delivered whole.
const deliverySchema = z.union([
  z.object({ kept: z.literal(false) }),
  z.object({
    kept: z.literal(true),
    heard: z.string().transform((heard) => dropLoneSurrogates(heard).trim()),
    interrupted: z.literal(true),
  }),
  z.object({ kept: z.literal(true) }),
]);

const hasFunction = (name: string) => (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)[name] === 'function';

const assistantOptionsSchema = z
  .object({
    model: z.custom(
      (value) =>
        hasFunction('stream')(value) &&
        ((value as { generate?: unknown }).generate === undefined ||
          hasFunction('generate')(value)),
      'must be a ChatModel (with a stream method, and generate a function if set)',
    ),
    history: z.custom(
      (value) => hasFunction('load')(value) && hasFunction('append')(value),
      'must be a HistoryStore (with load and append)',
    ),
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
    timeoutMs: z.number().int().positive().max(maxTimeoutMs).optional(),
    maxSteps: z.number().int().min(1).max(10).optional(),
    maxPassages: z.number().int().min(0).max(20).optional(),
    now: z.custom((value) => typeof value === 'function', 'must be a function').optional(),
    handoff: z
      .object({
        available: z
          .custom((value) => typeof value === 'function', 'must be a function')
          .optional(),
        startedText: z.string().trim().min(1).optional(),
        unavailableText: z.string().trim().min(1).optional(),
        contact: z.string().trim().min(1).optional(),
        callbacks: z.boolean().optional(),
      })
      .optional(),
  })
  .refine((options) => !(options.handoff && options.tools?.[handoffToolName]), {
    message: `with handoff, the tool name ${handoffToolName} is the assistant's own`,
    path: ['tools', handoffToolName],
  });

/** The reply input, trimmed; throws `invalid_input` naming the field at fault. */
export function parseReplyInput(value: unknown): ReplyInput {
  return parseOrThrow(replyInputSchema, value, 'reply') as ReplyInput;
}

/**
 * What `deliver` resolved with, as a `Delivery` (`heard` trimmed, without lone surrogates), or
 * `undefined` when it is not one.
 */
export function parseDelivery(value: unknown): Delivery | undefined {
  const result = deliverySchema.safeParse(value);
  return result.success ? (result.data as Delivery) : undefined;
}

/** Throws `invalid_input` naming the option at fault. */
export function checkAssistantOptions(value: unknown): void {
  parseOrThrow(assistantOptionsSchema, value, 'createAssistant');
}
