import { describe, expect, it } from 'vitest';
import { selectAnswer } from './select-answer';

const visit = {
  title: 'Contact > Visit us',
  text: `We are a small shop by the harbour. Street parking is free on Sundays.

The shop is step-free, and there is a restroom next to the café. Dogs are welcome inside.`,
};

const hours = {
  title: 'Opening Hours > Regular hours',
  text: `Our opening hours are:

- Monday to Friday: 8:00–18:00
- Saturday: 9:00–18:00
- Sunday: 10:00–16:00

The café takes its last orders 30 minutes before closing.`,
};

const plans = {
  title: 'Pricing > Membership plans',
  text: `We offer two plans:

- **Reader**: $25 per year, 10% discount on books.
- **Bookworm**: $60 per year, 15% discount on books and coffee.

Discounts do not apply to gift cards.`,
};

describe('selectAnswer', () => {
  it('gives a whole list with the line that introduces it when the intro answers', () => {
    expect(selectAnswer('What are your opening hours?', [hours])).toBe(
      'Our opening hours are:\n\n- Monday to Friday: 8:00–18:00\n- Saturday: 9:00–18:00\n- Sunday: 10:00–16:00',
    );
  });

  it('gives the list item that answers, with its intro', () => {
    expect(selectAnswer('When do you open on Saturdays?', [hours])).toBe(
      'Our opening hours are:\n\n- Saturday: 9:00–18:00',
    );
  });

  it('gives every item that answers alike', () => {
    const answer = selectAnswer('Do members get a discount?', [plans]);
    expect(answer).toContain('- **Reader**');
    expect(answer).toContain('- **Bookworm**');
  });

  it('reads synonyms and typos as search does', () => {
    expect(selectAnswer('Is there a bathroom?', [visit])).toBe(
      'The shop is step-free, and there is a restroom next to the café.',
    );
    expect(selectAnswer('whn does the cafe stop taking orders', [hours])).toBe(
      'The café takes its last orders 30 minutes before closing.',
    );
  });

  it('counts the heading for the units under it, and keeps what a "They …" leans on', () => {
    const giftCards = {
      title: 'Pricing > Gift cards',
      text: 'Gift cards come from $10 to $200. They never expire. Coffee is served all day.',
    };
    expect(selectAnswer('Do gift cards expire?', [giftCards])).toBe(
      'Gift cards come from $10 to $200. They never expire.',
    );
  });

  it('gives what follows a condition', () => {
    const lost = {
      title: 'Shipping > Lost parcels',
      text: 'If your parcel has not arrived after 10 days, contact us. We send a replacement.',
    };
    expect(selectAnswer('What happens if my parcel gets lost?', [lost])).toBe(lost.text);
  });

  it('answers both parts of a two-part question, from a second passage for the part the first lacks', () => {
    const answer = selectAnswer('What are your Sunday hours, and is parking free on Sundays?', [
      visit,
      hours,
    ]);
    expect(answer).toBe(
      'Street parking is free on Sundays.\n\nOur opening hours are:\n\n- Sunday: 10:00–16:00',
    );
  });

  it('answers both parts from one passage', () => {
    const answer = selectAnswer(
      'How much is the Reader plan, and do discounts apply to gift cards?',
      [plans],
    );
    expect(answer).toContain('$25 per year');
    expect(answer).toContain('Discounts do not apply to gift cards.');
    expect(answer).not.toContain('Bookworm');
  });

  it('takes nothing from a later passage for a one-part question', () => {
    expect(selectAnswer('Is street parking free?', [visit, hours])).toBe(
      'Street parking is free on Sundays.',
    );
  });

  it('starts with the first passage opening when nothing matches', () => {
    expect(selectAnswer('Tell me more', [visit])).toBe('We are a small shop by the harbour.');
  });

  it('stays within the character budget but always gives the best unit', () => {
    const long = `${'Word '.repeat(40)}about coffee.`;
    expect(selectAnswer('coffee', [{ text: long }], { maxChars: 40 })).toBe(long);
    const list = Array.from({ length: 12 }, (_, i) => `- Item ${i}: ${'filler '.repeat(8)}`);
    const answer = selectAnswer(
      'Is item seven special?',
      [{ text: `${list.join('\n')}\n- Item seven is special` }],
      { maxChars: 200 },
    );
    expect(answer).toContain('- Item seven is special');
    expect(answer.length).toBeLessThanOrEqual(200);
  });

  it('joins sentences of hard-wrapped paragraphs with spaces', () => {
    expect(
      selectAnswer('refund', [{ text: 'Refunds take\nthree days. Then\nwe email you.' }]),
    ).toBe('Refunds take three days.');
  });

  it('returns an empty answer for no passage or an empty one', () => {
    expect(selectAnswer('anything', [])).toBe('');
    expect(selectAnswer('anything', [{ text: '  \n\n ' }])).toBe('');
  });
});
