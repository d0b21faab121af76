import { describe, expect, it } from 'vitest';
import { synonymsAt, vocabularyStems } from './synonyms';
import { normalizeTerm, stemWord, tokenize } from './terms';

/** A question's stems, every word included, as `analyzeQuery` looks phrases up. */
const stems = (text: string) => tokenize(text).map((word) => stemWord(word.toLowerCase()));
const term = (word: string) => normalizeTerm(word) ?? word;
const said = (text: string, index: number) =>
  synonymsAt(stems(text), index)?.alternatives.map((alternative) => alternative.terms.join(' '));

describe('synonymsAt', () => {
  it('gives the customer-service words for what documents say otherwise', () => {
    expect(said('bathroom', 0)).toContain(term('restroom'));
    expect(said('swap', 0)).toContain(term('exchange'));
    expect(said('package', 0)).toContain(term('parcel'));
    expect(said('voucher', 0)).toContain(`${term('gift')} ${term('card')}`);
  });

  it('reads a phrase as one, the longest first', () => {
    const match = synonymsAt(stems('when do you stop taking orders'), 3);
    expect(match?.length).toBe(3);
    expect(match?.alternatives.map((alternative) => alternative.terms)).toContainEqual([
      term('last'),
      term('orders'),
    ]);
    expect(said('money back', 0)).toContain(term('refund'));
  });

  it('lets articles and possessives sit inside a phrase', () => {
    const match = synonymsAt(stems('can I send it back'), 2);
    expect(match?.length).toBe(3);
    expect(match?.alternatives.map((alternative) => alternative.terms)).toContainEqual([
      term('return'),
    ]);
    expect(synonymsAt(stems('lost my receipt'), 0)?.length).toBe(3);
  });

  it('reads a narrower word as the broader one, less closely, and not the other way round', () => {
    const wednesday = synonymsAt(stems('wednesday'), 0)?.alternatives ?? [];
    const weekday = wednesday.find((alternative) => alternative.terms[0] === term('weekday'));
    expect(weekday?.weight).toBeLessThan(1);
    expect(said('weekday', 0)).not.toContain(term('wednesday'));
    expect(said('memorial day', 0)).toContain(term('holiday'));
  });

  it('finds nothing for a word outside the vocabulary', () => {
    expect(synonymsAt(stems('bitcoin'), 0)).toBeUndefined();
  });
});

describe('vocabularyStems', () => {
  it('holds the content stems of every phrase, to correct typos towards', () => {
    expect(vocabularyStems.has(term('address'))).toBe(true);
    expect(vocabularyStems.has('the')).toBe(false);
  });
});
