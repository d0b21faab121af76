import { createHash } from 'node:crypto';
import { AiCoreError, type Assistant, type Delivery, type ReplyHandoff } from '@org/ai-core';
import type { Logger } from '@org/runtime';
import type { Activity } from '../../activity';
import type { CallStates, Segment } from './call-state';
import { isCallerGoodbye, isFarewell } from './goodbye';
import { heardBy, type SpokenPart } from './heard';
import { createSentenceFeed, type SentenceFeed } from './sentence-feed';
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
  /** Ends the call (`POST /calls/{id}/hangup`) after the assistant's farewell. */
  hangup: (callId: string) => Promise<void>;
  /** A reply came with a handoff (`started`, `active`, `unavailable`), once it was spoken. */
  onHandoff: (callId: string, handoff: ReplyHandoff) => Promise<void>;
  now: () => number;
};

/** What speculation cost and saved, since the gateway started. */
export type TurnStats = {
  /** Runs started on the caller's words before the end of the utterance was sure. */
  speculative: number;
  /** Speculative runs that became the turn (their words were final). */
  used: number;
  /** Speculative runs stopped because the caller went on: nothing spoken, nothing stored. */
  withdrawn: number;
  /** Model time spent on withdrawn runs, in ms. */
  withdrawnMs: number;
};

/** The turns of every call: speculative runs, commits, speech sentence by sentence. */
export type Turns = {
  /** The caller's words so far (a final transcript came): start answering them, silently. */
  speculate(callId: string, segments: Segment[]): void;
  /** The utterance ended: its answer is spoken (the speculative run's, if it had these words). */
  commit(callId: string, segments: Segment[]): void;
  /** The utterance ended elsewhere (another instance took it): a silent run here is withdrawn. */
  forget(callId: string): void;
  /** The caller barged in at `at` (epoch ms): the answer stops; history keeps what was heard. */
  interrupted(callId: string, at: number): void;
  /** Hang-up: every run of the call is abandoned. */
  cancel(callId: string): void;
  stats(): TurnStats;
};

/**
 * The same segments always give the same event id, so a redelivered or re-taken utterance
 * is answered once by the assistant (its idempotency by `eventId`).
 */
export function turnEventId(segments: readonly Segment[]): string {
  const ids = segments.map((segment) => segment.id).sort();
  return `turn-${createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32)}`;
}

const keyOf = (segments: readonly Segment[]) =>
  segments
    .map((segment) => segment.id)
    .sort()
    .join(',');

/** One assistant run for one utterance (or the start of one). */
type Run = {
  key: string;
  segments: Segment[];
  text: string;
  controller: AbortController;
  /** True once the utterance has ended and this run is the turn. */
  committed: boolean;
  /** Resolves true at commit, false when withdrawn. */
  decided: Promise<boolean>;
  decide: (committed: boolean) => void;
  /** The answer's sentences as they become complete. */
  feed: SentenceFeed;
  /** Sentences ready before the commit. */
  buffered: string[];
  /** The says in order. */
  speech: Promise<void>;
  spoken: SpokenPart[];
  /** Set at barge-in: nothing more is said, history keeps what was heard by then. */
  interruptedAt?: number;
  onInterrupt: () => void;
  /** The fallback was said instead (budget or failure). */
  fellBack: boolean;
  /** The budget's fallback being said (the run waits for it before it ends). */
  fallback?: Promise<unknown>;
  /** A filler was said this turn (at most one). */
  filled: boolean;
  startedAt: number;
  /** A previous turn was still running when this one was asked. */
  queued: boolean;
  /** Its previous runs are done and it has started. */
  executing: boolean;
};

type CallTurns = {
  /** Settles when the previous runs are done: runs of a call go one after the other. */
  tail: Promise<void>;
  /** The newest run. */
  current?: Run;
  /** The committed run whose answer is being spoken. */
  speaking?: Run;
  /** Committed runs not finished. */
  busy: number;
  /** Speculative runs started for the utterance in progress. */
  attempts: number;
};

