import { describe, expect, it } from 'vitest';
import { normalizeTerm, termMatches, termsOf, tokenize } from './terms';

describe('tokenize', () => {
  it('keeps inner apostrophes and decimal points, drops punctuation', () => {
    expect(tokenize('Don’t pay $4.99, it’s free!')).toEqual([
      "Don't",
      'pay',
      '4.99',
      "it's",
      'free',
    ]);
  });
});

describe('normalizeTerm', () => {
  it.each([
    ['hours', 'hour'],
    ['opening', 'open'],
    ['returns', 'return'],
    ['returned', 'return'],
    ['shipping', 'ship'],
    ['shipped', 'ship'],
    ['pricing', 'price'],
    ['policies', 'policy'],
    ['Café', 'cafe'],
    ["shop's", 'shop'],
  ])('makes %s meet %s', (word, base) => {
    expect(normalizeTerm(word)).toBe(normalizeTerm(base));
    expect(normalizeTerm(word)).toBeTruthy();
  });

  it('drops stop words, courtesy words and single letters, keeps numbers', () => {
    for (const word of ['the', 'What', 'your', "don't", 'hello', 'thanks', 'x']) {
      expect(normalizeTerm(word)).toBeUndefined();
    }
    expect(normalizeTerm('5')).toBe('5');
    expect(normalizeTerm('4.99')).toBe('4.99');
  });
});

describe('termsOf', () => {
  it('gives the distinct content terms in order', () => {
    expect(termsOf('What are your opening hours? Opening hours!')).toEqual(['open', 'hour']);
    expect(termsOf('Hello, thank you!')).toEqual([]);
  });
});

describe('termMatches', () => {
  it('matches equal terms and extensions of 4+ chars only', () => {
    expect(termMatches('member', 'membership')).toBe(true);
    expect(termMatches('membership', 'member')).toBe(true);
    expect(termMatches('day', 'days')).toBe(false);
    expect(termMatches('book', 'cook')).toBe(false);
  });
});
