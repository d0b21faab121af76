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
    expect(knowledge.search('open hours refunds canada', { limit: 2 })).toHaveLength(2);
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

  it('does not count a match that is only fuzzy', () => {
    // "Mondey" is one edit away from "monday" but shares no real term with the knowledge.
    expect(knowledge.search('mondey')).toEqual([]);
    expect(knowledge.search('monday')[0]?.id).toBe('hours.md#weekdays');
  });

  it('keeps ids unique across documents with the same headings', () => {
    const twice = createKnowledgeBase([
      { source: 'a.md', markdown: '## Intro\n\nOne.' },
      { source: 'a.md', markdown: '## Intro\n\nTwo.' },
    ]);
    expect(twice.passages.map((passage) => passage.id)).toEqual(['a.md#intro', 'a.md#intro-1']);
  });
});
