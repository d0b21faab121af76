import { describe, expect, it } from 'vitest';
import { answerTypeOccurrences, answerTypeTerms } from './answer-types';

describe('answerTypeTerms', () => {
  it('tells which kinds of value a text states', () => {
    expect(answerTypeTerms('Standard shipping costs $4.99 and takes 3–5 business days.')).toEqual([
      'price',
      'long',
    ]);
    expect(answerTypeTerms('We open at 9:00, or 10 am on Sundays.')).toEqual(['time']);
    expect(answerTypeTerms('Members get 10% off; refunds within one business day.')).toEqual([
      'price',
      'long',
    ]);
    expect(answerTypeTerms('Gift cards never expire.')).toEqual([]);
  });

  it('does not take a price for a time of day', () => {
    expect(answerTypeTerms('$4.99')).toEqual(['price']);
  });
});

describe('answerTypeOccurrences', () => {
  it('gives a term per value, for term frequency in the index', () => {
    expect(answerTypeOccurrences('Reader: $25. Bookworm: $60.')).toEqual(['price', 'price']);
  });
});
