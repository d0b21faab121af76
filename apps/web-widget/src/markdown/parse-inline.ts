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

/** Where `[text](url "title")` closes: the url (no title) and the index after `)`. */
function linkTarget(source: string, open: number): { url: string; end: number } | undefined {
  let depth = 0;
  for (let index = open + 1; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '(') depth++;
    else if (char === ')') {
      if (depth-- > 0) continue;
      const inner = source.slice(open + 1, index).trim();
      const url = inner.startsWith('<')
        ? inner.slice(1, inner.indexOf('>'))
        : inner.split(/\s+/)[0];
      return { url: decodeEntities(url ?? ''), end: index + 1 };
    }
  }
  return undefined;
}

/** Where the `]` closing the `[` at `open` is, skipping nested brackets and code. */
function closingBracket(source: string, open: number): number {
  let depth = 0;
  for (let index = open + 1; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '[') depth++;
    else if (char === ']' && depth-- === 0) return index;
  }
  return -1;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * Parses inline markdown into nodes. Nothing here ever becomes HTML: `<script>` or
 * `<img onerror=…>` in the source stay literal text, and links get an `href` only when
 * {@link safeHref} allows it.
 */
export function parseInline(source: string): Inline[] {
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
      const fence = /^`+/.exec(rest)?.[0] ?? '`';
      const close = source.indexOf(fence, index + fence.length);
      if (close !== -1) {
        const code = source.slice(index + fence.length, close).replace(/^ (.+) $/, '$1');
        index = push({ type: 'code', text: code }, close + fence.length);
        continue;
      }
    }
    const delimiter = /^(\*\*|__|~~|\*|_)/.exec(rest)?.[0];
    if (delimiter && !(delimiter[0] === '_' && isWordChar(source[index - 1]))) {
      const close = source.indexOf(delimiter, index + delimiter.length + 1);
      const inner = close === -1 ? '' : source.slice(index + delimiter.length, close);
      const closesWord = delimiter[0] === '_' && isWordChar(source[close + delimiter.length]);
      if (inner.trim() === inner && inner !== '' && !closesWord) {
        const type = delimiter === '~~' ? 'del' : delimiter.length === 2 ? 'strong' : 'em';
        index = push({ type, children: parseInline(inner) }, close + delimiter.length);
        continue;
      }
    }
    const image = char === '!' && source[index + 1] === '[';
    if (char === '[' || image) {
      const open = index + (image ? 1 : 0);
      const close = closingBracket(source, open);
      const target =
        close !== -1 && source[close + 1] === '(' ? linkTarget(source, close + 1) : undefined;
      if (target) {
        // Images are never loaded (no tracking pixels): they become a link to the picture.
        const children = parseInline(source.slice(open + 1, close) || target.url);
        index = push({ type: 'link', href: safeHref(target.url), children }, target.end);
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
      const trimmed = url.replace(/[.,;:!?'")\]]+$/, '');
      const children: Inline[] = [{ type: 'text', text: trimmed }];
      index = push({ type: 'link', href: safeHref(trimmed), children }, index + trimmed.length);
      continue;
    }
    if (char === '\n') {
      text = text.replace(/ +$/, '');
      index = push({ type: 'break' }, index + 1);
      continue;
    }
    text += char;
    index++;
  }
  flush();
  return nodes;
}
