import { isVoiceEvent, voiceEventTypes } from '@org/voipbin';
import type { InboxChannel } from '../../inbox/inbox-channel';
import { type CallEngine, type CallEngineOptions, createCallEngine } from './call-engine';
import { createFetchRoutes } from './fetch-route';
import { defaultVoiceSettings, type VoiceSettings } from './settings';

/** Options for {@link createVoiceChannel}: the call engine's, and the fetch route's secret. */
export type VoiceChannelOptions = CallEngineOptions & {
  /** Enables `POST /voipbin/fetch/:secret` (the greeting, inside the call's flow). */
  fetchSecret?: string;
};

/** The phone channel, and its engine (tests and the call simulator wait on it). */
export type VoiceChannel = InboxChannel & {
  readonly engine: CallEngine;
  /**
   * Whether a person can take this call now: a number to dial (`HANDOFF_PHONE_NUMBER`), the
   * caller parked in its conference, no handoff under way or failed already. The assistant's
   * `handoff.available` for the `voice` channel.
   */
  canTransfer(callId: string): Promise<boolean>;
};

/**
 * Phone calls through VoIPBin (SPEC.md §9): call, transcribe and speech events drive the call
 * engine's turn-taking; the assistant answers on its `voice` channel through the Speaking API.
 * With a fetch secret and a handoff number, each call waits in its own conference, from where
 * it can be handed to a person (HANDOFF.md §1.2–1.3).
 */
export function createVoiceChannel(options: VoiceChannelOptions): VoiceChannel {
  const { logger, fetchSecret } = options;
  const settings: VoiceSettings = { ...defaultVoiceSettings, ...options.settings };
  // Without the fetch, nothing would park the caller in its conference.
  const parkInConference =
    options.parkInConference ??
    (fetchSecret !== undefined && Boolean(options.handoff?.phoneNumber));
  const engine = createCallEngine({ ...options, settings, parkInConference });
  return {
    name: 'voice',
    accepts: voiceEventTypes,
    engine,
    canTransfer: (callId) => engine.canTransfer(callId),
    handle: (event) => (isVoiceEvent(event) ? engine.handle(event) : Promise.resolve()),
    routes: {
      path: '/voipbin/fetch',
      app: createFetchRoutes({ engine, logger, fetchSecret, language: settings.language }),
    },
    settled: () => engine.settled(),
    close: () => engine.close(),
  };
}
