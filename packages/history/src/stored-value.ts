import type { EventClaim, Handoff, HistoryMessage } from '@org/ai-core';
import { parseHandoff, parseHistoryMessage } from '@org/ai-core/internal';

/**
 * Reads a value as stored in Redis. The Upstash client may already have parsed it
 * (`automaticDeserialization`, the default) or may hand over the raw JSON string.
 */
function fromStored(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** A stored list entry as a message, or `undefined` when it is not a valid one. */
export function toHistoryMessage(stored: unknown): HistoryMessage | undefined {
  return parseHistoryMessage(fromStored(stored));
}

/** A stored handoff state, or `undefined` when there is none or it is not a valid one. */
export function toHandoff(stored: unknown): Handoff | undefined {
  return parseHandoff(fromStored(stored));
}

/** The value of an event key while it is claimed and not settled. */
export const pendingEvent = JSON.stringify({ status: 'pending' });

/** The value of an event key once it is settled with `reply`. */
export const doneEvent = (reply: string) => JSON.stringify({ status: 'done', reply });

/** The claim state for an event key that this caller failed to claim. */
export function toEventClaim(stored: unknown): EventClaim {
  const value = fromStored(stored);
  if (typeof value === 'object' && value !== null) {
    const { status, reply } = value as Record<string, unknown>;
    if (status === 'done' && typeof reply === 'string') return { status: 'done', reply };
  }
  return { status: 'pending' };
}
