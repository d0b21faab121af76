import type { KnowledgePassage } from '../chat-model';

/** A markdown document of the knowledge base. */
export type KnowledgeDocument = {
  /** Where the document came from, e.g. its path relative to the knowledge directory. */
  source: string;
  /** The document's markdown. */
  markdown: string;
};

/** Options for {@link splitPassages}. */
export type SplitOptions = {
  /** Sections longer than this (in characters) are split further by paragraph. Default 1500. */
  maxPassageChars?: number;
  /** Ids already taken (e.g. by other documents); new ids are added to it. */
  usedIds?: Set<string>;
};

type Section = { path: string[]; lines: string[] };

// Every pattern is linear: the closing `#`s of a heading are removed in code, not by a lazy
// `(.*?)` followed by blanks (which is quadratic in a run of trailing blanks).
const headingPattern = /^ {0,3}(#{1,6})[ \t]+(.*)$/;
const fencePattern = /^ {0,3}(`{3,}|~{3,})([\s\S]*)$/;
const setextPattern = /^ {0,3}(=+|-+)[ \t]*$/;
const notParagraph = /^(?: {4}|\t| {0,3}(?:[-*+>|]|\d{1,9}[.)])(?:[ \t]|$))/;

/** A heading's text without its closing sequence of `#`s (`## Title ##` → `Title`). */
const headingText = (content: string): string => {
  const text = content.trimEnd();
  let start = text.length;
  while (start > 0 && text[start - 1] === '#') start -= 1;
  if (start === text.length || (start > 0 && !/[ \t]/.test(text[start - 1] ?? ''))) return text;
  return text.slice(0, start).trimEnd();
};

/** A fence line's character and run length, or undefined (```a``` is inline code, no fence). */
const fenceOf = (line: string): { char: string; length: number; info: string } | undefined => {
  const match = fencePattern.exec(line);
  const run = match?.[1];
  const info = match?.[2] ?? '';
  if (run === undefined || (run[0] === '`' && info.includes('`'))) return undefined;
  return { char: run[0] ?? '`', length: run.length, info };
};

/** Turns a heading's inline markdown into plain text. */
const plainHeading = (text: string): string =>
  text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();

/** A URL fragment for `text`: lower case, no accents or punctuation, words joined by dashes. */
export const slugify = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');

const fileTitle = (source: string): string =>
  (source.split('/').pop() ?? source).replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');

/** Splits the lines of a section into chunks of whole paragraphs, each at most `max` chars if possible. */
const chunkByParagraph = (text: string, max: number): string[] => {
  if (text.length <= max) return [text];
  const chunks: string[] = [];
  let current = '';
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    const candidate = current ? `${current}\n\n${paragraph.trim()}` : paragraph.trim();
    if (current && candidate.length > max) {
      chunks.push(current);
      current = paragraph.trim();
    } else {
      current = candidate;
    }
  }
  if (current) chunks.push(current);
  return chunks;
};

/**
 * Splits one markdown document into passages, one per heading section. A passage's `title` is its heading
 * path (`Shipping > International`) and its `id` is `source#slug`. Text before the first heading is titled
 * by the document's first H1 (or its file name); sections longer than `maxPassageChars` are split further
 * by paragraph; sections without text give no passage.
 */
export const splitPassages = (
  document: KnowledgeDocument,
  options: SplitOptions = {},
): KnowledgePassage[] => {
  const { maxPassageChars = 1500, usedIds = new Set<string>() } = options;
  const sections: Section[] = [{ path: [], lines: [] }];
  const stack: string[] = [];
  let firstH1: string | undefined;
  let fence: { char: string; length: number } | undefined;
  const openHeading = (depth: number, title: string): void => {
    if (depth === 1 && firstH1 === undefined) firstH1 = title;
    stack.length = Math.min(stack.length, depth - 1);
    while (stack.length < depth - 1) stack.push('');
    stack.push(title);
    sections.push({ path: stack.filter(Boolean), lines: [] });
  };
  for (const line of document.markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const fenceLine = fenceOf(line);
    if (fence === undefined) {
      if (fenceLine) fence = fenceLine;
    } else {
      // CommonMark: only a run of the same character, at least as long, closes a fence.
      if (
        fenceLine?.char === fence.char &&
        fenceLine.length >= fence.length &&
        !fenceLine.info.trim()
      ) {
        fence = undefined;
      }
      sections.at(-1)?.lines.push(line);
      continue;
    }
    const lines = sections.at(-1)?.lines ?? [];
    const previous = lines.at(-1);
    const underline = fenceLine ? null : setextPattern.exec(line);
    if (
      underline?.[1] &&
      previous !== undefined &&
      previous.trim() !== '' &&
      (lines.at(-2) ?? '').trim() === '' &&
      !notParagraph.test(previous) &&
      !headingPattern.test(previous) &&
      !fenceOf(previous)
    ) {
      // A setext heading (`Title` over `===` or `---`), for a one-line paragraph.
      lines.pop();
      openHeading(underline[1][0] === '=' ? 1 : 2, plainHeading(previous.trim()));
      continue;
    }
    const heading = fenceLine ? null : headingPattern.exec(line);
    if (heading?.[1] && heading[2] !== undefined) {
      openHeading(heading[1].length, plainHeading(headingText(heading[2])));
    } else {
      sections.at(-1)?.lines.push(line);
    }
  }

  const uniqueId = (slug: string): string => {
    const base = `${document.source}#${slug || 'section'}`;
    let id = base;
    for (let n = 1; usedIds.has(id); n += 1) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };

  return sections.flatMap(({ path, lines }) => {
    const text = lines.join('\n').trim();
    if (!text) return [];
    const title = path.length > 0 ? path.join(' > ') : (firstH1 ?? fileTitle(document.source));
    const slug = slugify(path.at(-1) ?? title);
    return chunkByParagraph(text, maxPassageChars).map((chunk, index) => ({
      id: uniqueId(index === 0 ? slug : `${slug}-part-${index + 1}`),
      source: document.source,
      title,
      text: chunk,
    }));
  });
};
