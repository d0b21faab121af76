import { describe, expect, it } from 'vitest';
import {
  isStopWord,
  isWeakWord,
  joinCompound,
  normalizeTerm,
  splitCompound,
  termsOf,
  tokenize,
  transpositions,
} from './terms';

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

describe('normalizeTerm (Porter stemming from the stemmer package)', () => {
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
    ['recommendations', 'recommend'],
  ])('makes %s meet %s', (word, base) => {
    expect(normalizeTerm(word)).toBe(normalizeTerm(base));
    expect(normalizeTerm(word)).toBeTruthy();
  });

  it.each([
    ['bought', 'buy'],
    ['paid', 'pay'],
    ['sent', 'send'],
    ['kept', 'keep'],
    ['lost', 'lose'],
  ])('makes the irregular %s meet %s', (word, base) => {
    expect(normalizeTerm(word)).toBe(normalizeTerm(base));
  });

  it('drops stop words, chat shorthand, courtesy words and single letters, keeps numbers', () => {
    for (const word of [
      'the',
      'What',
      'your',
      "don't",
      'dont',
      'ur',
      'wat',
      'hello',
      'thanks',
      'x',
    ]) {
      expect(normalizeTerm(word), word).toBeUndefined();
    }
    expect(normalizeTerm('5')).toBe('5');
    expect(normalizeTerm('4.99')).toBe('4.99');
  });
});

describe('stop and weak words', () => {
  it('tells words without meaning from words that rank but never decide', () => {
    expect(isStopWord('you')).toBe(true);
    expect(isStopWord('do')).toBe(true);
    expect(isStopWord('week')).toBe(false);
    for (const word of ['week', 'tomorrow', 'friend', 'morning', 'Yesterday']) {
      expect(isWeakWord(word), word).toBe(true);
    }
    for (const word of ['refund', 'parcel', 'restroom']) expect(isWeakWord(word), word).toBe(false);
  });
});

describe('termsOf', () => {
  it('gives the distinct content terms in order', () => {
    expect(termsOf('What are your opening hours? Opening hours!')).toEqual(['open', 'hour']);
    expect(termsOf('Hello, thank you!')).toEqual([]);
  });
});

describe('compounds', () => {
  const known = new Set(termsOf('Gift cards and books are sold in the shop.'));
  const isKnown = (term: string) => known.has(term);

  it('splits a word written as one into two known terms', () => {
    expect(splitCompound('giftcards', isKnown)).toEqual([['gift', 'card']]);
    expect(splitCompound('Bookshop', isKnown)).toEqual([['book', 'shop']]);
  });

  it('does not split when a part is unknown or too short', () => {
    expect(splitCompound('audiobooks', isKnown)).toEqual([]);
    expect(splitCompound('giftcd', isKnown)).toEqual([]);
  });

  it('joins two words into the term of their compound', () => {
    expect(joinCompound('gift', 'cards')).toBe(normalizeTerm('giftcards'));
    expect(joinCompound('e', 'mail')).toBe(normalizeTerm('email'));
  });
});

describe('transpositions', () => {
  it('gives every swap of two neighbouring letters', () => {
    expect(transpositions('retrun')).toContain('return');
    expect(transpositions('reciept')).toContain('receipt');
    expect(transpositions('ab')).toEqual(['ba']);
    expect(transpositions('aa')).toEqual([]);
  });
});
