import { createHash } from 'node:crypto';
import { AiCoreError, type Assistant } from '@org/ai-core';
import type { Logger } from '@org/runtime';
import type { Activity } from '../../activity';
import type { CallStates, Segment } from './call-state';
import type { VoiceSettings } from './settings';
import type { Speaker } from './speaker';

/** Options for {@link createTurns}. */
export type TurnsOptions = {
  assistant: Assistant;
  speaker: Speaker;
  states: CallStates;
  activity: Activity;
  logger: Logger;
  settings: VoiceSettings;
  now: () => number;
};

/**
 * The same segments always give the same event id, so a redelivered or re-taken utterance
 * is answered once by the assistant (its idempotency by `eventId`).
 */
export function turnEventId(segments: readonly Segment[]): string {
  const ids = segments.map((segment) => segment.id).sort();
  return `turn-${createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32)}`;
}

/** Sends utterances to the assistant one turn at a time per call and speaks the answers. */
export function createTurns(options: TurnsOptions) {
  const { assistant, speaker, states, activity, logger, settings, now } = options;
  const controllers = new Map<string, AbortController>();
  // Turns started and not finished yet, per call: a new one waits behind them.
  const pending = new Map<string, number>();

  async function run(callId: string, segments: Segment[], queued: boolean): Promise<void> {
    if (await states.ended(callId)) return;
    const text = segments.map((segment) => segment.text).join(' ');
    const lastAt = Math.max(...segments.map((segment) => segment.at));
    // The caller must hear something within the budget, counted from their last words; a turn
    // that waited behind another counts from now, since the caller just heard that turn's answer.
    const from = queued ? Math.max(lastAt, now()) : lastAt;
    const timeoutMs = Math.max(250, settings.replyBudgetMs - (now() - from));
    let controller = controllers.get(callId);
    if (!controller) {
      controller = new AbortController();
      controllers.set(callId, controller);
    }
    const { signal } = controller;
    let answer: string;
    try {
      const reply = await assistant.reply({
        conversationId: callId,
        channel: 'voice',
        text,
        eventId: turnEventId(segments),
        timeoutMs,
        signal,
      });
      if (reply.replayed) {
        logger.info({ callId }, 'turn already answered: not speaking it twice');
        return;
      }
      answer = reply.text;
    } catch (error) {
      if (signal.aborted) return;
      const code = AiCoreError.isInstance(error) ? error.code : 'unknown';
      logger.warn(
        { callId, code, err: error },
        'no answer from the assistant: speaking the fallback',
      );
      answer = settings.fallbackText;
    }
    if (signal.aborted || (await states.ended(callId))) return;
    await speaker.say(callId, answer);
  }

  return {
    /** Queues the utterance as the call's next turn. */
    start(callId: string, segments: Segment[]): void {
      const before = pending.get(callId) ?? 0;
      pending.set(callId, before + 1);
      activity
        .run(`turn:${callId}`, () => run(callId, segments, before > 0))
        .catch((error: unknown) => {
          logger.error({ callId, err: error }, 'turn failed');
        })
        .finally(() => {
          const left = (pending.get(callId) ?? 1) - 1;
          if (left > 0) pending.set(callId, left);
          else pending.delete(callId);
        });
    },
    /** Abandons the call's running and queued turns (hang-up). */
    cancel(callId: string): void {
      controllers.get(callId)?.abort();
      controllers.delete(callId);
    },
  };
}
