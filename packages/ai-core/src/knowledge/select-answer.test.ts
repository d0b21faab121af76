import { describe, expect, it } from 'vitest';
import { selectAnswer } from './select-answer';

const passage = `We are a small shop by the harbour. Parking is free on Sundays.

Our opening hours are:

- Monday to Friday: 8:00–18:00
- Saturday: 9:00–18:00

Gift wrapping is free. The café serves coffee and cake. Dogs are welcome inside.`;

describe('selectAnswer', () => {
  it('keeps a list whole together with the line that introduces it', () => {
    const answer = selectAnswer('What are your opening hours?', passage, { maxUnits: 1 });
    expect(answer).toBe(
      'Our opening hours are:\n\n- Monday to Friday: 8:00–18:00\n- Saturday: 9:00–18:00',
    );
  });

  it('picks the sentences sharing most terms with the question, in passage order', () => {
    const answer = selectAnswer('Is parking free?', passage, { maxUnits: 2 });
    expect(answer).toBe('Parking is free on Sundays.\n\nGift wrapping is free.');
  });

  it('fills the room left with neighbouring sentences', () => {
    const answer = selectAnswer('Can I bring my dog?', passage, { maxUnits: 2 });
    expect(answer).toBe('The café serves coffee and cake. Dogs are welcome inside.');
  });

  it('starts with the passage opening when no sentence matches', () => {
    expect(selectAnswer('Tell me more', passage, { maxUnits: 1 })).toBe(
      'We are a small shop by the harbour.',
    );
  });

  it('stays within the character budget but always gives the best unit', () => {
    const answer = selectAnswer('coffee', passage, { maxChars: 40 });
    expect(answer).toBe('The café serves coffee and cake.');
    const long = `${'Word '.repeat(40)}about coffee.`;
    expect(selectAnswer('coffee', long, { maxChars: 40 })).toBe(long);
  });

  it('joins sentences of hard-wrapped paragraphs with spaces', () => {
    expect(selectAnswer('refund', 'Refunds take\nthree days. Then\nwe email you.')).toBe(
      'Refunds take three days. Then we email you.',
    );
  });

  it('splits a list longer than the budget into items', () => {
    const list = Array.from({ length: 12 }, (_, i) => `- Item ${i}: ${'filler '.repeat(8)}`).join(
      '\n',
    );
    const answer = selectAnswer('Is item seven special?', `${list}\n- Item seven is special`, {
      maxChars: 200,
    });
    expect(answer.split('\n').every((line) => line.startsWith('- Item'))).toBe(true);
    expect(answer).toContain('- Item seven is special');
    expect(answer.length).toBeLessThanOrEqual(200);
  });

  it('returns an empty answer for an empty passage', () => {
    expect(selectAnswer('anything', '  \n\n ')).toBe('');
  });
});
