import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from './knowledge-base';

const documents = [
  {
    source: 'hours.md',
    markdown: `# Opening Hours\n\n## Weekdays\n\nMonday to Friday we are open 9:00–17:00.\n\n## Weekend\n\nSaturday 10:00–14:00. Closed on Sunday.\n`,
  },
  {
    source: 'returns.md',
    markdown: `# Returns\n\nYou can return any purchase within 30 days with the receipt.\n\n## Refunds\n\nRefunds are paid back to your card within 5 business days.\n`,
  },
  {
    source: 'delivery.md',
    markdown: `# Delivery\n\n## Abroad\n\nParcels to Canada cost $15 and take a week.\n`,
  },
];

describe('createKnowledgeBase', () => {
  const knowledge = createKnowledgeBase(documents);

  it('exposes every passage', () => {
    expect(knowledge.passages.map((passage) => passage.id)).toEqual([
      'hours.md#weekdays',
      'hours.md#weekend',
      'returns.md#returns',
      'returns.md#refunds',
      'delivery.md#abroad',
    ]);
  });

  it('ranks by relevance with scores, best first', () => {
    const results = knowledge.search('Are you open on Saturday?');
    expect(results[0]?.id).toBe('hours.md#weekend');
    expect(results[0]?.text).toContain('Saturday 10:00–14:00');
    const scores = results.map((result) => result.score ?? 0);
    expect(scores.every((score) => score > 0)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('lets word forms meet through stemming', () => {
    expect(knowledge.search('returning')[0]?.id).toBe('returns.md#returns');
    expect(knowledge.search('refund')[0]?.id).toBe('returns.md#refunds');
    expect(knowledge.search('opening times')[0]?.source).toBe('hours.md');
  });

  it('matches by prefix and tolerates typos in longer words', () => {
    expect(knowledge.search('parcel')[0]?.id).toBe('delivery.md#abroad');
    const plain = knowledge.search('parcel')[0]?.score ?? 0;
    const withTypo = knowledge.search('parcel to Cnada')[0]?.score ?? 0;
    expect(withTypo).toBeGreaterThan(plain);
  });

  it('respects the limit and drops passages far below the best', () => {
    expect(knowledge.search('opening hours', { limit: 1 })).toHaveLength(1);
    expect(knowledge.search('opening hours').map((result) => result.id)).toEqual([
      'hours.md#weekdays',
      'hours.md#weekend',
    ]);
    const weekend = knowledge.search('closed on sunday');
    expect(weekend.map((result) => result.id)).toEqual(['hours.md#weekend']);
  });

  it('returns nothing for greetings, stop words and unrelated questions', () => {
    for (const query of [
      'hello',
      'Hi, thank you!',
      'what is it?',
      'What is the capital of France?',
      '',
    ]) {
      expect(knowledge.search(query)).toEqual([]);
    }
  });

  it('reads a typo of a longer word as the word, and leaves other words alone', () => {
    expect(knowledge.search('mondey')[0]?.id).toBe('hours.md#weekdays');
    expect(knowledge.search('retrun within 30 days')[0]?.id).toBe('returns.md#returns');
    expect(knowledge.search('money')).toEqual([]);
  });

  it('reads customer words for what the documents say otherwise', () => {
    expect(knowledge.search('Do you send packages overseas?')[0]?.id).toBe('delivery.md#abroad');
    expect(knowledge.search('How do I get my money back?')[0]?.id).toBe('returns.md#refunds');
  });

  it('declines a question whose most specific word no passage says', () => {
    // "Saturday" matches, but the question is about the library.
    expect(knowledge.search('Is the library open on Saturday?')).toEqual([]);
    expect(knowledge.search('Do you ship parcels to Japan?')).toEqual([]);
    // Weak words ("week", "tomorrow") neither decide nor block.
    expect(knowledge.search('Are you open tomorrow?')).not.toEqual([]);
    expect(knowledge.search('week')).toEqual([]);
  });

  it('weighs headings, so the section about a thing comes before one that mentions it', () => {
    expect(knowledge.search('refunds')[0]?.id).toBe('returns.md#refunds');
  });

  it('finds one passage per part of a two-part question', () => {
    const found = knowledge.search('When are you open on Saturday, and how long do refunds take?');
    expect(found.map((result) => result.id).sort()).toEqual([
      'hours.md#weekend',
      'returns.md#refunds',
    ]);
  });

  it('keeps ids unique across documents with the same headings', () => {
    const twice = createKnowledgeBase([
      { source: 'a.md', markdown: '## Intro\n\nOne.' },
      { source: 'a.md', markdown: '## Intro\n\nTwo.' },
    ]);
    expect(twice.passages.map((passage) => passage.id)).toEqual(['a.md#intro', 'a.md#intro-1']);
  });
});
