import { termMatches, termsOf } from './terms';

/** Limits of {@link selectAnswer}. */
export type SelectAnswerOptions = {
  /** At most this many units (sentences, lines or whole lists). Default 4. */
  maxUnits?: number;
  /** At most this many characters, unless the single best unit is longer. Default 600. */
  maxChars?: number;
};

/** A piece of the passage: a sentence, a line, a list item or a whole list. */
type Unit = { text: string; block: number; line: number; list: boolean };

const listItemPattern = /^\s*(?:[-*+]|\d+[.)])\s+/;
const sentenceBreak = /(?<=[.!?])\s+(?=["'(*_[]?[\p{Lu}\p{N}])/u;

/** Splits markdown into units; a list that fits `maxChars` is one unit, joined with its intro line. */
const unitsOf = (markdown: string, maxChars: number): Unit[] => {
  const units: Unit[] = [];
  const blocks = markdown.split(/\n[ \t]*\n/);
  let line = 0;
  blocks.forEach((block, blockIndex) => {
    let items: string[] = [];
    const flushList = () => {
      if (items.length === 0) return;
      const whole = items.join('\n');
      const intro = units.at(-1);
      if (whole.length > maxChars) {
        for (const item of items)
          units.push({ text: item, block: blockIndex, line: line++, list: true });
      } else if (intro?.text.endsWith(':') && whole.length + intro.text.length <= maxChars) {
        intro.text = `${intro.text}${intro.block === blockIndex ? '\n' : '\n\n'}${whole}`;
        intro.list = true;
      } else {
        units.push({ text: whole, block: blockIndex, line: line++, list: true });
      }
      items = [];
    };
    let paragraph: string[] = [];
    const flushParagraph = () => {
      // Soft line breaks are spaces in markdown: sentences may run across lines.
      for (const sentence of paragraph.join(' ').split(sentenceBreak)) {
        if (sentence) units.push({ text: sentence, block: blockIndex, line, list: false });
      }
      if (paragraph.length > 0) line += 1;
      paragraph = [];
    };
    for (const raw of block.split('\n')) {
      const text = raw.trimEnd();
      if (!text.trim()) continue;
      if (listItemPattern.test(text)) {
        flushParagraph();
        items.push(text);
      } else if (items.length > 0) {
        items[items.length - 1] = `${items.at(-1)}\n${text}`;
      } else if (text.trim().startsWith('|')) {
        flushParagraph();
        units.push({ text, block: blockIndex, line: line++, list: true });
      } else {
        paragraph.push(text.trim());
      }
    }
    flushParagraph();
    flushList();
  });
  return units;
};

const separator = (previous: Unit, next: Unit): string => {
  if (previous.block !== next.block) return '\n\n';
  return previous.line === next.line && !previous.list ? ' ' : '\n';
};

/**
 * Picks from a passage the sentences, lines and lists that best answer `question`: those sharing the most
 * terms with it, then their neighbours while room is left (at most `maxUnits` units and `maxChars`
 * chars), kept in the passage's order and markdown. Returns the passage's opening when nothing matches.
 */
export const selectAnswer = (
  question: string,
  passage: string,
  options: SelectAnswerOptions = {},
): string => {
  const { maxUnits = 4, maxChars = 600 } = options;
  const units = unitsOf(passage, maxChars);
  if (units.length === 0) return '';
  const questionTerms = termsOf(question);
  const overlap = units.map((unit) => {
    const terms = termsOf(unit.text);
    return questionTerms.filter((q) => terms.some((term) => termMatches(q, term))).length;
  });
  const ranked = units
    .map((_, index) => index)
    .filter((index) => (overlap[index] ?? 0) > 0)
    .sort((a, b) => (overlap[b] ?? 0) - (overlap[a] ?? 0) || a - b);
  const chosen = new Set<number>([ranked[0] ?? 0]);
  let length = units[ranked[0] ?? 0]?.text.length ?? 0;
  const tryAdd = (index: number) => {
    const unit = units[index];
    if (!unit || chosen.has(index) || chosen.size >= maxUnits) return;
    if (length + unit.text.length + 2 > maxChars) return;
    chosen.add(index);
    length += unit.text.length + 2;
  };
  for (const index of ranked) tryAdd(index);
  // Fill the room left with neighbours of the chosen units, nearest first, following before preceding.
  for (let distance = 1; distance < units.length && chosen.size < maxUnits; distance += 1) {
    for (const index of [...chosen].sort((a, b) => a - b)) {
      tryAdd(index + distance);
      tryAdd(index - distance);
    }
  }
  const ordered = [...chosen].sort((a, b) => a - b).flatMap((index) => units[index] ?? []);
  return ordered
    .map((unit, i) => {
      const previous = ordered[i - 1];
      return previous ? `${separator(previous, unit)}${unit.text}` : unit.text;
    })
    .join('')
    .trim();
};
