import { describe, expect, it } from 'vitest';
import { completeSentenceCount, splitSentences, takeSentences } from './sentences';

describe('splitSentences', () => {
  it('keeps prices, a.m. and abbreviated days inside their sentence', () => {
    expect(
      splitSentences('It costs $9.99 today. We open Mon. to Fri. at 9 a.m. on the dot!'),
    ).toEqual(['It costs $9.99 today.', 'We open Mon. to Fri. at 9 a.m. on the dot!']);
  });

  it('ends sentences at newlines and drops empty ones', () => {
    expect(splitSentences('## Opening hours\n\n- Monday to Friday\n- Saturday   \n\n')).toEqual([
      '## Opening hours',
      '- Monday to Friday',
      '- Saturday',
    ]);
  });

  it('keeps the number of a numbered list item with its text', () => {
    expect(splitSentences('1. Open the app. Then wait.\n2. Tap Book')).toEqual([
      '1. Open the app.',
      'Then wait.',
      '2. Tap Book',
    ]);
  });

  it('joins a trailing part without letters to the sentence before it', () => {
    expect(splitSentences('- Mon. 9-5\n- Sat. 10-4')).toEqual(['- Mon. 9-5', '- Sat. 10-4']);
  });

  it('drops lines of symbols only', () => {
    expect(splitSentences('Hello there.\n---\n🎉\nBye.')).toEqual(['Hello there.', 'Bye.']);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences(' \n\t ')).toEqual([]);
  });
});

describe('completeSentenceCount', () => {
  it.each([
    ['Hi there. We open at 9', 1],
    ['Hi there. We open at 9 a.m. on', 1],
    ['Hi. We open at 9. Closed', 2],
    ['Hi.', 0],
    ['Hi. ', 0],
    ['', 0],
    ['Hi.\n', 1],
    ['Hi!\n\n', 1],
    ['Our hours\n', 0],
    ['Our hours\n- Mon', 1],
    ['1. Open the app.\n2. Tap', 1],
  ])('%j has %i complete sentences', (text, expected) => {
    expect(completeSentenceCount(text)).toBe(expected);
  });

  it('never decreases while a realistic answer streams in', () => {
    const answer =
      'Sure! We open at 9 a.m. on weekdays and close at 6 p.m. The store at 12 Main St. is closed on Sundays.';
    const counts = Array.from({ length: answer.length + 1 }, (_, i) =>
      completeSentenceCount(answer.slice(0, i)),
    );
    for (let i = 1; i < counts.length; i++) {
      expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1] ?? 0);
    }
    expect(counts.at(-1)).toBe(splitSentences(answer).length - 1);
  });
});

describe('takeSentences', () => {
  it('keeps the spacing between the sentences it takes', () => {
    expect(takeSentences('  Hi there.  We open at 9. Bye.', 2)).toBe('Hi there.  We open at 9.');
  });

  it('keeps newlines between sentences', () => {
    expect(takeSentences('# Hours\n\n- Mon 9-5\n- Sat 10-4', 2)).toBe('# Hours\n\n- Mon 9-5');
  });

  it('returns the whole text when it has fewer sentences', () => {
    expect(takeSentences(' Hi. Bye. ', 5)).toBe('Hi. Bye.');
  });

  it('returns nothing for zero sentences', () => {
    expect(takeSentences('Hi. Bye.', 0)).toBe('');
  });
});
