import { randomUUID } from 'node:crypto';
import type { HandoffReason, ReplyHandoff } from '@org/ai-core';
import type { Logger } from '@org/runtime';
import { timeOf, type VoipbinApiError, type VoipbinCall, type VoipbinClient } from '@org/voipbin';
import type { Activity } from '../../activity';
import type { StateStore } from '../../state/state-store';
import { type CallParties, type CallStates, type HandoffState, keys } from './call-state';
import type { Parking } from './parking';
import type { VoiceSettings } from './settings';
import type { Speaker } from './speaker';

/** What the caller wanted a person for (a reply's `handoff`). */
export type HandoffRequest = { reason: HandoffReason; summary: string };

/** A caller to be called back by the business: nobody took the call. */
export type CallbackRequest = HandoffRequest & {
  callId: string;
  /** The caller's number, when the call named one. */
  callerNumber?: string;
  /**
   * Why: `unavailable` (nobody to call now, the assistant said so), else how the dialed person's
   * leg ended (`noanswer`, `busy`, `failed`, `dialout`, `cancel` when it rang too long).
   */
  outcome: string;
};

/** How calls are handed to a person (all optional: without a number nobody is dialed). */
export type VoiceHandoffOptions = {
  /** The person's phone, E.164 (`HANDOFF_PHONE_NUMBER`). */
  phoneNumber?: string;
  /** Gives the conversation back to the assistant (`HandoffDesk.release`). */
  release?: (callId: string) => Promise<void>;
  /** Tells the business to call the caller back (`handoff.callback_requested`). */
  requestCallback?: (request: CallbackRequest) => Promise<void>;
  /**
   * Keeps in the call's history what the gateway said itself (nobody came, the person left), so
   * that the assistant's next answer knows the caller heard it.
   */
  remember?: (callId: string, text: string) => Promise<void>;
};

/** Options for {@link createCallHandoff}. */
export type CallHandoffOptions = {
  voipbin: VoipbinClient;
  store: StateStore;
  states: CallStates;
  speaker: Speaker;
  parking: Parking;
  activity: Activity;
  logger: Logger;
  settings: VoiceSettings;
  handoff: VoiceHandoffOptions;
  /** The bot stops on the call: its runs, its pending utterance. */
  quiet: (callId: string) => Promise<void>;
  now: () => number;
};

/** Handing calls to a person (HANDOFF.md §1.3, §6.4), one at a time per call. */
export type CallHandoff = {
  /** Whether the call can be put through to a person now. */
  canTransfer(callId: string): Promise<boolean>;
  /**
   * The assistant handed the call over: from now on the bot is silent, the person is dialed
   * with a briefing into the caller's conference. When that cannot be done the caller hears
   * so, and the business is asked to call back.
   */
  start(callId: string, request: HandoffRequest): Promise<void>;
  /**
   * A reply came with a handoff: `started` starts one, `unavailable` (the caller was told nobody
   * is free) asks the business to call back, `active` with nobody on the call is a stale state.
   */
  onReply(callId: string, reply: ReplyHandoff): Promise<void>;
  /** An event of a leg we dialed (`direction: outgoing`). */
  onLegEvent(event: { type: string; data: VoipbinCall }): Promise<void>;
  /** The caller's call ended: the person's leg is hung up, the conversation released. */
  end(callId: string): Promise<void>;
};

/** The briefing the person hears: the summary's first sentence. */
export function briefingOf(summary: string): string {
  const first = summary.trim().match(/^.*?[.!?](?=\s|$)/s)?.[0] ?? summary.trim();
  return first || 'A caller would like to talk to a person.';
}

