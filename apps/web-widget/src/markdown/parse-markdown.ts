import type { Block } from './markdown-ast';
import { parseInline } from './parse-inline';

const fence = /^ {0,3}(`{3,}|~{3,})/;
const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const rule = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const listItem = /^[ \t]*([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const quote = /^ {0,3}>[ \t]?(.*)$/;

const startsBlock = (line: string) =>
  fence.test(line) ||
  heading.test(line) ||
  rule.test(line) ||
  listItem.test(line) ||
  quote.test(line);

/**
 * Parses the markdown a chat model writes (paragraphs, line breaks, headings, lists, code,
 * quotes, rules, emphasis, links) into a tree the widget renders as elements. There is no
 * HTML step: raw HTML in the source is shown as text.
 */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
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
        children: parseInline(title[2] ?? ''),
      });
      index++;
      continue;
    }
    if (rule.test(line)) {
      blocks.push({ type: 'rule' });
      index++;
      continue;
    }
    if (quote.test(line)) {
      const body: string[] = [];
      for (; index < lines.length && quote.test(lines[index] as string); index++) {
        body.push(quote.exec(lines[index] as string)?.[1] ?? '');
      }
      blocks.push({ type: 'quote', children: parseMarkdown(body.join('\n')) });
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
      blocks.push({ type: 'list', ordered, start, items: items.map((text) => parseInline(text)) });
      continue;
    }
    const body: string[] = [];
    for (; index < lines.length; index++) {
      const current = lines[index] as string;
      if (current.trim() === '' || (body.length > 0 && startsBlock(current))) break;
      body.push(current.trim());
    }
    blocks.push({ type: 'paragraph', children: parseInline(body.join('\n')) });
  }
  return blocks;
}
