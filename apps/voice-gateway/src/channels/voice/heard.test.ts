import { describe, expect, it } from 'vitest';
import { heardBy, type SpokenPart } from './heard';

const parts: SpokenPart[] = [
  { text: 'We are open every day.', start: 1000, end: 3200 },
  { text: 'On Sunday we close at four.', start: 3200, end: 5900 },
];

describe('what the caller heard', () => {
  it('is nothing before the answer started', () => {
    expect(heardBy(parts, 900)).toBe('');
    expect(heardBy([], 5000)).toBe('');
  });

  it('keeps whole words of the part playing, rounded down', () => {
    // 1,000 ms into 2,200 ms of 22 characters: 10 characters, "We are ope" → "We are".
    expect(heardBy(parts, 2000)).toBe('We are');
  });

  it('keeps a word that was fully said', () => {
    expect(heardBy(parts, 1000 + 700)).toBe('We are');
  });

  it('keeps the parts that finished and cuts the one playing', () => {
    expect(heardBy(parts, 4500)).toBe('We are open every day. On Sunday we');
  });

  it('is everything once it all played', () => {
    expect(heardBy(parts, 6000)).toBe('We are open every day. On Sunday we close at four.');
  });
});
