import type { Concept } from './analyze-query';
import type { Lexicon } from './lexicon';

/** A concept with its specificity: the inverse document frequency of its rarest way to be said. */
export type WeightedConcept = Concept & { weight: number };

/** BM25's inverse document frequency: a term no passage has weighs most. */
const idf = (frequency: number, passageCount: number): number =>
  Math.log(1 + (passageCount - frequency + 0.5) / (frequency + 0.5));

/**
 * Weighs each concept by how specific it is in the lexicon: the fewer passages can say it (in any of
 * its ways), the heavier. A word no passage knows is the heaviest of all.
 */
export const weighConcepts = (concepts: readonly Concept[], lexicon: Lexicon): WeightedConcept[] =>
  concepts.map((concept) => {
    const frequency = Math.max(
      0,
      ...concept.alternatives.map((alternative) =>
        Math.min(...alternative.terms.map((term) => lexicon.frequency(term))),
      ),
    );
    return { ...concept, weight: idf(frequency, lexicon.passageCount) };
  });

/** How well a passage's terms say `concept`: the weight of its best way found there, 0 for none. */
export const saying = (concept: Concept, terms: ReadonlySet<string>): number => {
  let best = 0;
  for (const alternative of concept.alternatives) {
    if (alternative.weight > best && alternative.terms.every((term) => terms.has(term))) {
      best = alternative.weight;
    }
  }
  return best;
};

/** Whether a passage's terms say `concept` in one of its ways. */
export const says = (concept: Concept, terms: ReadonlySet<string>): boolean =>
  saying(concept, terms) > 0;

/** How well a passage with `terms` says each concept, in the concepts' order (see {@link saying}). */
export const sayingsOf = (concepts: readonly Concept[], terms: ReadonlySet<string>): number[] =>
  concepts.map((concept) => saying(concept, terms));

/**
 * The share of the question's salient (not weak) weight that passages say, 0–1, from each passage's
 * {@link sayingsOf}: a concept said only by a synonym or a correction counts by that way's weight.
 */
export const coveredShare = (
  concepts: readonly WeightedConcept[],
  sayings: readonly (readonly number[])[],
): number => {
  let total = 0;
  let covered = 0;
  concepts.forEach((concept, index) => {
    if (concept.weak) return;
    total += concept.weight;
    let best = 0;
    for (const said of sayings) best = Math.max(best, said[index] ?? 0);
    covered += concept.weight * best;
  });
  return total === 0 ? 0 : covered / total;
};

/**
 * The decline rule: passages answer the question when together they say its most specific salient
 * concept (every one tied for the heaviest) and at least `minShare` of its salient weight. A
 * question with nothing salient, or with a word no passage knows, is not answered: that word is its
 * most specific and nothing says it. `sayings` are the passages' {@link sayingsOf}.
 *
 * @example
 * ```ts
 * // "Can I pay with Bitcoin?": `bitcoin` is unknown, so no passage answers, whatever says "pay".
 * const concepts = weighConcepts(analyzeQuery('Can I pay with Bitcoin?', lexicon), lexicon);
 * answers(concepts, [sayingsOf(concepts, passageTerms)], 0.6); // false
 * ```
 */
export const answers = (
  concepts: readonly WeightedConcept[],
  sayings: readonly (readonly number[])[],
  minShare: number,
): boolean => {
  let heaviest = Number.NEGATIVE_INFINITY;
  for (const concept of concepts) if (!concept.weak) heaviest = Math.max(heaviest, concept.weight);
  if (heaviest === Number.NEGATIVE_INFINITY) return false;
  const mostSpecificSaid = concepts.every(
    (concept, index) =>
      concept.weak ||
      concept.weight < heaviest - 1e-9 ||
      sayings.some((said) => (said[index] ?? 0) > 0),
  );
  return mostSpecificSaid && coveredShare(concepts, sayings) >= minShare;
};
