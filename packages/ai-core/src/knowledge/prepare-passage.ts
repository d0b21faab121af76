import { answerTypeTerms } from './answer-types';
import { type AnswerUnit, unitsOf } from './answer-units';
import { createLexicon, type Lexicon } from './lexicon';
import { termsOf } from './terms';

/** A passage to answer from: its heading path (`Shipping > International`) and markdown text. */
export type AnswerSource = { title?: string; text: string };

/** A passage split into answer units with their terms, ready to choose from. */
export type PreparedPassage = {
  /** The terms of the section's own headings (of the document's title for its opening). */
  heading: ReadonlySet<string>;
  /** The units, each with its terms and the answer-type terms of the values it states. */
  units: readonly (AnswerUnit & { terms: ReadonlySet<string> })[];
  /** The units' terms (each with the heading's), to read a question against. */
  lexicon: Lexicon;
};

/** Passages prepared before: the same few passages answer most questions. */
const prepared = new Map<string, PreparedPassage>();
const maxPrepared = 1000;

/**
 * Splits and stems a passage for `selectAnswer`, once: the result is remembered by title and text
 * (the last thousand passages), so answering costs no stemming of the passages retrieved again.
 */
export const preparePassage = (passage: AnswerSource): PreparedPassage => {
  const key = `${passage.title ?? ''}\n${passage.text}`;
  const known = prepared.get(key);
  if (known) return known;
  // The section's own headings, not the document's title, which every section shares.
  const [document = '', ...headings] = (passage.title ?? '').split(' > ');
  const heading = new Set(termsOf(headings.length > 0 ? headings.join(' ') : document));
  const units = unitsOf(passage.text).map((unit) => ({
    ...unit,
    terms: new Set([...termsOf(unit.text), ...answerTypeTerms(unit.text)]),
  }));
  const lexicon = createLexicon(units.map((unit) => new Set([...unit.terms, ...heading])));
  const result = { heading, units, lexicon };
  if (prepared.size >= maxPrepared) prepared.clear();
  prepared.set(key, result);
  return result;
};
