import { describe, expect, it } from 'vitest';
import { analyzeQuery, type Concept } from './analyze-query';
import { createLexicon } from './lexicon';
import { normalizeTerm, termsOf } from './terms';

const lexicon = createLexicon(
  [
    'Gift cards never expire. Email us at hello@shop.example.',
    'We are open on Saturday until 20:00. The restroom is upstairs.',
    'You can return unread books. The coffee bar takes its last orders at 17:30.',
    'Members save 10% with a membership. Read our ebook guide.',
  ].map((text) => new Set(termsOf(text))),
);
const term = (word: string) => normalizeTerm(word) ?? word;
const read = (question: string) => analyzeQuery(question, lexicon);
const ways = (concept: Concept | undefined) =>
  concept?.alternatives.map((alternative) => alternative.terms.join(' ')) ?? [];

describe('analyzeQuery', () => {
  it('drops stop words and keeps each content word as a concept, its own stem first', () => {
    const concepts = read('Do you sell gift cards?');
    expect(concepts.map((concept) => concept.words)).toEqual(['sell', 'gift cards']);
    expect(ways(concepts[0])[0]).toBe(term('sell'));
  });

  it('reads a typo as the known term: swapped letters, then the nearest by edit distance', () => {
    expect(ways(read('retrun')[0])).toContain(term('return'));
    expect(ways(read('satuday')[0])).toContain(term('saturday'));
    // A word the passages do not know but the vocabulary does ("adress") is corrected too.
    expect(ways(read('emial adress')[0])).toContain(term('email'));
  });

  it('splits a compound the passages write in two, and joins two words they write as one', () => {
    expect(ways(read('giftcards')[0])).toContain(`${term('gift')} ${term('card')}`);
    const [ebook] = read('e book');
    expect(ebook?.words).toBe('e book');
    expect(ways(ebook)).toContain(term('ebook'));
  });

  it('adds synonyms, phrases read as one concept', () => {
    expect(ways(read('bathroom')[0])).toContain(term('restroom'));
    const [stop] = read('When do you stop taking orders?');
    expect(stop?.words).toBe('stop taking orders');
    expect(ways(stop)).toContain(`${term('last')} ${term('order')}`);
  });

  it('adds longer and negated forms the passages use', () => {
    expect(ways(read('member')[0])).toContain(term('membership'));
    expect(ways(read('read')[0])).toContain(term('unread'));
  });

  it('keeps times, people and numbers as weak concepts', () => {
    const concepts = read('I bought a mug last week for a friend, 2 of them');
    const weak = concepts.filter((concept) => concept.weak).map((concept) => concept.words);
    expect(weak).toEqual(['bought', 'last', 'week', 'friend', '2']);
    expect(concepts.find((concept) => concept.words === 'mug')?.weak).toBe(false);
    // "how much" asks for a price: weak, but it ranks passages with prices.
    expect(read('how much')[0]?.weak).toBe(true);
  });

  it('reads a 12-hour time as the 24-hour one too, and "US" as the country', () => {
    expect(ways(read('open until 8pm')[1])).toEqual(['20', '8']);
    expect(ways(read('shipping within the US').at(-1))).toContain(
      `${term('united')} ${term('states')}`,
    );
  });
});
