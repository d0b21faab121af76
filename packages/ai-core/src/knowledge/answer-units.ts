/** A piece of a passage an answer is made of: a sentence, a list item or a table row. */
export type AnswerUnit = {
  text: string;
  /** The paragraph (blank-line separated block) it is in. */
  block: number;
  /** The source line group: sentences of one paragraph share it, each item or row has its own. */
  line: number;
  kind: 'sentence' | 'item' | 'row';
  /** The list an item belongs to. */
  list?: number;
  /** The index of the sentence ending in `:` that introduces the item's list, if any. */
  intro?: number;
};

const listItemPattern = /^\s*(?:[-*+]|\d+[.)])\s+/;
const sentenceBreak = /(?<=[.!?])\s+(?=["'(*_[]?[\p{Lu}\p{N}])/u;

/**
 * Splits a passage's markdown into answer units: the sentences of each paragraph (soft line breaks
 * are spaces), each list item with its continuation lines, each table row. An item remembers the
 * sentence ending in `:` right before its list, which introduces it.
 *
 * @example
 * ```ts
 * unitsOf('We are open:\n\n- Monday: 9–5\n- Sunday: closed');
 * // [{ text: 'We are open:', kind: 'sentence', … }, { text: '- Monday: 9–5', kind: 'item', intro: 0, … }, …]
 * ```
 */
export const unitsOf = (markdown: string): AnswerUnit[] => {
  const units: AnswerUnit[] = [];
  let line = 0;
  let list = 0;
  markdown.split(/\n[ \t]*\n/).forEach((block, blockIndex) => {
    let paragraph: string[] = [];
    let inList = false;
    let intro: number | undefined;
    const flushParagraph = () => {
      for (const sentence of paragraph.join(' ').split(sentenceBreak)) {
        if (sentence) units.push({ text: sentence, block: blockIndex, line, kind: 'sentence' });
      }
      if (paragraph.length > 0) line += 1;
      paragraph = [];
    };
    for (const raw of block.split('\n')) {
      const text = raw.trimEnd();
      if (!text.trim()) continue;
      const last = units.at(-1);
      if (listItemPattern.test(text)) {
        flushParagraph();
        if (!inList) {
          list += 1;
          inList = true;
          const before = units.at(-1);
          intro =
            before?.kind === 'sentence' && before.text.endsWith(':') ? units.length - 1 : undefined;
        }
        units.push({ text, block: blockIndex, line: line++, kind: 'item', list, intro });
      } else if (inList && last?.kind === 'item') {
        last.text = `${last.text}\n${text}`;
      } else if (text.trim().startsWith('|')) {
        flushParagraph();
        inList = false;
        units.push({ text, block: blockIndex, line: line++, kind: 'row' });
      } else {
        inList = false;
        paragraph.push(text.trim());
      }
    }
    flushParagraph();
  });
  return units;
};
