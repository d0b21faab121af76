import { z } from 'zod';
import { maxTimeoutMs } from '../assistant/validate';
import { AiCoreError } from '../errors';
import type { HistoryAppendOptions, HistoryLoadOptions } from '../history-store';
import type { HistoryMessage } from '../messages';
import { isWellFormed, parseOrThrow } from '../validation';

const maxTimeoutSeconds = maxTimeoutMs / 1000;

/** The window and lifetimes every `HistoryStore` of this project supports. */
export type HistoryWindowOptions = {
  /** How many of the newest messages a conversation keeps (default 100). */
  maxMessages?: number;
  /** Seconds a conversation lives after its last `append` (default 7 days). */
  ttlSeconds?: number;
  /**
   * Seconds an unsettled claim blocks other callers, so a crashed worker does not block it
   * forever (default 60, at least 60: a claim must outlive the longest turn deadline, or a retry
   * arriving after it expired could be answered while the first turn still runs).
   */
  claimTtlSeconds?: number;
  /** Seconds a settled event keeps its reply (default 24 hours). */
  eventTtlSeconds?: number;
};

const positive = (field: string) =>
  z.int(`${field} must be a positive integer`).min(1, `${field} must be a positive integer`);

const windowSchema = z.object({
  maxMessages: positive('maxMessages').default(100),
  ttlSeconds: positive('ttlSeconds').default(7 * 24 * 3600),
  claimTtlSeconds: z
    .int('claimTtlSeconds must be an integer')
    .min(
      maxTimeoutSeconds,
      `claimTtlSeconds must be at least ${maxTimeoutSeconds}, the longest turn deadline`,
    )
    .default(maxTimeoutSeconds),
  eventTtlSeconds: positive('eventTtlSeconds').default(24 * 3600),
});

/**
 * The store options with their defaults; throws `invalid_input` naming a bad one.
 * For implementers of `HistoryStore`.
 */
export function resolveHistoryWindow(
  options: HistoryWindowOptions,
): Required<HistoryWindowOptions> {
  return parseOrThrow(windowSchema, options, 'history options');
}

const historyMessageSchema = z
  .object({
    role: z.enum(['user', 'assistant']),
    content: z.string(),
    createdAt: z.string(),
    channel: z.string().optional(),
    eventId: z.string().optional(),
    // Only `true` is kept; `false` from another writer is as good as absent, not a reason to skip.
    interrupted: z.boolean().optional(),
  })
  .transform(
    ({ interrupted, ...message }): HistoryMessage =>
      interrupted ? { ...message, interrupted } : message,
  );

/**
 * A stored value as a `HistoryMessage`, or `undefined` when it is not one (stores skip those).
 * Unknown fields are dropped; `interrupted` is kept only when `true`.
 */
export function parseHistoryMessage(value: unknown): HistoryMessage | undefined {
  const result = historyMessageSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/**
 * Throws `invalid_input` unless `value` is a non-empty, well-formed string (conversation and
 * event ids: a lone surrogate cannot be encoded into a key).
 */
function checkHistoryId(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.length === 0 || !isWellFormed(value)) {
    throw new AiCoreError('invalid_input', {
      message: `${field} must be a non-empty, well-formed string`,
      field,
    });
  }
}

/** Throws `invalid_input` unless `limit` is a whole number of messages, 0 or more. */
function checkHistoryLimit(limit: unknown): void {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
    throw new AiCoreError('invalid_input', {
      message: 'limit must be an integer >= 0',
      field: 'limit',
    });
  }
}

/**
 * Checks the arguments of `HistoryStore.load`: a well-formed conversation id, a limit of 0 or
 * more, a well-formed claim. Throws `invalid_input` naming the field. For implementers.
 */
export function checkLoadArguments(conversationId: unknown, options: HistoryLoadOptions): void {
  checkHistoryId(conversationId, 'conversationId');
  checkHistoryLimit(options.limit);
  if (options.claim !== undefined) checkHistoryId(options.claim, 'claim');
}

/**
 * Checks the arguments of `HistoryStore.append`: a well-formed conversation id and event id.
 * Throws `invalid_input` naming the field. For implementers.
 */
export function checkAppendArguments(
  conversationId: unknown,
  options: HistoryAppendOptions = {},
): void {
  checkHistoryId(conversationId, 'conversationId');
  if (options.event) checkHistoryId(options.event.id, 'event.id');
}
