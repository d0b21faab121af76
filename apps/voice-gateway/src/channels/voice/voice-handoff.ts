import type { HandoffDesk, HistoryStore } from '@org/ai-core';
import type { HandoffReporter } from '@org/handoff';
import type { VoiceHandoffOptions } from './call-handoff';

/** What {@link createVoiceHandoff} wires together. */
export type VoiceHandoffDependencies = {
  /** `HANDOFF_PHONE_NUMBER`: without it nobody is dialed (the assistant offers a callback). */
  phoneNumber: string | undefined;
  /** Gives a call back to the assistant when nobody took it, or the person left. */
  desk: Pick<HandoffDesk, 'release'>;
  /** Tells the business (`createHandoffReporter`): the callback request of a call nobody took. */
  report: HandoffReporter;
  /** The assistant's history, which keeps what the gateway told the caller itself. */
  history: Pick<HistoryStore, 'append'>;
};

/**
 * The phone channel's handoff, on the desk and the business webhook: the number to dial, the
 * release of a call nobody took (or the person left), and `handoff.callback_requested` with the
 * caller's number, the summary and the newest messages.
 */
export function createVoiceHandoff(dependencies: VoiceHandoffDependencies): VoiceHandoffOptions {
  const { phoneNumber, desk, report, history } = dependencies;
  return {
    ...(phoneNumber ? { phoneNumber } : {}),
    release: (callId) => desk.release(callId),
    requestCallback: ({ callId, callerNumber, reason, summary }) =>
      report({
        channel: 'voice',
        conversationId: callId,
        handoff: { state: 'unavailable', reason, summary },
        ...(callerNumber ? { customer: { phone: callerNumber } } : {}),
      }),
    remember: (callId, text) =>
      history.append(callId, [
        { role: 'assistant', content: text, createdAt: new Date().toISOString(), channel: 'voice' },
      ]),
  };
}
