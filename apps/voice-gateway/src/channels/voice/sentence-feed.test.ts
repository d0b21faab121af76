import { renderForVoice } from '@org/ai-core';
import { describe, expect, it } from 'vitest';
import { createSentenceFeed } from './sentence-feed';

function feed(text: string) {
  const sentences = createSentenceFeed();
  const handed: { at: number; text: string }[] = [];
  const tokens = text.match(/\S+\s*/g) ?? [];
  tokens.forEach((token, index) => {
    for (const sentence of sentences.push(token)) handed.push({ at: index, text: sentence });
  });
  return { handed, sentences, tokens };
}

describe('the sentence feed', () => {
  it('hands out the first sentence as soon as the second has started', () => {
    const answer = 'We open at 9 AM on weekdays. On Sunday we open at 10 AM and close at 4 PM.';
    const { handed, sentences, tokens } = feed(answer);
    expect(handed).toEqual([{ at: 7, text: 'We open at 9 AM on weekdays.' }]);
    expect(handed[0]?.at).toBeLessThan(tokens.length - 1);
    expect(sentences.finish(renderForVoice(answer))).toEqual([
      'On Sunday we open at 10 AM and close at 4 PM.',
    ]);
  });

  it('does not split 9.30 or $12.50 at their dots', () => {
    const { handed } = feed('We open at 9.30 on Saturdays. Tickets cost $12.50 each. See you!');
    expect(handed.map((h) => h.text)).toEqual([
      'We open at 9.30 on Saturdays.',
      'Tickets cost 12 dollars and 50 cents each.',
    ]);
  });

  it('keeps a short first sentence for the next one', () => {
    const { handed } = feed('Sure! We ship to Canada for 14.99 dollars. Anything else?');
    expect(handed.map((h) => h.text)).toEqual(['Sure! We ship to Canada for 14.99 dollars.']);
  });

  it('hands out at most two sentences, and the rest of the reply once at the end', () => {
    const sentences = createSentenceFeed();
    const deltas = ['The first sentence is here. ', 'The second one follows. ', 'Three. ', 'Four.'];
    const handed = deltas.flatMap((delta) => sentences.push(delta));
    expect(handed).toEqual(['The first sentence is here.', 'The second one follows.']);
    expect(sentences.finish('The first sentence is here. The second one follows.')).toEqual([]);
  });

  it('hands out the whole reply at the end when the model never made a boundary', () => {
    const sentences = createSentenceFeed();
    expect(sentences.push('We are open every day')).toEqual([]);
    expect(sentences.finish('We are open every day')).toEqual(['We are open every day']);
  });

  it('renders what it hands out (no markdown reaches speech)', () => {
    const { handed } = feed('**Yes**, we ship to Canada: see [rates](https://x.example). Bye.');
    expect(handed[0]).toBeDefined();
    expect(handed[0]?.text).not.toMatch(/\*|\[|https?:/);
  });
});
