import { describe, expect, it } from 'vitest';
import { questions } from './questions';

describe('the evaluation set', () => {
  it('has at least 64 questions, 14 of them out of scope, with unique ids', () => {
    expect(questions.length).toBeGreaterThanOrEqual(64);
    const outOfScope = questions.filter((question) => question.category === 'out-of-scope');
    expect(outOfScope.length).toBeGreaterThanOrEqual(14);
    const ids = questions.map((question) => `${question.category}/${question.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every in-scope question at least one fact, and no pattern matches everything', () => {
    for (const question of questions) {
      if (!('must' in question)) continue;
      expect(question.must.length, question.id).toBeGreaterThan(0);
      for (const pattern of [...question.must, ...(question.mustNot ?? [])]) {
        const matchesEmpty = typeof pattern === 'string' ? pattern === '' : pattern.test('');
        expect(matchesEmpty, question.id).toBe(false);
      }
    }
  });
});