export function createCallHandoff(options: CallHandoffOptions): CallHandoff {
  const { voipbin, store, states, speaker, parking, activity, logger, settings, now } = options;
  const { phoneNumber, release, requestCallback, remember } = options.handoff;
  const ttl = settings.stateTtlMs;
  const ringTimer = (callId: string) => `ring:${callId}`;
  const musicTimer = (callId: string) => `moh:${callId}`;

  async function releaseConversation(callId: string): Promise<void> {
    try {
      await release?.(callId);
    } catch (error) {
      // Not handed off in history (e.g. a transfer not started by the assistant): nothing to do.
      logger.debug({ callId, err: error }, 'release of the conversation failed');
    }
  }

  async function askCallback(callId: string, request: HandoffRequest, outcome: string) {
    if (!requestCallback || !(await store.claim(keys.callbackAsked(callId), ttl))) return;
    const parties = await store.get<CallParties>(keys.parties(callId));
    try {
      await requestCallback({
        callId,
        ...(parties?.caller ? { callerNumber: parties.caller } : {}),
        reason: request.reason,
        summary: request.summary,
        outcome,
      });
    } catch (error) {
      logger.error({ callId, err: error }, 'could not ask the business to call back');
    }
  }

  /** Says `text` to the caller as the assistant, and keeps it in the call's history. */
  async function sayAndRemember(callId: string, text: string): Promise<void> {
    await speaker.say(callId, text);
    try {
      await remember?.(callId, text);
    } catch (error) {
      logger.warn({ callId, err: error }, 'what the caller was told is not in history');
    }
  }

  async function stopMusic(callId: string): Promise<void> {
    activity.clear(musicTimer(callId));
    if (!(await store.get<boolean>(keys.musicOnHold(callId)))) return;
    await store.delete(keys.musicOnHold(callId));
    await voipbin.calls.stopMusicOnHold(callId).catch((error: unknown) => {
      logger.warn({ callId, err: error }, 'could not stop the music on hold');
    });
  }

  /** Nobody took the call: the assistant is back, says so, and the business is to call back. */
  async function nobodyCame(callId: string, request: HandoffRequest, outcome: string) {
    activity.clear(ringTimer(callId));
    await store.set(keys.nobodyCame(callId), true, ttl);
    await store.delete(keys.humanLeg(callId));
    await stopMusic(callId);
    await releaseConversation(callId);
    await store.delete(keys.handoff(callId));
    if (await states.ended(callId)) return;
    logger.info({ callId, outcome }, 'nobody took the call: the assistant is back');
    await sayAndRemember(callId, settings.handoffNoAnswerText);
    await askCallback(callId, request, outcome);
  }

  /** The person hung up first: the caller is alone in the conference, the assistant resumes. */
  async function personLeft(callId: string) {
    await store.delete(keys.humanLeg(callId));
    await releaseConversation(callId);
    await store.delete(keys.handoff(callId));
    if (await states.ended(callId)) return;
    logger.info({ callId }, 'the person left the call: the assistant resumes');
    // Its Speaking session was stopped when the person answered: a new one.
    await speaker.open(callId);
    await sayAndRemember(callId, settings.handoffLeftText);
  }

  async function answered(callId: string, state: HandoffState) {
    if (state.status === 'connected') return;
    activity.clear(ringTimer(callId));
    await store.set(keys.handoff(callId), { ...state, status: 'connected' }, ttl);
    await stopMusic(callId);
    // The bot has nothing more to say; a whisper could reach the person too (HANDOFF.md §1.3).
    await speaker.stop(callId);
    await states.forgetSpeaking(callId);
    logger.info({ callId }, 'the person answered: caller and person talk, the bot is silent');
  }

  async function onLeg(callId: string, event: { type: string; data: VoipbinCall }) {
    const legId = event.data.id;
    if ((await store.get<string>(keys.humanLeg(callId))) !== legId) return;
    if (await states.ended(callId)) return;
    const state = await store.get<HandoffState>(keys.handoff(callId));
    if (!state) return;
    if (event.type === 'call_progressing') return answered(callId, state);
    if (event.type !== 'call_hangup') return;
    const pickedUp = timeOf(event.data.tm_progressing) !== undefined;
    if (pickedUp || state.status === 'connected') return personLeft(callId);
    return nobodyCame(callId, state, event.data.hangup_reason || 'failed');
  }

  /** Events of `legId` that came before its dial answered, once the leg is known. */
  async function drainHeld(legId: string, callId: string) {
    for (const event of await store.take<{ type: string; data: VoipbinCall }>(
      keys.heldLeg(legId),
    )) {
      await activity.run(callId, () => onLeg(callId, event));
    }
  }

  async function ringTooLong(callId: string, legId: string) {
    await activity.run(callId, async () => {
      const state = await store.get<HandoffState>(keys.handoff(callId));
      if (state?.status !== 'ringing' || (await store.get(keys.humanLeg(callId))) !== legId) return;
      logger.info({ callId }, 'the person did not answer in time: cancelling the call to them');
      try {
        // Its `call_hangup` (never answered) brings the assistant back.
        await voipbin.calls.hangup(legId);
      } catch (error) {
        logger.warn({ callId, err: error }, 'could not cancel the call to the person');
        await nobodyCame(callId, state, 'timeout');
      }
    });
  }

  async function startMusic(callId: string) {
    const state = await store.get<HandoffState>(keys.handoff(callId));
    if (state?.status !== 'ringing' || (await states.ended(callId))) return;
    try {
      await voipbin.calls.startMusicOnHold(callId);
      await store.set(keys.musicOnHold(callId), true, ttl);
      // Answered meanwhile: the music must not outlive the ringing.
      if ((await store.get<HandoffState>(keys.handoff(callId)))?.status !== 'ringing') {
        await stopMusic(callId);
      }
    } catch (error) {
      logger.warn({ callId, err: error }, 'could not start music on hold');
    }
  }

  async function dial(callId: string, request: HandoffRequest) {
    const parties = await store.get<CallParties>(keys.parties(callId));
    const conferenceId = await parking.parkedIn(callId);
    if (!phoneNumber || !parties?.ours || !conferenceId) {
      return activity.run(callId, () => nobodyCame(callId, request, 'failed'));
    }
    let legId: string | undefined;
    try {
      const created = await voipbin.calls.create({
        source: { type: 'tel', target: parties.ours },
        destinations: [{ type: 'tel', target: phoneNumber }],
        actions: [
          {
            id: randomUUID(),
            type: 'talk',
            option: { text: briefingOf(request.summary), language: settings.language },
          },
          { id: randomUUID(), type: 'conference_join', option: { conference_id: conferenceId } },
        ],
      });
      legId = created.calls[0]?.id;
    } catch (error) {
      // Never dialed again: after a timeout the person's phone may be ringing already.
      const maybe = (error as Partial<VoipbinApiError>).mayHaveTakenEffect !== false;
      logger.error({ callId, maybeRinging: maybe, err: error }, 'could not call the person');
    }
    if (!legId) return activity.run(callId, () => nobodyCame(callId, request, 'failed'));
    const leg = legId;
    await store.set(keys.callerOf(leg), callId, ttl);
    await store.set(keys.humanLeg(callId), leg, ttl);
    if (await states.ended(callId)) {
      await voipbin.calls.hangup(leg).catch(() => {});
      return;
    }
    logger.info({ callId, legId: leg }, 'calling a person to take the call');
    activity.arm(ringTimer(callId), settings.handoffRingTimeoutMs, () => ringTooLong(callId, leg));
    // Music once the caller has heard the handoff words (by estimate).
    const said = Math.max(0, (await states.speakingUntil(callId)) - now());
    activity.arm(musicTimer(callId), said, () => startMusic(callId));
    await drainHeld(leg, callId);
  }

  async function canTransfer(callId: string): Promise<boolean> {
    if (!phoneNumber || (await states.ended(callId))) return false;
    if (await store.get(keys.handoff(callId))) return false;
    if (await store.get(keys.nobodyCame(callId))) return false;
    const parties = await store.get<CallParties>(keys.parties(callId));
    if (parties?.ours === undefined) return false;
    // A caller who asks at once may not be parked yet: its conference is worth a short wait.
    return (await parking.parkedIn(callId, settings.conferenceWaitMs)) !== undefined;
  }

  async function start(callId: string, request: HandoffRequest) {
    if (!(await canTransfer(callId))) {
      // The assistant promised a person a moment ago; the call cannot be put through now.
      if (await store.get(keys.handoff(callId))) return;
      await activity.run(callId, () => nobodyCame(callId, request, 'failed'));
      return;
    }
    const state: HandoffState = { status: 'ringing', ...request, startedAt: now() };
    if (!(await store.claim(keys.handoff(callId), ttl, state))) return;
    await options.quiet(callId);
    void activity.track(dial(callId, request));
  }

  return {
    canTransfer,

    start,

    async onReply(callId, reply) {
      const request = { reason: reply.reason, summary: reply.summary };
      if (reply.state === 'started') return start(callId, request);
      if (reply.state === 'unavailable') return askCallback(callId, request, 'unavailable');
      // `active` while nobody has the call (a release that failed): after a moment (the handoff
      // may be starting on another instance), the call goes back to the assistant.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (await states.muted(callId)) return;
      logger.warn({ callId }, 'history says a person has the call, but nobody does: releasing it');
      await releaseConversation(callId);
      await speaker.say(callId, settings.fallbackText);
    },

    async onLegEvent(event) {
      // Ringing is only shown by the music; answered and hung up decide.
      if (event.type !== 'call_progressing' && event.type !== 'call_hangup') return;
      const legId = event.data.id;
      const callId = await store.get<string>(keys.callerOf(legId));
      if (callId) return activity.run(callId, () => onLeg(callId, event));
      // Before `POST /calls` answered: kept for the dialing side (or for us, if it just finished).
      await store.push(keys.heldLeg(legId), event, ttl);
      const late = await store.get<string>(keys.callerOf(legId));
      if (late) await drainHeld(legId, late);
    },

    async end(callId) {
      activity.clear(ringTimer(callId));
      activity.clear(musicTimer(callId));
      const legId = await store.get<string>(keys.humanLeg(callId));
      if (legId) {
        await voipbin.calls.hangup(legId).catch((error: unknown) => {
          logger.warn({ callId, err: error }, 'could not hang up the person’s leg');
        });
      }
      if (await store.get(keys.handoff(callId))) await releaseConversation(callId);
    },
  };
}
