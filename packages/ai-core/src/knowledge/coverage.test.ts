import { describe, expect, it } from 'vitest';
import { analyzeQuery } from './analyze-query';
import { answers, coveredShare, sayingsOf, weighConcepts } from './coverage';
import { createLexicon } from './lexicon';
import { termsOf } from './terms';

const texts = {
  hours: 'Opening hours: we are open Monday to Saturday, 9:00–18:00. We close on Sunday.',
  payment: 'You pay by card or in cash at the counter.',
  returns: 'You can return a book within 30 days with the receipt.',
  parking: 'Street parking is free on Sunday.',
  events: 'Author readings take place on Thursday evenings.',
};
const sets = Object.fromEntries(
  Object.entries(texts).map(([key, text]) => [key, new Set(termsOf(text))]),
) as Record<keyof typeof texts, Set<string>>;
const lexicon = createLexicon(Object.values(sets));
const conceptsOf = (question: string) => weighConcepts(analyzeQuery(question, lexicon), lexicon);
const decide = (question: string, ...passages: (keyof typeof texts)[]) => {
  const concepts = conceptsOf(question);
  return answers(
    concepts,
    passages.map((passage) => sayingsOf(concepts, sets[passage])),
    0.6,
  );
};

describe('weighConcepts', () => {
  it('weighs a rarer concept more, and a word no passage knows most', () => {
    const [sunday, author, bitcoin] = conceptsOf('sunday author bitcoin');
    expect(author?.weight).toBeGreaterThan(sunday?.weight ?? 0);
    expect(bitcoin?.weight).toBeGreaterThan(author?.weight ?? 0);
  });
});

describe('the decline rule', () => {
  it('answers when the passage says the question', () => {
    expect(decide('Are you open on Saturday?', 'hours')).toBe(true);
    expect(decide('Can I return a book after 3 weeks?', 'returns')).toBe(true);
  });

  it('declines when the most specific word is not said, however much else is', () => {
    // "pay" is said, "bitcoin" is the question.
    expect(decide('Can I pay with Bitcoin?', 'payment')).toBe(false);
    // The library's hours are not the shop's.
    expect(decide('What are the opening hours of the library?', 'hours')).toBe(false);
    // Returns with the receipt say nothing of returns without one.
    expect(decide('Can I return a book without the receipt?', 'returns')).toBe(false);
  });

  it('declines when too small a share of the question is said', () => {
    // "readings" is the rarest word, but "parking" and "free" are not in the events passage.
    expect(decide('Is there free parking for author readings?', 'events')).toBe(false);
  });

  it('lets weak words neither decide nor block', () => {
    expect(decide('I want to return a book from last week', 'returns')).toBe(true);
    expect(decide('tomorrow morning', 'hours')).toBe(false);
  });

  it('answers a question in two parts from two passages together', () => {
    const question = 'When do you close on Sunday, and is parking free?';
    expect(decide(question, 'hours')).toBe(false);
    expect(decide(question, 'hours', 'parking')).toBe(true);
  });

  it('counts a concept said by a synonym at that way of saying it', () => {
    const concepts = conceptsOf('toilet');
    expect(coveredShare(concepts, [sayingsOf(concepts, new Set(termsOf('restroom')))])).toBeCloseTo(
      0.8,
    );
    expect(coveredShare(concepts, [sayingsOf(concepts, new Set(termsOf('toilet')))])).toBe(1);
  });
});
