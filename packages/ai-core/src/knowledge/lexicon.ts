import SearchableMap from 'minisearch/SearchableMap';

/** Known terms near an unknown one, all at the same (smallest) edit distance. */
export type NearestTerms = { terms: string[]; distance: number };

/** The terms of a set of passages, for reading a question against them. */
export type Lexicon = {
  /** How many passages there are. */
  readonly passageCount: number;
  /** How many passages contain `term` (0 when none does). */
  frequency(term: string): number;
  /**
   * The known terms nearest to an unknown `term` by edit distance (one edit from 5 letters, two from
   * 8), through minisearch's fuzzy matching; none for known or short terms.
   */
  nearest(term: string): NearestTerms;
  /** Known terms that extend `term` by at most 4 letters (`member` → `membership`), from 5 letters. */
  extensions(term: string): string[];
};

/** The most edits a typo may be from the term meant, by the term's length. */
const maxEdits = (term: string): number => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0);

const none: NearestTerms = { terms: [], distance: Number.POSITIVE_INFINITY };

/**
 * Builds the lexicon of passages given as their sets of index terms. The fuzzy and prefix tree is
 * built on first use only: most questions need neither.
 *
 * @example
 * ```ts
 * const lexicon = createLexicon([new Set(['return', 'book']), new Set(['ship'])]);
 * lexicon.frequency('book'); // 1
 * lexicon.nearest('bok'); // { terms: [], … }: too short to correct
 * ```
 */
export const createLexicon = (passages: Iterable<ReadonlySet<string>>): Lexicon => {
  const counts = new Map<string, number>();
  let passageCount = 0;
  for (const terms of passages) {
    passageCount += 1;
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  let tree: SearchableMap<number> | undefined;
  const treeOf = () => {
    tree ??= SearchableMap.from(counts);
    return tree;
  };
  const frequency = (term: string): number => counts.get(term) ?? 0;
  // Questions repeat their words: fuzzy and prefix look-ups are remembered (a few thousand).
  const nearestOf = new Map<string, NearestTerms>();
  const extensionsOf = new Map<string, string[]>();
  const remember = <T>(cache: Map<string, T>, term: string, value: T): T => {
    if (cache.size >= 5000) cache.clear();
    cache.set(term, value);
    return value;
  };
  const nearest = (term: string): NearestTerms => {
    const edits = maxEdits(term);
    if (edits === 0 || counts.has(term) || /\d/.test(term)) return none;
    const known = nearestOf.get(term);
    if (known) return known;
    let found = none;
    for (const [candidate, [, distance]] of treeOf().fuzzyGet(term, edits)) {
      if (distance < found.distance) found = { terms: [candidate], distance };
      else if (distance === found.distance) found.terms.push(candidate);
    }
    return remember(nearestOf, term, found);
  };
  const extensions = (term: string): string[] => {
    if (term.length < 5) return [];
    const known = extensionsOf.get(term);
    if (known) return known;
    const longer: string[] = [];
    for (const candidate of treeOf().atPrefix(term).keys()) {
      if (candidate !== term && candidate.length <= term.length + 4) longer.push(candidate);
    }
    return remember(extensionsOf, term, longer);
  };
  return { passageCount, frequency, nearest, extensions };
};

/**
 * One lexicon of several, as if their passages were one set: frequencies add up, the nearest terms
 * are those at the smallest distance in any. Lets a few prepared passages be read together cheaply.
 */
export const combineLexicons = (lexicons: readonly Lexicon[]): Lexicon => ({
  passageCount: lexicons.reduce((sum, lexicon) => sum + lexicon.passageCount, 0),
  frequency: (term) => lexicons.reduce((sum, lexicon) => sum + lexicon.frequency(term), 0),
  nearest: (term) => {
    if (lexicons.some((lexicon) => lexicon.frequency(term) > 0)) return none;
    let found = none;
    for (const lexicon of lexicons) {
      const near = lexicon.nearest(term);
      if (near.distance < found.distance)
        found = { terms: [...near.terms], distance: near.distance };
      else if (near.distance === found.distance) found.terms.push(...near.terms);
    }
    return { terms: [...new Set(found.terms)], distance: found.distance };
  },
  extensions: (term) => [...new Set(lexicons.flatMap((lexicon) => lexicon.extensions(term)))],
});
