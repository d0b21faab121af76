import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from './questions';
import { formatFailures, formatSummary, summarize } from './report';
import type { Outcome, QuestionResult } from './score';

const result = (category: string, outcome: Outcome, wrongFact = false): QuestionResult => {
  const question: EvalQuestion =
    category === 'out-of-scope'
      ? { id: 'x', category, question: 'Who won?', expect: 'declined' }
      : { id: 'y', category, question: 'When?', must: ['9:00'], mustNot: ['8:00'] };
  return {
    question,
    answer: 'an answer',
    outcome,
    missing: [],
    wrongFacts: wrongFact ? ['8:00'] : [],
  };
};

describe('summarize', () => {
  it('counts per category and the three totals', () => {
    const summary = summarize([
      result('hours', 'right'),
      result('hours', 'wrong', true),
      result('hours', 'declined'),
      result('out-of-scope', 'declined'),
      result('out-of-scope', 'wrong'),
    ]);
    expect(summary.categories).toEqual([
      { category: 'hours', total: 3, right: 1, wrong: 1, declined: 1, wrongFacts: 1 },
      { category: 'out-of-scope', total: 2, right: 0, wrong: 1, declined: 1, wrongFacts: 0 },
    ]);
    expect(summary.inScope).toEqual({ total: 3, right: 1, rightPercent: 100 / 3 });
    expect(summary.outOfScope).toEqual({ total: 2, declined: 1, declinedPercent: 50 });
    expect(summary.wrongFacts).toBe(1);
    expect(formatSummary(summary)).toContain('in-scope right         1/3 (33.3 %)');
  });

  it('lists only failures: a declined out-of-scope question is not one', () => {
    const failures = formatFailures([
      result('out-of-scope', 'declined'),
      result('hours', 'wrong', true),
    ]);
    expect(failures).toContain('[hours/y]');
    expect(failures).toContain('WRONG FACT "8:00"');
    expect(failures).not.toContain('[out-of-scope/x]');
  });
});
