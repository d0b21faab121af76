import { analyzeQuery } from './analyze-query';
import { answerTypeStems } from './answer-types';
import type { AnswerUnit } from './answer-units';
import { clausesOf } from './clauses';
import { saying, type WeightedConcept, weighConcepts } from './coverage';
import { combineLexicons } from './lexicon';
import { type AnswerSource, preparePassage } from './prepare-passage';

export type { AnswerSource } from './prepare-passage';

/** Limits of {@link selectAnswer}. */
export type SelectAnswerOptions = {
  /** At most this many units chosen for their terms (intros and lists come with them). Default 4. */
  maxUnits?: number;
  /** At most this many characters, unless the single best unit is longer. Default 600. */
  maxChars?: number;
};

type Unit = AnswerUnit & {
  source: number;
  terms: ReadonlySet<string>;
  heading: ReadonlySet<string>;
};

/** How much a weak concept counts, and one said only by the unit's heading. */
const weakWeight = 0.3;
const headingWeight = 0.5;
/** Units saying at least this share of the best unit's score are parallel answers (list items). */
const parallelShare = 0.8;
/** In a one-part question, a unit after the first must add at least this share of the first's gain. */
const minGainShare = 0.35;
/** Sentences starting like this lean on the one before ("They never expire."). */
const leansOnPrevious =
  /^(?:they|it|its|this|these|those|that|there|then|their|such|he|she|(?:on|in|at) those)\b/i;
/** Sentences starting like this state a condition; the next one says what follows. */
const statesCondition = /^(?:if|when|should|in case|once)\b/i;

/** The units of all passages in order, each knowing its passage (`source`) and heading. */
const unitsOfSources = (passages: readonly AnswerSource[]): Unit[] => {
  const units: Unit[] = [];
  passages.forEach((passage, source) => {
    const { heading, units: own } = preparePassage(passage);
    const offset = units.length;
    for (const unit of own) {
      const intro = unit.intro === undefined ? undefined : unit.intro + offset;
      units.push({ ...unit, intro, source, heading });
    }
  });
  return units;
};

/** The chosen units, within the limits: `take` says whether one was taken. */
const createSelection = (units: readonly Unit[], maxUnits: number, maxChars: number) => {
  const chosen = new Set<number>();
  let length = 0;
  const fits = (unit: Unit) => chosen.size === 0 || length + unit.text.length <= maxChars;
  return {
    chosen,
    take(index: number): boolean {
      const unit = units[index];
      if (!unit || chosen.has(index) || chosen.size >= maxUnits || !fits(unit)) return false;
      chosen.add(index);
      length += unit.text.length + 2;
      return true;
    },
    /** Adds context for chosen units: not counted as a unit, only against `maxChars`. */
    add(index: number | undefined): void {
      const unit = index === undefined ? undefined : units[index];
      if (index === undefined || !unit || chosen.has(index) || !fits(unit)) return;
      chosen.add(index);
      length += unit.text.length + 2;
    },
  };
};

/** The chosen units as markdown: sentences of a paragraph by spaces, lines by newlines. */
const render = (units: readonly Unit[], chosen: Iterable<number>): string => {
  const ordered = [...chosen].sort((a, b) => a - b).flatMap((index) => units[index] ?? []);
  return ordered
    .map((unit, i) => {
      const previous = ordered[i - 1];
      if (!previous) return unit.text;
      if (previous.source !== unit.source || previous.block !== unit.block) {
        return `\n\n${unit.text}`;
      }
      return `${previous.line === unit.line && unit.kind === 'sentence' ? ' ' : '\n'}${unit.text}`;
    })
    .join('')
    .trim();
};

/**
 * Picks from the passages retrieved for `question` the part that answers it: the sentences, list
 * items and rows that say the question's concepts (synonyms, typos and compounds read as in search),
 * the heading counting for every unit under it. From the best passage first: its best unit, then
 * units that say what is still unsaid, and units saying as much as the best (parallel answers); a
 * later passage adds only to a question in parts, what the ones before leave unsaid, so that both
 * parts are answered. A chosen item comes with the line that introduces its list, a chosen intro with
 * the items that say something of the question (else the whole list), a sentence starting with
 * "They" with the one before, and a condition ("If …") with the one after. Kept in the passages'
 * order and markdown. Returns the first passage's opening when nothing matches.
 *
 * @example
 * ```ts
 * selectAnswer('Do gift cards expire?', [{ title: 'Pricing > Gift cards', text: '…' }]);
 * // 'Gift cards are available from $10 to $200, in the shop and online. They never expire …'
 * ```
 */
