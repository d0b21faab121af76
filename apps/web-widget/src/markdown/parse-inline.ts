import type { Inline } from './markdown-ast';
import { safeHref } from './safe-url';

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Decodes the HTML entities a model may write (`&amp;`, `&#39;`, `&#x2014;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return named[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : +name.slice(1);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const escapable = /[\\`*_{}[\]()#+\-.!<>~|"'&]/;
const bareUrl = /^(?:https?:\/\/|mailto:)[^\s<>]+/i;

/** The url of `(url "title")`: the first word, or what is inside `<…>`. */
function linkUrl(inner: string): string {
  const trimmed = inner.trim();
  const url = trimmed.startsWith('<')
    ? trimmed.slice(1, trimmed.indexOf('>'))
    : trimmed.split(/\s+/)[0];
  return decodeEntities(url ?? '');
}

/**
 * Where each `[` and `(` closes (`-1`: never), in one pass: backslash escapes skip the next
 * character, brackets and parentheses nest separately. Scanning forward from every opener
 * instead takes quadratic time on a run of `[`.
 */
function matchPairs(source: string): Int32Array {
  const pairs = new Int32Array(source.length).fill(-1);
  const brackets: number[] = [];
  const parens: number[] = [];
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '[') brackets.push(index);
    else if (char === '(') parens.push(index);
    else if (char === ']' || char === ')') {
      const open = (char === ']' ? brackets : parens).pop();
      if (open !== undefined) pairs[open] = index;
    }
  }
  return pairs;
}

/** `text` without the trailing characters `drop` accepts (a loop: a regex is quadratic here). */
function trimEnd(text: string, drop: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

const urlTail = (char: string) => '.,;:!?\'")]'.includes(char);

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** How deep emphasis and links nest by default; deeper markup is shown as text. */
export const defaultMaxDepth = 8;

/**
 * Parses inline markdown into nodes. Nothing here ever becomes HTML: `<script>` or
 * `<img onerror=…>` in the source stay literal text, and links get an `href` only when
 * {@link safeHref} allows it. Emphasis and links nest at most `maxDepth` deep (deeper, the
 * source is text), and no construct rescans the rest of the source per character, so the
 * work stays about linear in the length times the depth.
 */
export function parseInline(source: string, maxDepth = defaultMaxDepth, depth = 0): Inline[] {
  if (depth >= maxDepth) return source ? [{ type: 'text', text: decodeEntities(source) }] : [];
  const nested = (inner: string) => parseInline(inner, maxDepth, depth + 1);
  const pairs = matchPairs(source);
  // Backtick runs of these lengths have no closing run further on.
  const unclosedTicks = new Set<number>();
  const nodes: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ type: 'text', text: decodeEntities(text) });
    text = '';
  };
  const push = (node: Inline, next: number) => {
    flush();
    nodes.push(node);
    return next;
  };

  let index = 0;
  while (index < source.length) {
    const char = source[index] as string;
    const rest = source.slice(index);
    if (char === '\\' && escapable.test(source[index + 1] ?? '')) {
      text += source[index + 1];
      index += 2;
      continue;
    }
    if (char === '`') {
      let end = index;
      while (source[end] === '`') end++;
      const fence = source.slice(index, end);
      const close = unclosedTicks.has(fence.length) ? -1 : source.indexOf(fence, end);
      if (close === -1) {
        // An unclosed run is text, all of it (CommonMark does the same).
        unclosedTicks.add(fence.length);
        text += fence;
        index = end;
        continue;
      }
      const code = source.slice(end, close).replace(/^ (.+) $/, '$1');
      index = push({ type: 'code', text: code }, close + fence.length);
      continue;
    }
    const delimiter = /^(\*\*|__|~~|\*|_)/.exec(rest)?.[0];
    if (delimiter && !(delimiter[0] === '_' && isWordChar(source[index - 1]))) {
      const close = source.indexOf(delimiter, index + delimiter.length + 1);
      const inner = close === -1 ? '' : source.slice(index + delimiter.length, close);
      const closesWord = delimiter[0] === '_' && isWordChar(source[close + delimiter.length]);
      if (inner.trim() === inner && inner !== '' && !closesWord) {
        const type = delimiter === '~~' ? 'del' : delimiter.length === 2 ? 'strong' : 'em';
        index = push({ type, children: nested(inner) }, close + delimiter.length);
        continue;
      }
    }
    const image = char === '!' && source[index + 1] === '[';
    if (char === '[' || image) {
      const open = index + (image ? 1 : 0);
      const close = pairs[open] ?? -1;
      const end = close !== -1 && source[close + 1] === '(' ? (pairs[close + 1] ?? -1) : -1;
      if (end !== -1) {
        // Images are never loaded (no tracking pixels): they become a link to the picture.
        const url = linkUrl(source.slice(close + 2, end));
        const children = nested(source.slice(open + 1, close) || url);
        index = push({ type: 'link', href: safeHref(url), children }, end + 1);
        continue;
      }
    }
    if (char === '<') {
      const auto = /^<((?:https?:\/\/|mailto:|tel:)[^\s<>]+)>/i.exec(rest);
      if (auto?.[1]) {
        const children: Inline[] = [{ type: 'text', text: auto[1] }];
        index = push({ type: 'link', href: safeHref(auto[1]), children }, index + auto[0].length);
        continue;
      }
    }
    const url = isWordChar(source[index - 1]) ? undefined : bareUrl.exec(rest)?.[0];
    if (url) {
      const trimmed = trimEnd(url, urlTail);
      const children: Inline[] = [{ type: 'text', text: trimmed }];
      index = push({ type: 'link', href: safeHref(trimmed), children }, index + trimmed.length);
      continue;
    }
    if (char === '\n') {
      text = trimEnd(text, (space) => space === ' ');
      index = push({ type: 'break' }, index + 1);
      continue;
    }
    text += char;
    index++;
  }
  flush();
  return nodes;
}
