import { describe, expect, it } from 'vitest';
import { createKnowledgeModel } from '../src/index';
import type { InScopeQuestion, OutOfScopeQuestion } from './questions';
import { classifyAnswer, declineText, matchesPattern } from './score';

const fallback = "Sorry, I don't know.";
const inScope: InScopeQuestion = {
  id: 'uk',
  category: 'shipping',
  question: 'Is shipping to the UK free over $50?',
  must: [/24\.99/, 'not qualify'],
  mustNot: [/free on orders over/],
};
const outOfScope: OutOfScopeQuestion = {
  id: 'weather',
  category: 'out-of-scope',
  question: 'Will it rain?',
  expect: 'declined',
};

describe('matchesPattern', () => {
  it('matches strings and regexes ignoring case', () => {
    expect(matchesPattern('Christmas Day', 'closed on christmas day')).toBe(true);
    expect(matchesPattern(/first thursday/, 'On the First Thursday')).toBe(true);
    expect(matchesPattern(/(?<![\d.])4\.99/, '$24.99 per order')).toBe(false);
  });
});

describe('classifyAnswer', () => {
  it('is right with every fact and no wrong one', () => {
    const answer = '$24.99 per order. International orders do not qualify for free shipping.';
    expect(classifyAnswer(inScope, answer, fallback).outcome).toBe('right');
  });

  it('is wrong, with a wrong fact, when a mustNot matches even if the facts are there', () => {
    const answer = 'Free on orders over $50. Otherwise $24.99; some do not qualify.';
    const result = classifyAnswer(inScope, answer, fallback);
    expect(result.outcome).toBe('wrong');
    expect(result.wrongFacts).toEqual([/free on orders over/]);
  });

  it('is wrong, listing what is missing, when a fact is missing', () => {
    const result = classifyAnswer(inScope, 'It costs $24.99.', fallback);
    expect(result.outcome).toBe('wrong');
    expect(result.missing).toEqual(['not qualify']);
  });

  it('is declined only for the exact fallback', () => {
    expect(classifyAnswer(inScope, ` ${fallback}\n`, fallback).outcome).toBe('declined');
    expect(classifyAnswer(outOfScope, fallback, fallback).outcome).toBe('declined');
    expect(classifyAnswer(outOfScope, `${fallback} We open at 8:00.`, fallback).outcome).toBe(
      'wrong',
    );
  });
});

describe('declineText', () => {
  it("reads the knowledge model's own fallback", async () => {
    expect(await declineText(createKnowledgeModel({ fallback: 'Ask the team.' }))).toBe(
      'Ask the team.',
    );
    expect(await declineText(createKnowledgeModel())).toMatch(/don't know/);
  });
});