/**
 * Runs the assistant for each caller utterance and speaks its answer (voice-latency.md §5):
 * - on each final transcript a run starts at once, silently, while the quiet time runs; more
 *   words from the caller withdraw it (nothing spoken, nothing stored) and start another;
 * - at the end of the utterance the run whose words match becomes the turn, else a new one;
 * - the first sentence is said as soon as it is complete, the second as its own `say`;
 * - at barge-in, nothing more is said and history keeps what the caller heard, interrupted;
 * - after the caller's goodbye and the assistant's farewell, the call is hung up;
 * - no speech within the reply budget: the fallback is said and the run stopped.
 */
export function createTurns(options: TurnsOptions): Turns {
  const { assistant, speaker, states, activity, logger, settings, now } = options;
  const calls = new Map<string, CallTurns>();
  // Fillers are said in turn, so that a caller does not hear the same one twice in a row.
  let fillerIndex = 0;
  const stats: TurnStats = { speculative: 0, used: 0, withdrawn: 0, withdrawnMs: 0 };

  const callOf = (callId: string): CallTurns => {
    let call = calls.get(callId);
    if (!call) {
      call = { tail: Promise.resolve(), busy: 0, attempts: 0 };
      calls.set(callId, call);
    }
    return call;
  };

  function newRun(call: CallTurns, segments: Segment[], committed: boolean): Run {
    let decide: (committed: boolean) => void = () => {};
    const decided = new Promise<boolean>((resolve) => {
      decide = resolve;
    });
    const run: Run = {
      key: keyOf(segments),
      segments,
      text: segments.map((segment) => segment.text).join(' '),
      controller: new AbortController(),
      committed,
      decided,
      decide,
      feed: createSentenceFeed({ render: assistant.channels.voice?.render }),
      buffered: [],
      speech: Promise.resolve(),
      spoken: [],
      onInterrupt: () => {},
      fellBack: false,
      filled: false,
      startedAt: now(),
      queued: call.busy > 0,
      executing: false,
    };
    if (committed) decide(true);
    return run;
  }

  /** Queues `text` to be said after what the run said before. */
  function say(callId: string, run: Run, text: string): Promise<void> {
    run.speech = run.speech
      .then(async () => {
        if (run.interruptedAt !== undefined || run.controller.signal.aborted) return;
        if (await states.muted(callId)) return;
        const start = Math.max(now(), await states.speakingUntil(callId));
        if (await speaker.say(callId, text)) {
          run.spoken.push({ text, start, end: start + text.length * settings.msPerChar });
        }
      })
      // The chain never rejects: a failing store must not stop the sentences after it.
      .catch((error: unknown) => logger.error({ callId, err: error }, 'could not say a sentence'));
    return run.speech;
  }

  function withdraw(callId: string, run: Run, why: string): void {
    if (run.committed) return;
    run.decide(false);
    run.controller.abort(new Error(`withdrawn: ${why}`));
    stats.withdrawn += 1;
    const ranMs = now() - run.startedAt;
    stats.withdrawnMs += ranMs;
    logger.info({ callId, ranMs, why }, 'speculative run withdrawn');
  }

  function commitRun(callId: string, call: CallTurns, run: Run): void {
    run.committed = true;
    run.decide(true);
    // Its answer may be heard from now on: a barge-in cuts this run.
    if (run.executing) call.speaking = run;
    if (!settings.sentenceBySentence) return;
    for (const sentence of run.buffered.splice(0)) void say(callId, run, sentence);
  }

  /**
   * Timers of a committed run with nothing said yet: after `fillerAfterMs`, one filler ("One
   * moment, let me check that."); after the reply budget, the fallback and the run stopped. A
   * filler gives the answer a new budget: the caller knows the assistant is working on it.
   */
  function armTimers(callId: string, run: Run): () => void {
    const timers: NodeJS.Timeout[] = [];
    const silent = () =>
      run.spoken.length === 0 &&
      !run.fellBack &&
      run.interruptedAt === undefined &&
      !run.controller.signal.aborted;
    const lastAt = Math.max(...run.segments.map((segment) => segment.at));
    // A turn that waited behind another counts from when it starts: the caller just heard that.
    const from = run.queued ? Math.max(lastAt, run.startedAt) : lastAt;
    const budget = (ms: number) =>
      timers.push(
        setTimeout(() => {
          run.fallback = (async () => {
            if (!(await run.decided) || !silent() || (await states.muted(callId))) return;
            run.fellBack = true;
            logger.warn({ callId, ms }, 'no answer within the reply budget: speaking the fallback');
            run.controller.abort(new AiCoreError('model_timeout', { message: 'reply budget' }));
            await speaker.say(callId, settings.fallbackText);
          })();
        }, ms),
      );
    budget(Math.max(250, settings.replyBudgetMs - (now() - from)));
    if (settings.fillerAfterMs > 0 && settings.fillers.length > 0) {
      const fillerMs = Math.max(0, settings.fillerAfterMs - (now() - from));
      timers.push(
        setTimeout(() => {
          void (async () => {
            if (!(await run.decided) || !silent() || run.filled || (await states.muted(callId)))
              return;
            run.filled = true;
            const filler = settings.fillers[fillerIndex++ % settings.fillers.length] ?? '';
            logger.info({ callId }, 'nothing to say yet: a filler');
            for (const timer of timers.splice(0)) clearTimeout(timer);
            budget(settings.replyBudgetMs);
            run.speech = run.speech.then(() => speaker.say(callId, filler).then(() => {}));
            run.speech = run.speech.catch((error: unknown) =>
              logger.error({ callId, err: error }, 'could not say the filler'),
            );
            await run.speech;
          })();
        }, fillerMs),
      );
    }
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }

  /** Resolves when the run's speech has played (by estimate) or the caller cut in. */
  async function played(callId: string, run: Run): Promise<void> {
    // VoIPBin reports no end of playback: the estimate ends the answer, a barge-in cuts it.
    const until = await states.speakingUntil(callId);
    if (run.interruptedAt !== undefined || until <= now()) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, until - now());
      run.onInterrupt = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** What history keeps, once the answer is complete: decided at commit, heard by the end. */
  async function deliver(callId: string, run: Run, reply: string): Promise<Delivery> {
    if (!(await run.decided)) return { kept: false };
    const rest = run.feed.finish(reply);
    if (settings.sentenceBySentence) for (const sentence of rest) void say(callId, run, sentence);
    // Otherwise the whole answer in one say, once it is complete.
    else void say(callId, run, [...run.buffered.splice(0), ...rest].join(' '));
    await run.speech;
    await played(callId, run);
    if (run.interruptedAt === undefined) return { kept: true };
    return { kept: true, heard: heardBy(run.spoken, run.interruptedAt), interrupted: true };
  }

  async function execute(callId: string, call: CallTurns, run: Run): Promise<void> {
    if (run.controller.signal.aborted || (await states.muted(callId))) return;
    run.startedAt = now();
    run.executing = true;
    if (run.committed) call.speaking = run;
    const disarm = armTimers(callId, run);
    let reply = '';
    let handoff: ReplyHandoff | undefined;
    try {
      const stream = assistant.stream({
        conversationId: callId,
        channel: 'voice',
        text: run.text,
        eventId: turnEventId(run.segments),
        signal: run.controller.signal,
        deliver: (text) => deliver(callId, run, text),
      });
      for await (const part of stream) {
        if (part.type === 'reply') {
          reply = part.reply.text;
          handoff = part.reply.handoff;
          if (part.reply.replayed)
            logger.info({ callId }, 'turn answered before: not spoken again');
          continue;
        }
        for (const sentence of run.feed.push(part.text)) {
          if (run.committed && settings.sentenceBySentence) void say(callId, run, sentence);
          else run.buffered.push(sentence);
        }
      }
    } catch (error) {
      if (run.controller.signal.aborted || !(await run.decided)) {
        await run.fallback;
        return;
      }
      const code = AiCoreError.isInstance(error) ? error.code : 'unknown';
      logger.warn({ callId, code, err: error }, 'no answer from the assistant');
      if (run.spoken.length === 0 && !run.fellBack && !(await states.muted(callId))) {
        run.fellBack = true;
        await speaker.say(callId, settings.fallbackText);
      }
      return;
    } finally {
      disarm();
      if (call.speaking === run) call.speaking = undefined;
    }
    if (handoff) {
      // A withdrawn run's handoff was neither said nor stored: only the turn's own counts.
      if (await run.decided) await options.onHandoff(callId, handoff);
      return;
    }
    if (run.interruptedAt === undefined && isCallerGoodbye(run.text) && isFarewell(reply)) {
      logger.info({ callId }, 'the caller said goodbye and heard the farewell: hanging up');
      await options.hangup(callId);
    }
  }

  function start(callId: string, run: Run): void {
    const call = callOf(callId);
    call.current = run;
    if (run.committed) call.busy += 1;
    const done = call.tail.then(async () => {
      try {
        await execute(callId, call, run);
      } finally {
        // Counted in when it was committed: at its start, or by `commit` later.
        if (run.committed) call.busy -= 1;
        if (call.current === run && !call.busy) call.current = undefined;
      }
    });
    call.tail = done.catch(() => {});
    activity.track(done).catch((error: unknown) => {
      logger.error({ callId, err: error }, 'turn failed');
    });
  }

  return {
    speculate(callId, segments) {
      if (segments.length === 0) return;
      const call = callOf(callId);
      const current = call.current;
      const key = keyOf(segments);
      if (current && !current.committed && current.key === key) return;
      if (current && !current.committed) withdraw(callId, current, 'the caller went on');
      // A bound on the cost of a caller who keeps adding words (voice-latency.md §5.4).
      if (call.attempts >= 3) return;
      call.attempts += 1;
      stats.speculative += 1;
      start(callId, newRun(call, segments, false));
      // A commit that never comes here (another instance took the utterance) withdraws it.
      const run = call.current as Run;
      const patience = settings.speechTimeoutMs + settings.trailingQuietMs;
      const timer = setTimeout(() => withdraw(callId, run, 'no commit'), patience);
      void run.decided.then(() => clearTimeout(timer));
    },

    commit(callId, segments) {
      const call = callOf(callId);
      call.attempts = 0;
      const current = call.current;
      if (current && !current.committed && current.key === keyOf(segments)) {
        stats.used += 1;
        call.busy += 1;
        commitRun(callId, call, current);
        return;
      }
      if (current && !current.committed) withdraw(callId, current, 'other words were final');
      start(callId, newRun(call, segments, true));
    },

    forget(callId) {
      const call = calls.get(callId);
      if (!call) return;
      call.attempts = 0;
      if (call.current && !call.current.committed) {
        withdraw(callId, call.current, 'the utterance was taken elsewhere');
      }
    },

    interrupted(callId, at) {
      const run = calls.get(callId)?.speaking;
      if (!run || run.interruptedAt !== undefined) return;
      run.interruptedAt = at;
      run.onInterrupt();
    },

    cancel(callId) {
      const call = calls.get(callId);
      if (!call) return;
      calls.delete(callId);
      for (const run of [call.current, call.speaking]) {
        if (!run) continue;
        run.decide(false);
        run.controller.abort(new Error('hang-up'));
        run.onInterrupt();
      }
    },

    stats: () => ({ ...stats }),
  };
}
