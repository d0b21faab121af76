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

describe('splitPassages markdown details', () => {
  const titles = (markdown: string) =>
    splitPassages({ source: 'a.md', markdown }).map((passage) => passage.title);

  it('closes a fence only with a run of the same character at least as long', () => {
    const markdown = '# Real\n\n````\n```\n# Not a heading\n~~~~\n````\n\nAfter the code.';
    const passages = splitPassages({ source: 'a.md', markdown });
    expect(passages.map((passage) => passage.title)).toEqual(['Real']);
    expect(passages[0]?.text).toContain('# Not a heading');
    expect(passages[0]?.text).toContain('After the code.');
    // Text before the first heading is titled by the first H1.
    expect(titles('```js\ncode\n~~~\n# Still code\n```\n# Heading\n\ntext')).toEqual([
      'Heading',
      'Heading',
    ]);
  });

  it('takes ```inline``` on one line for inline code, not a fence', () => {
    expect(titles('Use ```x``` here.\n\n# Heading\n\ntext')).toEqual(['Heading', 'Heading']);
  });

  it('removes a closing sequence of #s and trailing blanks from a heading', () => {
    expect(titles('## Hours ##   \n\ntext\n\n# C# tips\n\nmore\n\n# Hash #tag\n\nend')).toEqual([
      'Hours',
      'C# tips',
      'Hash #tag',
    ]);
  });

  it('reads a heading with a long run of trailing blanks in linear time', () => {
    const markdown = `# a${' '.repeat(200_000)}b\n\ntext\n\n# c${' \t'.repeat(100_000)}\n\nmore`;
    // Quadratic matching would take minutes here; the test's timeout catches it.
    expect(titles(markdown)).toEqual([`a${' '.repeat(200_000)}b`, 'c']);
  }, 30_000);

  it('recognises setext headings under a one-line paragraph', () => {
    const markdown =
      'Opening Hours\n=============\n\nWe open at 9.\n\nWeekends\n---\n\nClosed on Sunday.';
    const passages = splitPassages({ source: 'hours.md', markdown });
    expect(passages.map((passage) => [passage.title, passage.text])).toEqual([
      ['Opening Hours', 'We open at 9.'],
      ['Opening Hours > Weekends', 'Closed on Sunday.'],
    ]);
  });

  it('does not take a rule after a list, or front matter, for a setext heading', () => {
    expect(titles('# Top\n\n- item\n---\n\ntext')).toEqual(['Top']);
    expect(titles('---\ntitle: x\n---\n\n# Top\n\ntext')).toEqual(['Top', 'Top']);
  });
});
