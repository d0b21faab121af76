import { describe, expect, it } from 'vitest';
import { clausesOf } from './clauses';

describe('clausesOf', () => {
  it('splits a question in parts at sentence ends, commas and "and" before a new question', () => {
    expect(clausesOf('What are your Sunday hours, and is parking free on Sundays?')).toEqual([
      'What are your Sunday hours',
      'is parking free on Sundays',
    ]);
    expect(clausesOf("What's your phone number and when can I call?")).toEqual([
      "What's your phone number",
      'when can I call',
    ]);
    expect(clausesOf('I lost my receipt. Can I still return a book?')).toHaveLength(2);
  });

  it('keeps a one-part question whole, prices and "and" between nouns included', () => {
    expect(clausesOf('Is the $4.99 label for books and gifts?')).toEqual([
      'Is the $4.99 label for books and gifts',
    ]);
    expect(clausesOf('  ?')).toEqual([]);
  });
});
