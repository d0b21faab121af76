import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smsSegmentCount } from './gsm7';
import { completeSentenceCount, lineSegments, splitSentences } from './sentences';
import { renderForSms } from './sms';
import { renderForVoice } from './voice';

// Model output is untrusted, and one stalled render freezes every call on a voice gateway: each
// function must take time linear in its input (or bounded), whatever the input is.
const hostile: Record<string, (size: number) => string> = {
  spaces: (n) => `a${' '.repeat(n)}b`,
  nbsp: (n) => `Hi.${'\u00a0'.repeat(n)}x`,
  mixedSpace: (n) => `${' \u00a0'.repeat(n / 2)}x`,
  colons: (n) => ':'.repeat(n),
  dollars: (n) => '$'.repeat(n),
  underscores: (n) => '_a'.repeat(n / 2),
  dots: (n) => `${'a.'.repeat(n / 2)}@`,
  brackets: (n) => '['.repeat(n),
  stars: (n) => '*'.repeat(n),
  pipes: (n) => '|'.repeat(n),
  arrows: (n) => `${'-> '.repeat(n / 3)}x`,
  exclamations: (n) => 'a!'.repeat(n / 2),
  newlines: (n) => '\n'.repeat(n),
  mixed: (n) => 'a  :: $ _a a. [ * | -> , ; \u00a0 '.repeat(n / 34),
};
describe('hostile input', () => {
  // Behaviour, not speed (`pnpm bench` measures): the quadratic versions of these renderers
  // took 15-30 s per 100 kB input, so a regression shows as a test that does not finish.
  it.each(Object.entries(hostile))(
    'renders 100 kB of %s safely',
    (_, make) => {
      const text = make(100_000);
      const spoken = renderForVoice(text);
      expect(spoken).not.toMatch(/[*_#`~>|[\]<\r\n]/);
      expect(spoken).toBe(spoken.trim());
      expect(renderForVoice(spoken)).toBe(spoken);
      expect(smsSegmentCount(renderForSms(text))).toBeLessThanOrEqual(3);
      const sentences = splitSentences(text);
      expect(completeSentenceCount(text)).toBeLessThanOrEqual(sentences.length);
    },
    20_000,
  );
});

describe('lineSegments', () => {
  it('finds the segments Intl.Segmenter finds over the whole line', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    const unit = fc.constantFrom(
      ...'aA1 .!?…")\'(,:;-$ '.split(''),
      'Mr. ',
      'e.g. ',
      '9.30 ',
      '. a',
      '! B',
      '😊',
      ' ',
    );
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 300 }),
        fc.integer({ min: 4, max: 40 }),
        (line, w) => {
          const whole = Array.from(segmenter.segment(line), ({ segment, index }) => ({
            segment,
            index,
          }));
          expect(Array.from(lineSegments(line, w))).toEqual(whole);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
