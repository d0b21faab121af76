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

const headingPattern = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const fencePattern = /^ {0,3}(```|~~~)/;

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
  let fence: string | undefined;
  for (const line of document.markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const fenceMatch = fencePattern.exec(line);
    if (fenceMatch?.[1] && (fence === undefined || fenceMatch[1] === fence)) {
      fence = fence === undefined ? fenceMatch[1] : undefined;
    }
    const heading = fence === undefined ? headingPattern.exec(line) : null;
    if (heading?.[1] && heading[2] !== undefined) {
      const depth = heading[1].length;
      const title = plainHeading(heading[2]);
      if (depth === 1 && firstH1 === undefined) firstH1 = title;
      stack.length = Math.min(stack.length, depth - 1);
      while (stack.length < depth - 1) stack.push('');
      stack.push(title);
      sections.push({ path: stack.filter(Boolean), lines: [] });
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
