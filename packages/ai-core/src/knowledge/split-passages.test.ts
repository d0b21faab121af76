import { describe, expect, it } from 'vitest';
import { slugify, splitPassages } from './split-passages';

const markdown = `Welcome text before any heading.

# Shipping

We ship worldwide.

## Domestic

Within the country: $4.99.

## International

### Canada

Canada takes 5–10 days.

## Empty

## Code **sample**

\`\`\`md
# Not a heading
\`\`\`
`;

describe('splitPassages', () => {
  const passages = splitPassages({ source: 'guides/shipping.md', markdown });

  it('makes one passage per heading section, titled by its heading path', () => {
    expect(passages.map((passage) => passage.title)).toEqual([
      'Shipping',
      'Shipping',
      'Shipping > Domestic',
      'Shipping > International > Canada',
      'Shipping > Code sample',
    ]);
    expect(passages.every((passage) => passage.source === 'guides/shipping.md')).toBe(true);
  });

  it('gives text before the first heading its own passage titled by the first H1', () => {
    expect(passages[0]?.text).toBe('Welcome text before any heading.');
    expect(passages[1]?.text).toBe('We ship worldwide.');
  });

  it('uses source#slug ids, unique within the document', () => {
    expect(passages.map((passage) => passage.id)).toEqual([
      'guides/shipping.md#shipping',
      'guides/shipping.md#shipping-1',
      'guides/shipping.md#domestic',
      'guides/shipping.md#canada',
      'guides/shipping.md#code-sample',
    ]);
  });

  it('keeps the body markdown without its heading, and ignores headings inside code fences', () => {
    expect(passages[3]?.text).toBe('Canada takes 5–10 days.');
    expect(passages[4]?.text).toBe('```md\n# Not a heading\n```');
  });

  it('titles pre-heading text by the file name when there is no H1', () => {
    const [passage] = splitPassages({ source: 'faq/opening-hours.md', markdown: 'Open daily.' });
    expect(passage).toEqual({
      id: 'faq/opening-hours.md#opening-hours',
      source: 'faq/opening-hours.md',
      title: 'opening hours',
      text: 'Open daily.',
    });
  });

  it('splits long sections by paragraph, keeping every paragraph whole', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) =>
      `Paragraph ${i} ${'word '.repeat(30)}`.trim(),
    );
    const long = `# Guide\n\n## Long\n\n${paragraphs.join('\n\n')}\n`;
    const parts = splitPassages({ source: 'g.md', markdown: long }, { maxPassageChars: 400 });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.title === 'Guide > Long')).toBe(true);
    expect(parts.every((part) => part.text.length <= 400)).toBe(true);
    expect(new Set(parts.map((part) => part.id)).size).toBe(parts.length);
    expect(parts.map((part) => part.text).join('\n\n')).toBe(paragraphs.join('\n\n'));
  });

  it('avoids ids already used by other documents', () => {
    const usedIds = new Set(['a.md#intro']);
    const [passage] = splitPassages({ source: 'a.md', markdown: '## Intro\n\nHi.' }, { usedIds });
    expect(passage?.id).toBe('a.md#intro-1');
    expect(usedIds.has('a.md#intro-1')).toBe(true);
  });
});

describe('slugify', () => {
  it('makes lower-case, dash-separated anchors without punctuation or accents', () => {
    expect(slugify("Returns & Refunds: What's Covered")).toBe('returns-refunds-whats-covered');
    expect(slugify('Café Hours')).toBe('cafe-hours');
  });
});
