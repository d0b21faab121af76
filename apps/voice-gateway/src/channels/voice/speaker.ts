import type { Logger } from '@org/runtime';
import { VoipbinApiError, type VoipbinClient } from '@org/voipbin';
import type { CallStates } from './call-state';

/** Options for {@link createSpeaker}. */
export type SpeakerOptions = {
  voipbin: VoipbinClient;
  states: CallStates;
  logger: Logger;
  language: string;
  /** TTS provider of the Speaking session (VoIPBin's default is elevenlabs). */
  provider?: string;
  voiceId?: string;
  /** Estimated speaking time per character, to know when the bot is still talking. */
  msPerChar: number;
  now: () => number;
};

/** Speaks to a call: Speaking session first, `POST /calls/{id}/talk` as the fallback. */
export type Speaker = {
  /** Opens the call's one Speaking session if it has none; false when it could not. */
  open(callId: string): Promise<boolean>;
  /**
   * Says `text`; never throws (failures are logged). True when some API accepted it, or may
   * have (a timed-out `say` is never repeated through `talk`: the caller would hear it twice).
   */
  say(callId: string, text: string): Promise<boolean>;
  /** Whether the bot is (by estimate) still talking. */
  talking(callId: string): Promise<boolean>;
  /** Barge-in: stops the current speech and clears the queue. */
  flush(callId: string): Promise<void>;
  /** Ends the Speaking session (hang-up). */
  stop(callId: string): Promise<void>;
};

/** Whether a failed call may still have been carried out by VoIPBin. */
const mayHaveTakenEffect = (error: unknown) =>
  !(error instanceof VoipbinApiError) || error.mayHaveTakenEffect;

export function createSpeaker(options: SpeakerOptions): Speaker {
  const { voipbin, states, logger, now } = options;

  /** The call's active Speaking sessions that VoIPBin knows (one, at most, per call). */
  async function activeSessions(callId: string): Promise<string[]> {
    const found: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page++) {
      const { result, next_page_token: next } = await voipbin.speakings.list(token);
      for (const speaking of result) {
        if (speaking.reference_id === callId && speaking.status !== 'stopped')
          found.push(speaking.id);
      }
      if (!next) break;
      token = next;
    }
    return found;
  }

  /**
   * A create that timed out may have succeeded later: find that session and make it the call's
   * (or stop it, if another instance recorded one first), so it is neither leaked nor doubled.
   */
  async function adoptLate(callId: string): Promise<string | undefined> {
    if (!(await states.takeLateSpeaking(callId))) return states.speakingId(callId);
    try {
      for (const id of await activeSessions(callId)) {
        if (await states.claimSpeaking(callId, id)) {
          logger.info({ callId }, 'found the Speaking session whose creation timed out');
          continue;
        }
        if ((await states.speakingId(callId)) !== id) await voipbin.speakings.stop(id);
      }
    } catch (error) {
      await states.markLateSpeaking(callId);
      logger.warn({ callId, err: error }, 'could not look for a late Speaking session');
    }
    return states.speakingId(callId);
  }

  async function viaTalk(callId: string, text: string): Promise<boolean> {
    try {
      await voipbin.calls.talk(callId, { text, language: options.language });
      return true;
    } catch (error) {
      if (mayHaveTakenEffect(error)) {
        logger.warn({ callId, err: error }, 'talk may have been queued: not repeating it');
        return true;
      }
      logger.error({ callId, err: error }, 'could not speak to the call');
      return false;
    }
  }

  return {
    async open(callId) {
      if (await states.speakingId(callId)) return true;
      try {
        const speaking = await voipbin.speakings.create({
          reference_type: 'call',
          reference_id: callId,
          language: options.language,
          ...(options.provider ? { provider: options.provider } : {}),
          ...(options.voiceId ? { voice_id: options.voiceId } : {}),
          direction: 'both',
        });
        if (!(await states.claimSpeaking(callId, speaking.id))) {
          // Another instance opened one first: keep theirs, end ours.
          await voipbin.speakings.stop(speaking.id).catch((error: unknown) => {
            logger.warn({ callId, err: error }, 'could not stop a second Speaking session');
          });
        }
        return true;
      } catch (error) {
        if (await states.speakingId(callId)) return true;
        if (mayHaveTakenEffect(error)) await states.markLateSpeaking(callId);
        logger.warn({ callId, err: error }, 'no Speaking session: falling back to talk');
        return false;
      }
    },

    async say(callId, text) {
      const speakingId = (await states.speakingId(callId)) ?? (await adoptLate(callId));
      let spoken = false;
      if (speakingId) {
        try {
          await voipbin.speakings.say(speakingId, text);
          spoken = true;
        } catch (error) {
          if (mayHaveTakenEffect(error)) {
            logger.warn({ callId, err: error }, 'say may have been queued: not repeating it');
            spoken = true;
          } else {
            logger.warn({ callId, err: error }, 'speaking say failed: falling back to talk');
          }
        }
      }
      if (!spoken) spoken = await viaTalk(callId, text);
      if (spoken && !(await states.ended(callId))) {
        await states.extendSpeech(callId, now(), text.length * options.msPerChar);
      }
      return spoken;
    },

    talking: async (callId) => (await states.speakingUntil(callId)) > now(),

    async flush(callId) {
      await states.silence(callId, now());
      const speakingId = await states.speakingId(callId);
      if (!speakingId) return;
      try {
        await voipbin.speakings.flush(speakingId);
      } catch (error) {
        logger.warn({ callId, err: error }, 'could not flush the Speaking session');
      }
    },

    async stop(callId) {
      const speakingId = (await states.speakingId(callId)) ?? (await adoptLate(callId));
      if (!speakingId) return;
      try {
        await voipbin.speakings.stop(speakingId);
      } catch (error) {
        logger.warn({ callId, err: error }, 'could not stop the Speaking session');
      }
    },
  };
}
