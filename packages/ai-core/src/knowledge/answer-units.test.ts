import { describe, expect, it } from 'vitest';
import { unitsOf } from './answer-units';

describe('unitsOf', () => {
  it('splits paragraphs into sentences, soft line breaks being spaces', () => {
    expect(
      unitsOf('Refunds take\nthree days. Then\nwe email you.').map((unit) => unit.text),
    ).toEqual(['Refunds take three days.', 'Then we email you.']);
  });

  it('makes each list item a unit with its continuation lines, introduced by the line before', () => {
    const units = unitsOf(
      'We are open:\n\n- Monday: 9–5\n  except holidays\n- Sunday: closed\n\nBye.',
    );
    expect(units.map((unit) => [unit.kind, unit.text, unit.intro])).toEqual([
      ['sentence', 'We are open:', undefined],
      ['item', '- Monday: 9–5\n  except holidays', 0],
      ['item', '- Sunday: closed', 0],
      ['sentence', 'Bye.', undefined],
    ]);
    expect(units[1]?.list).toBe(units[2]?.list);
  });

  it('gives a list no intro unless the line before ends with a colon', () => {
    const units = unitsOf('We ship abroad.\n\n- Canada: $15');
    expect(units[1]?.intro).toBeUndefined();
  });

  it('keeps table rows as units', () => {
    const units = unitsOf('| Day | Hours |\n| Mon | 9–5 |');
    expect(units.map((unit) => unit.kind)).toEqual(['row', 'row']);
  });
});
