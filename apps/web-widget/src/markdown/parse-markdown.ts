import type { Block, Inline } from './markdown-ast';
import { defaultMaxDepth, parseInline } from './parse-inline';

const fence = /^ {0,3}(`{3,}|~{3,})/;
// Only the start: `(.*?)(?:[ \t]+#+)?[ \t]*$` for the rest backtracks quadratically on spaces.
const heading = /^ {0,3}(#{1,6})[ \t]+/;
const rule = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const listItem = /^[ \t]*([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const quote = /^ {0,3}>[ \t]?(.*)$/;

/** A heading's text: without trailing blanks and a closing `#` sequence (`## Title ##`). */
function headingText(rest: string): string {
  const isBlank = (char: string | undefined) => char === ' ' || char === '\t';
  let end = rest.length;
  while (isBlank(rest[end - 1])) end--;
  let hashes = end;
  while (rest[hashes - 1] === '#') hashes--;
  if (hashes < end && isBlank(rest[hashes - 1])) {
    end = hashes;
    while (isBlank(rest[end - 1])) end--;
  }
  return rest.slice(0, end);
}

/** Options of {@link parseMarkdown}. */
export type ParseOptions = {
  /**
   * How deep quotes, and separately emphasis and links, nest (default 8); deeper markup is
   * shown as text. Hostile answers nest thousands deep to overflow the stack.
   */
  maxDepth?: number;
};

/** The source as one plain paragraph, its lines kept. */
function plainText(source: string): Block[] {
  const children: Inline[] = [];
  for (const [index, line] of source.split('\n').entries()) {
    if (index > 0) children.push({ type: 'break' });
    if (line) children.push({ type: 'text', text: line });
  }
  return [{ type: 'paragraph', children }];
}

/**
 * Parses the markdown a chat model writes (paragraphs, line breaks, headings, lists, code,
 * quotes, rules, emphasis, links) into a tree the widget renders as elements. There is no
 * HTML step: raw HTML in the source is shown as text. Never throws: should parsing fail
 * anyway, the source is returned as plain text.
 */
export function parseMarkdown(source: string, options: ParseOptions = {}): Block[] {
  const maxDepth = options.maxDepth ?? defaultMaxDepth;
  const normalized = String(source).replace(/\r\n?/g, '\n');
  try {
    return parseBlocks(normalized, maxDepth, 0);
  } catch {
    return plainText(normalized);
  }
}

function parseBlocks(source: string, maxDepth: number, depth: number): Block[] {
  // At the depth limit a `>` no longer starts a quote: it is text.
  const isQuote = (line: string) => depth < maxDepth && quote.test(line);
  const startsBlock = (line: string) =>
    fence.test(line) ||
    heading.test(line) ||
    rule.test(line) ||
    listItem.test(line) ||
    isQuote(line);
  const inline = (text: string) => parseInline(text, maxDepth);
  const lines = source.split('\n');
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as string;
    if (line.trim() === '') {
      index++;
      continue;
    }
    const open = fence.exec(line)?.[1];
    if (open) {
      const body: string[] = [];
      for (
        index++;
        index < lines.length && !(lines[index] as string).trim().startsWith(open);
        index++
      ) {
        body.push(lines[index] as string);
      }
      blocks.push({ type: 'code', text: body.join('\n') });
      index++;
      continue;
    }
    const title = heading.exec(line);
    if (title) {
      blocks.push({
        type: 'heading',
        level: title[1]?.length ?? 1,
        children: inline(headingText(line.slice(title[0].length))),
      });
      index++;
      continue;
    }
    if (rule.test(line)) {
      blocks.push({ type: 'rule' });
      index++;
      continue;
    }
    if (isQuote(line)) {
      const body: string[] = [];
      for (; index < lines.length && isQuote(lines[index] as string); index++) {
        body.push(quote.exec(lines[index] as string)?.[1] ?? '');
      }
      blocks.push({ type: 'quote', children: parseBlocks(body.join('\n'), maxDepth, depth + 1) });
      continue;
    }
    const item = listItem.exec(line);
    if (item) {
      const ordered = /\d/.test(item[1] ?? '');
      const items: string[] = [];
      for (; index < lines.length; index++) {
        const current = lines[index] as string;
        const next = listItem.exec(current);
        if (next && /\d/.test(next[1] ?? '') === ordered) items.push(next[2] ?? '');
        else if (!next && current.trim() !== '' && !startsBlock(current) && items.length > 0) {
          items[items.length - 1] += `\n${current.trim()}`;
        } else break;
      }
      const start = ordered ? Number.parseInt(item[1] ?? '1', 10) : 1;
      blocks.push({ type: 'list', ordered, start, items: items.map(inline) });
      continue;
    }
    const body: string[] = [];
    for (; index < lines.length; index++) {
      const current = lines[index] as string;
      if (current.trim() === '' || (body.length > 0 && startsBlock(current))) break;
      body.push(current.trim());
    }
    blocks.push({ type: 'paragraph', children: inline(body.join('\n')) });
  }
  return blocks;
}
