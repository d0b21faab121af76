import type { Channel } from './channel';
import { chatChannel } from './chat';
import { smsChannel } from './sms';
import { voiceChannel } from './voice';

export { chatChannel } from './chat';
export { isGsm7, type SmsEncoding, type SmsSize, smsSegmentCount, smsSize } from './gsm7';
export { completeSentenceCount, splitSentences, takeSentences } from './sentences';
export { renderForSms, smsChannel } from './sms';
export { renderForVoice, voiceChannel } from './voice';

/**
 * The built-in channels by name: `chat`, `voice` and `sms`. An assistant uses them unless its
 * `channels` option adds or replaces some.
 *
 * @example
 * ```ts
 * createAssistant({ ..., channels: { ...defaultChannels, slack } })
 * ```
 */
export const defaultChannels: Record<string, Channel> = {
  chat: chatChannel,
  voice: voiceChannel,
  sms: smsChannel,
};
