import type { Logger } from '../logger';
import type { VoipbinClient } from '../voipbin/client';
import type { Activity } from './activity';
import type { CallState, createCallStates } from './call-state';

/** Options for {@link createSpeaker}. */
export type SpeakerOptions = {
  voipbin: VoipbinClient;
  states: ReturnType<typeof createCallStates>;
  activity: Activity;
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
  open(state: CallState): Promise<boolean>;
  /** Says `text`; never throws (failures are logged). True when some API accepted it. */
  say(callId: string, text: string): Promise<boolean>;
  /** Whether the bot is (by estimate) still talking. */
  talking(state: CallState): boolean;
  /** Barge-in: stops the current speech and clears the queue. */
  flush(state: CallState): Promise<void>;
  /** Ends the Speaking session (hang-up). */
  stop(state: CallState): Promise<void>;
};

export function createSpeaker(options: SpeakerOptions): Speaker {
  const { voipbin, states, activity, logger, now } = options;

  async function viaTalk(callId: string, text: string): Promise<boolean> {
    try {
      await voipbin.talk(callId, { text, language: options.language });
      return true;
    } catch (error) {
      logger.error({ callId, err: error }, 'could not speak to the call');
      return false;
    }
  }

  return {
    async open(state) {
      if (state.speakingId) return true;
      try {
        const speaking = await voipbin.createSpeaking({
          reference_type: 'call',
          reference_id: state.callId,
          language: options.language,
          ...(options.provider ? { provider: options.provider } : {}),
          ...(options.voiceId ? { voice_id: options.voiceId } : {}),
          direction: 'both',
        });
        state.speakingId = speaking.id;
        return true;
      } catch (error) {
        logger.warn(
          { callId: state.callId, err: error },
          'no Speaking session: falling back to talk',
        );
        return false;
      }
    },

    async say(callId, text) {
      const { speakingId } = await states.load(callId);
      let spoken = false;
      if (speakingId) {
        try {
          await voipbin.say(speakingId, text);
          spoken = true;
        } catch (error) {
          logger.warn({ callId, err: error }, 'speaking say failed: falling back to talk');
        }
      }
      if (!spoken) spoken = await viaTalk(callId, text);
      if (spoken) {
        await activity.run(callId, async () => {
          if (await states.ended(callId)) return;
          const state = await states.load(callId);
          state.speakingUntil =
            Math.max(now(), state.speakingUntil) + text.length * options.msPerChar;
          await states.save(state);
        });
      }
      return spoken;
    },

    talking: (state) => state.speakingUntil > now(),

    async flush(state) {
      state.speakingUntil = now();
      if (!state.speakingId) return;
      try {
        await voipbin.flush(state.speakingId);
      } catch (error) {
        logger.warn({ callId: state.callId, err: error }, 'could not flush the Speaking session');
      }
    },

    async stop(state) {
      if (!state.speakingId) return;
      try {
        await voipbin.stopSpeaking(state.speakingId);
      } catch (error) {
        logger.warn({ callId: state.callId, err: error }, 'could not stop the Speaking session');
      }
    },
  };
}
