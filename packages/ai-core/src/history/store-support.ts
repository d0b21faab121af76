import { z } from 'zod';
import { maxTimeoutMs } from '../assistant/validate';
import { AiCoreError } from '../errors';
import type { Handoff } from '../handoff';
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
    role: z.enum(['user', 'assistant', 'operator']),
    content: z.string(),
    createdAt: z.string(),
    channel: z.string().optional(),
    eventId: z.string().optional(),
    // Only `true` is kept; `false` from another writer is as good as absent, not a reason to skip.
    interrupted: z.boolean().optional(),
    name: z.string().optional(),
  })
  .transform(({ interrupted, ...message }): HistoryMessage => {
    const kept: HistoryMessage = interrupted ? { ...message, interrupted } : message;
    // A name belongs to an operator: on another role it is dropped.
    if (kept.role !== 'operator') delete kept.name;
    return kept;
  });

/**
 * A stored value as a `HistoryMessage`, or `undefined` when it is not one (stores skip those).
 * Unknown fields are dropped; `interrupted` is kept only when `true`, `name` only on an operator.
 */
export function parseHistoryMessage(value: unknown): HistoryMessage | undefined {
  const result = historyMessageSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

const handoffSchema = z.object({
  status: z.enum(['active', 'callback']),
  reason: z.enum(['customer_request', 'cannot_help']),
  summary: z.string(),
  channel: z.string().min(1),
  startedAt: z.iso.datetime({ offset: true }),
  operator: z.string().min(1).optional(),
});

/**
 * A stored value as a `Handoff`, or `undefined` when it is not one (stores treat that as no
 * handoff). Unknown fields are dropped. For implementers of `HistoryStore`.
 */
export function parseHandoff(value: unknown): Handoff | undefined {
  const result = handoffSchema.safeParse(value);
  return result.success ? (result.data as Handoff) : undefined;
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
 * Checks the arguments of `HistoryStore.append`: a well-formed conversation id and event id,
 * and a valid handoff state when one is set.
 * Throws `invalid_input` naming the field. For implementers.
 */
export function checkAppendArguments(
  conversationId: unknown,
  options: HistoryAppendOptions = {},
): void {
  checkHistoryId(conversationId, 'conversationId');
  if (options.event) checkHistoryId(options.event.id, 'event.id');
  if (options.handoff && !parseHandoff(options.handoff)) {
    throw new AiCoreError('invalid_input', {
      message: 'handoff must be a Handoff (status, reason, summary, channel, startedAt)',
      field: 'handoff',
    });
  }
}
