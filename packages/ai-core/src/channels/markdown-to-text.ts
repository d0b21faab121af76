import { Marked, type Token, type Tokens } from 'marked';

/** How inline markdown becomes plain text; each renderer chooses its own. */
export type InlineStyle = {
  /** A link; `literal` is set for bare URLs and emails (`label` is then the text as written). */
  link(label: string, href: string, literal: boolean): string;
  /** An image, by its alt text and source. */
  image(alt: string, href: string): string;
  /** Inline code, by its text. */
  codespan(code: string): string;
};

/** One block of a markdown document as plain text (lines of a paragraph kept apart). */
export type TextBlock = {
  kind: 'paragraph' | 'heading' | 'item' | 'row' | 'code';
  text: string;
  /** For items of a numbered list: the item's number. */
  number?: number;
};

// A private instance, so that `marked.use()` elsewhere in an app cannot change how we parse.
const markdown = new Marked({ gfm: true, breaks: false });

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  euro: '€',
  pound: '£',
};

/** Decodes the HTML entities marked leaves in text (`&amp;`, `&lt;`, `&#39;`…). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : '';
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Removes HTML tags and comments, keeping the text between them. */
export function stripTags(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)|<\/?[a-z][^>]*>?/gi, ' ');
}

function inline(tokens: readonly Token[] | undefined, style: InlineStyle): string {
  let text = '';
  for (const token of tokens ?? []) text += inlineToken(token as Tokens.Generic, style);
  return text;
}

function inlineToken(token: Tokens.Generic, style: InlineStyle): string {
  switch (token.type) {
    case 'text':
      return token.tokens ? inline(token.tokens, style) : decodeEntities(token.text);
    case 'escape':
      return token.text;
    case 'codespan':
      return style.codespan(decodeEntities(token.text));
    case 'link':
      return style.link(inline(token.tokens, style), token.href, token.autolink === true);
    case 'image':
      return style.image(decodeEntities(token.text), token.href);
    case 'br':
      return '\n';
    case 'html':
    case 'checkbox':
      return '';
    case 'del':
      // A single `~` is more often "about" (`~5 min`) than a strikethrough: keep it.
      return token.raw.startsWith('~~')
        ? inline(token.tokens, style)
        : `~${inline(token.tokens, style)}~`;
    default:
      return token.tokens ? inline(token.tokens, style) : decodeEntities(String(token.text ?? ''));
  }
}

function tableRow(headers: readonly string[], cells: readonly string[]): string {
  if (cells.length === 2) return cells.filter((cell) => cell !== '').join(': ');
  return cells
    .map((cell, i) => (cell === '' ? '' : headers[i] ? `${headers[i]}: ${cell}` : cell))
    .filter((cell) => cell !== '')
    .join(', ');
}

function blocks(tokens: readonly Token[], style: InlineStyle, out: TextBlock[]): TextBlock[] {
  for (const token of tokens as Tokens.Generic[]) {
    switch (token.type) {
      case 'paragraph':
      case 'text':
        out.push({
          kind: 'paragraph',
          text: token.tokens ? inline(token.tokens, style) : decodeEntities(token.text),
        });
        break;
      case 'heading':
        out.push({ kind: 'heading', text: inline(token.tokens, style) });
        break;
      case 'code':
        out.push({ kind: 'code', text: token.text });
        break;
      case 'html':
        out.push({ kind: 'paragraph', text: decodeEntities(stripTags(token.text)) });
        break;
      case 'blockquote':
        blocks(token.tokens ?? [], style, out);
        break;
      case 'list':
        list(token as Tokens.List, style, out);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        const headers = table.header.map((cell) => inline(cell.tokens, style).trim());
        const rows = table.rows.map((row) => row.map((cell) => inline(cell.tokens, style).trim()));
        if (rows.length === 0) out.push({ kind: 'row', text: headers.filter(Boolean).join(', ') });
        for (const cells of rows) out.push({ kind: 'row', text: tableRow(headers, cells) });
        break;
      }
      default:
        break; // space, hr, def: nothing to say
    }
  }
  return out;
}

function list(token: Tokens.List, style: InlineStyle, out: TextBlock[]): void {
  const first = typeof token.start === 'number' ? token.start : 1;
  token.items.forEach((item, i) => {
    const nested: TextBlock[] = blocks(item.tokens, style, []);
    const lead = nested[0]?.kind === 'paragraph' ? nested.shift() : undefined;
    out.push({
      kind: 'item',
      text: lead?.text ?? '',
      ...(token.ordered ? { number: first + i } : {}),
    });
    out.push(...nested);
  });
}

/**
 * Reads a markdown document with marked's lexer and returns its blocks as plain text: inline
 * markup is removed, links, images and inline code go through `style`, tables become one
 * block per row (`cell: cell`), lists one block per item. Never throws.
 */
export function markdownToBlocks(text: string, style: InlineStyle): TextBlock[] {
  try {
    return blocks(markdown.lexer(text), style, []);
  } catch {
    return [{ kind: 'paragraph', text: decodeEntities(stripTags(text)) }];
  }
}