export const selectAnswer = (
  question: string,
  passages: readonly AnswerSource[],
  options: SelectAnswerOptions = {},
): string => {
  const { maxUnits = 4, maxChars = 600 } = options;
  const units = unitsOfSources(passages);
  if (units.length === 0) return '';
  const lexicon = combineLexicons(passages.map((passage) => preparePassage(passage).lexicon));
  const concepts = weighConcepts(analyzeQuery(question, lexicon), lexicon);
  const worth = (concept: WeightedConcept) => concept.weight * (concept.weak ? weakWeight : 1);
  /** What `unit` says of `open`: concepts its text says, and at half weight those its heading says. */
  const scoreOf = (unit: Unit, open: Iterable<WeightedConcept>): number => {
    let score = 0;
    for (const concept of open) {
      const said = saying(concept, unit.terms);
      score += worth(concept) * (said || headingWeight * saying(concept, unit.heading));
    }
    return score;
  };
  // What may justify a unit after the first: a salient concept, or a weak one asking for a kind of
  // value ("how much", "what time"); never a number or a "week" alone.
  const reasons = concepts.filter(
    (concept) =>
      !concept.weak ||
      concept.alternatives.some(({ terms }) => answerTypeStems.has(terms.join(' '))),
  );
  const multiPart = clausesOf(question).length > 1;
  const selection = createSelection(units, maxUnits, maxChars);
  const { chosen } = selection;
  const unsaid = new Set(concepts);
  let firstGain = 0;

  passages.forEach((_, source) => {
    // A later passage adds only to a question in parts, and only what earlier ones leave unsaid.
    if (source > 0 && !multiPart) return;
    const own = units.flatMap((unit, index) => (unit.source === source ? [index] : []));
    const scoreAt = (index: number, open: Iterable<WeightedConcept>) =>
      chosen.has(index) ? 0 : scoreOf(units[index] as Unit, open);
    // Greedy: the unit that adds most of what is still unsaid, until nothing more is; in a one-part
    // question, only while it adds a good share of what the first did. Items of one list that tie
    // (same gain, same overall score) are parallel answers, all taken.
    for (;;) {
      const open =
        chosen.size === 0
          ? concepts
          : reasons.filter((concept) => unsaid.has(concept) && (source === 0 || !concept.weak));
      const gains = own.map((index) => scoreAt(index, open));
      const bestGain = Math.max(0, ...gains);
      if (bestGain <= 1e-9 || (!multiPart && bestGain < firstGain * minGainShare)) break;
      const tied = own.filter((_, at) => (gains[at] ?? 0) >= bestGain - 1e-9);
      const totals = tied.map((index) => scoreAt(index, concepts));
      const bestTotal = Math.max(...totals);
      const [first, ...others] = tied.filter((_, at) => (totals[at] ?? 0) >= bestTotal - 1e-9);
      if (first === undefined || !selection.take(first)) break;
      firstGain ||= bestGain;
      const list = units[first]?.list;
      for (const index of others)
        if (list !== undefined && units[index]?.list === list) selection.take(index);
      for (const index of chosen) {
        const unit = units[index] as Unit;
        for (const concept of concepts) {
          if (saying(concept, unit.terms) || saying(concept, unit.heading)) unsaid.delete(concept);
        }
      }
    }
    if (source > 0) return;
    const bestScore = Math.max(0, ...own.map((index) => scoreOf(units[index] as Unit, concepts)));
    for (const index of own) {
      if (bestScore > 0 && scoreOf(units[index] as Unit, concepts) >= bestScore * parallelShare) {
        selection.take(index);
      }
    }
  });
  if (chosen.size === 0) selection.take(0);

  // Context: an item's intro, an intro's items, what "They …" leans on, what follows an "If …".
  const says = (unit: Unit) => concepts.some((concept) => saying(concept, unit.terms) > 0);
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const unit = units[index] as Unit;
    const sameParagraph = (other: Unit | undefined) =>
      other?.source === unit.source && other.block === unit.block && other.kind === 'sentence';
    if (unit.kind === 'item') selection.add(unit.intro);
    if (unit.kind !== 'sentence') continue;
    if (leansOnPrevious.test(unit.text) && sameParagraph(units[index - 1]))
      selection.add(index - 1);
    if (statesCondition.test(unit.text) && sameParagraph(units[index + 1]))
      selection.add(index + 1);
    const items = units.flatMap((item, at) => (item.intro === index ? [at] : []));
    if (items.some((at) => chosen.has(at))) continue;
    const relevant = items.filter((at) => says(units[at] as Unit));
    for (const at of relevant.length > 0 ? relevant : items) selection.add(at);
  }
  return render(units, chosen);
};
