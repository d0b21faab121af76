import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './markdown';
import { type Block, toPlainText } from './markdown-ast';
import { parseMarkdown } from './parse-markdown';

afterEach(cleanup);

/** A small seeded PRNG (mulberry32), so every run checks the same inputs. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tokens = [
  '[',
  ']',
  '(',
  ')',
  '![',
  '*',
  '**',
  '_',
  '__',
  '~~',
  '`',
  '``',
  '```',
  '>',
  '> ',
  '\n',
  '\n\n',
  ' ',
  '  ',
  '\\',
  '<',
  '>',
  '&amp;',
  '&#',
  ';',
  '#',
  '# ',
  '- ',
  '1. ',
  'http://x.example/',
  'mailto:a@b',
  'a',
  'word',
  '.',
  ')',
  '"',
  "'",
  '\t',
];

function randomMarkdown(next: () => number, length: number, from = tokens): string {
  let source = '';
  while (source.length < length) source += from[Math.floor(next() * from.length)];
  return source;
}

function depthOf(blocks: Block[]): number {
  const inline = (nodes: { type: string; children?: unknown }[]): number =>
    Math.max(
      0,
      ...nodes.map((node) =>
        Array.isArray(node.children) ? 1 + inline(node.children as { type: string }[]) : 0,
      ),
    );
  return Math.max(
    0,
    ...blocks.map((block) => {
      if (block.type === 'quote') return 1 + depthOf(block.children);
      if (block.type === 'list') return Math.max(0, ...block.items.map(inline));
      if (block.type === 'paragraph' || block.type === 'heading') return inline(block.children);
      return 0;
    }),
  );
}

/** Deeply nested or pathological inputs of about `size` characters. */
const adversarial = (size: number): [string, string][] => [
  ['quotes', `${'>'.repeat(size)} x`],
  ['spaced quotes', `${'> '.repeat(size / 2)}x`],
  ['quote lines', Array.from({ length: 200 }, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n')],
  ['open brackets', '['.repeat(size)],
  ['bracket-paren', '[a]('.repeat(size / 4)],
  ['nested links', `${'['.repeat(size / 5)}x${'](u)'.repeat(size / 5)}`],
  ['nested images', `${'!['.repeat(size / 6)}x${'](u)'.repeat(size / 6)}`],
  ['open parens', `[x]${'('.repeat(size)}`],
  ['emphasis', `${'*_'.repeat(size / 4)}x${'_*'.repeat(size / 4)}`],
  ['mixed emphasis', `${'**__~~*_'.repeat(size / 16)}x${'_*~~__**'.repeat(size / 16)}`],
  ['stars', '*a '.repeat(size / 3)],
  ['backticks', `a${'`'.repeat(size)}`],
  ['backtick runs', Array.from({ length: 400 }, (_, i) => '`'.repeat(i + 1)).join('a')],
  ['strike', `a${'~~'.repeat(size / 2)}`],
  ['heading spaces', `# a${' '.repeat(size)}b`],
  ['trailing spaces', `a${' '.repeat(size)}b\nc`],
  ['url punctuation', `http://x.example/${'.'.repeat(size)}a`],
  ['escapes', '\\'.repeat(size)],
  ['autolinks', '<http://a'.repeat(size / 9)],
];

describe('parseMarkdown on hostile input', () => {
  it.each(adversarial(3000))(
    'parses and renders %s without throwing, nesting capped',
    (_, source) => {
      const blocks = parseMarkdown(source);
      expect(depthOf(blocks)).toBeLessThanOrEqual(16);
      const { container } = render(<Markdown blocks={blocks} />);
      expect(container.textContent?.length).toBeGreaterThan(0);
    },
  );

  it('keeps text deeper than the cap as text', () => {
    const blocks = parseMarkdown(`${'>'.repeat(3000)} deep`);
    expect(toPlainText(blocks)).toContain('deep');
    const { container } = render(<Markdown blocks={blocks} />);
    expect(container.querySelectorAll('blockquote').length).toBeLessThanOrEqual(8);
    expect(container.textContent).toContain(`${'>'.repeat(100)} deep`);
  });

  it('still nests a few quotes, emphasis and links', () => {
    const { container } = render(
      <Markdown blocks={parseMarkdown('> > > quoted **bold _[link](https://a.example)_**')} />,
    );
    expect(container.querySelectorAll('blockquote')).toHaveLength(3);
    expect(container.querySelector('blockquote strong em a')?.getAttribute('href')).toBe(
      'https://a.example/',
    );
  });

  // Quadratic rescans take minutes at this size (20 kB of `[` took 0.66 s, 500 kB is 625 times
  // more); a linear parser finishes well within the timeout even on a loaded machine.
  it('finishes 500 kB pathological inputs', { timeout: 60_000 }, () => {
    for (const [name, source] of adversarial(500_000)) {
      const blocks = parseMarkdown(source);
      expect(blocks.length, name).toBeGreaterThan(0);
    }
  });

  it('never throws on generated adversarial strings', () => {
    const next = random(20_240_601);
    const noLinks = tokens.filter((token) => token !== '(');
    const letters = (text: string) => text.replace(/[^a-z]/g, '').length;
    for (let run = 0; run < 400; run++) {
      const source = randomMarkdown(next, 1 + Math.floor(next() * 600));
      expect(depthOf(parseMarkdown(source))).toBeLessThanOrEqual(16);
      // Without link targets nothing is hidden: every letter of the source is still shown,
      // except entity names and what follows a code fence on its line (its language).
      const plain = randomMarkdown(next, 1 + Math.floor(next() * 600), noLinks);
      expect(letters(toPlainText(parseMarkdown(plain))), plain).toBeGreaterThanOrEqual(
        letters(plain.replace(/&amp;|(`{3,}|~{3,}).*$/gm, '')),
      );
    }
  });

  it('never throws on generated deep nestings of every construct', () => {
    const next = random(7);
    const openers = ['>', '> ', '[', '![', '*', '_', '**', '__', '~~', '`', '('];
    const closers = [']', '](u)', '*', '_', '**', '__', '~~', '`', ')'];
    for (let run = 0; run < 60; run++) {
      const depth = 500 + Math.floor(next() * 3000);
      const pick = (list: string[]) => list[Math.floor(next() * list.length)] as string;
      const open = Array.from({ length: depth }, () => pick(openers)).join('');
      const close = Array.from({ length: depth }, () => pick(closers)).join('');
      const blocks = parseMarkdown(`${open}x${close}`);
      expect(depthOf(blocks)).toBeLessThanOrEqual(16);
    }
  });

  it('shows the source as plain text when parsing fails anyway', () => {
    // Without a depth cap, 20,000 nested quotes overflow the stack.
    const source = `${'>'.repeat(20_000)} x\nsecond line`;
    const blocks = parseMarkdown(source, { maxDepth: Number.POSITIVE_INFINITY });
    expect(toPlainText(blocks)).toBe(source);
  });
});
