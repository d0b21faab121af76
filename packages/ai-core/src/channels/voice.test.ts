import { describe, expect, it } from 'vitest';
import { completeSentenceCount } from './sentences';
import { renderForVoice, voiceChannel } from './voice';

describe('renderForVoice', () => {
  it('reads a typical markdown answer as plain speakable sentences', () => {
    const answer = [
      '## Returns 📦',
      '',
      'You can return items within **30 days**. See [our returns policy](https://www.example.com/returns).',
      '',
      '- Refunds cost $4.99 (a 15% restocking fee may apply)',
      '- Call us at +1 (555) 123-4567, Mon–Fri 9:00–18:00',
      '- Or email help@example.com 😊',
    ].join('\n');
    expect(renderForVoice(answer)).toBe(
      'Returns. You can return items within 30 days. See our returns policy. ' +
        'Refunds cost 4 dollars and 99 cents (a 15 percent restocking fee may apply); ' +
        'Call us at plus 1, 5 5 5, 1 2 3, 4 5 6 7, Monday to Friday 9 AM to 6 PM; ' +
        'Or email help at example dot com.',
    );
  });

  it('speaks bare URLs as their domain and drops code blocks', () => {
    const answer =
      'Track it at https://www.example.com/track?id=42 or `SAVE10`.\n\n```bash\ncurl https://api.example.com\n```\n\nThanks!';
    expect(renderForVoice(answer)).toBe('Track it at example dot com or SAVE10. Thanks!');
  });

  it('drops inline code that is not wordy', () => {
    expect(renderForVoice('Use `SAVE10` at checkout, not `x = f(y)`.')).toBe(
      'Use SAVE10 at checkout, not.',
    );
  });

  it('reads numbered steps, headings and table rows as sentences', () => {
    const answer =
      '# How to book\n1. Open the app\n2. Tap **Book**\n\n| Day | Hours |\n|---|---|\n| Sat | 10am-4pm |\n| Sun | closed |';
    expect(renderForVoice(answer)).toBe(
      'How to book. Open the app; Tap Book. Saturday: 10 AM to 4 PM. Sunday: closed.',
    );
  });

  it('removes HTML and reads symbols', () => {
    expect(renderForVoice('<b>Fish &amp; chips</b> for ~$12, e.g. on Fridays — order #7!')).toBe(
      'Fish and chips for about 12 dollars, for example on Fridays, order number 7!',
    );
  });

  it('keeps a last paragraph without a period as it is, and ends earlier lines', () => {
    expect(renderForVoice('Hi there\n\nWe open at 9')).toBe('Hi there. We open at 9');
  });

  it('speaks a list as one sentence, so a two-sentence answer keeps the whole list', () => {
    const answer = [
      'We are open seven days a week:',
      '',
      '- Monday to Friday: 8:00–18:00',
      '- Saturday: 9:00–18:00',
      '- Sunday: 10:00–16:00',
      '',
      'The coffee bar closes earlier.',
    ].join('\n');
    const spoken = renderForVoice(answer);
    expect(spoken).toBe(
      'We are open seven days a week: Monday to Friday: 8 AM to 6 PM; ' +
        'Saturday: 9 AM to 6 PM; Sunday: 10 AM to 4 PM. The coffee bar closes earlier.',
    );
    expect(completeSentenceCount(`${spoken} More`)).toBe(2);
  });

  it('passes plain sentences through unchanged', () => {
    const text = 'We are open today. Parking is free!';
    expect(renderForVoice(text)).toBe(text);
  });

  it('returns what its documentation example says', () => {
    expect(renderForVoice('## Hours\n- **Mon–Fri**: 9:00–18:00\n- Call +1 (555) 123-4567 😊')).toBe(
      'Hours. Monday to Friday: 9 AM to 6 PM; Call plus 1, 5 5 5, 1 2 3, 4 5 6 7.',
    );
  });

  it('skips a long code block to speak the prose after it', () => {
    const answer = `Here it is:\n\n\`\`\`\`js\n${'x = 1;\n'.repeat(3000)}\`\`\`\n# not a heading\n\`\`\`\`\n\nDone. Bye now.`;
    expect(renderForVoice(answer)).toBe('Here it is: Done. Bye now.');
  });

  it('reads only the head of a very long answer', () => {
    const spoken = renderForVoice(
      `First sentence here. ${'More words follow. '.repeat(2000)}The end.`,
    );
    expect(spoken.startsWith('First sentence here. More words follow.')).toBe(true);
    expect(spoken).not.toContain('The end');
    expect(spoken.length).toBeLessThanOrEqual(4000);
  });

  it('renders text with nothing speakable as an empty string', () => {
    expect(renderForVoice('```\ncode\n```\n\n---\n\n🎉')).toBe('');
    expect(renderForVoice('')).toBe('');
  });
});

describe('voiceChannel', () => {
  it('is the voice channel, cut at two sentences and rendered for speech', () => {
    expect(voiceChannel.name).toBe('voice');
    expect(voiceChannel.maxSentences).toBe(2);
    expect(voiceChannel.render('**Hi** 👋')).toBe('Hi');
    expect(voiceChannel.instructions).toMatch(/two short sentences/);
    expect(voiceChannel.instructions).toMatch(/no URLs/);
  });
});
