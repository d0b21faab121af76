import { describe, expect, it } from 'vitest';
import { chatChannel, defaultChannels, smsChannel, voiceChannel } from './index';

describe('chatChannel', () => {
  it('keeps markdown and only trims', () => {
    expect(chatChannel.render('  **Hi** [there](https://x.com)\n')).toBe(
      '**Hi** [there](https://x.com)',
    );
    expect(chatChannel.instructions).toMatch(/markdown/);
  });
});

describe('defaultChannels', () => {
  it('holds the three built-in channels under their own names', () => {
    expect(defaultChannels).toEqual({ chat: chatChannel, voice: voiceChannel, sms: smsChannel });
    for (const [name, channel] of Object.entries(defaultChannels)) expect(channel.name).toBe(name);
  });
});
