import MiniSearch, { type Query } from 'minisearch';
import type { KnowledgeBase } from '../assistant/types';
import type { KnowledgePassage } from '../chat-model';
import { analyzeQuery, type Concept } from './analyze-query';
import { answerTypeOccurrences, answerTypeTerms } from './answer-types';
import { clausesOf } from './clauses';
import { answers, coveredShare, sayingsOf, weighConcepts } from './coverage';
import { createLexicon, type Lexicon } from './lexicon';
import { type KnowledgeDocument, splitPassages } from './split-passages';
import { normalizeTerm, termsOf, tokenize } from './terms';

/** Options for {@link createKnowledgeBase}. */
export type KnowledgeBaseOptions = {
  /** Sections longer than this (in characters) are split further by paragraph. Default 1500. */
  maxPassageChars?: number;
  /** Passages scoring below this fraction of the best passage's score are dropped. Default 0.3. */
  minRelativeScore?: number;
  /** How much more a match in a passage's own heading counts than one in its text. Default 2. */
  titleBoost?: number;
  /**
   * The share of a question's salient weight the passages found must cover to answer it, 0–1;
   * below it `search` finds nothing and the assistant declines. Default 0.6.
   */
  minCoverage?: number;
};

/** How much a weak concept (`week`, a number, "how much") counts in ranking. */
const weakBoost = 0.3;
/** At most this many passages together may answer a question (one per part). */
const maxAnswering = 3;

/** The document title and the heading path of a passage's `title` (`Shipping > International`). */
const titleParts = (passage: KnowledgePassage): { document: string; heading: string } => {
  const [document = '', ...headings] = passage.title.split(' > ');
  return { document, heading: headings.join(' ') };
};

/**
 * The minisearch query of a question's concepts: every way of saying a concept that the passages
 * know (the others can match nothing), weighted; single terms in one list, each term once.
 */
const queryOf = (concepts: readonly Concept[], lexicon: Lexicon): Query => {
  const boosts = new Map<string, number>();
  const phrases: Query[] = [];
  for (const concept of concepts) {
    for (const { terms, weight } of concept.alternatives) {
      if (!terms.every((term) => lexicon.frequency(term) > 0)) continue;
      const boost = weight * (concept.weak ? weakBoost : 1);
      const [term] = terms;
      if (terms.length === 1 && term !== undefined) {
        boosts.set(term, Math.max(boosts.get(term) ?? 0, boost));
      } else {
        // An alternative of several terms counts as one word, not as each of them.
        phrases.push({ combineWith: 'AND', queries: terms, boostTerm: () => boost / terms.length });
      }
    }
  }
  return {
    combineWith: 'OR',
    queries: [
      {
        combineWith: 'OR',
        queries: [...boosts.keys()],
        boostTerm: (term) => boosts.get(term) ?? 1,
      },
      ...phrases,
    ],
  };
};

/**
 * Builds an in-memory knowledge base from markdown documents: each heading section becomes a passage,
 * indexed once for BM25 search (minisearch) over its heading and its document's title (both boosted)
 * and its text, with Porter stemming. A question is read as concepts (see `analyzeQuery`: synonyms,
 * compounds, typos), passages are ranked by BM25 and by the share of the question they cover, and
 * `search` returns `[]` unless the best passage (or two or three together, for a question in parts)
 * says the question's most specific concept and enough of the rest: the assistant then declines
 * rather than answer from the nearest passage.
 *
 * @example
 * ```ts
 * const knowledge = createKnowledgeBase([
 *   { source: 'hours.md', markdown: '# Hours\n\n## Weekdays\n\nOpen 8:00–18:00.' },
 * ]);
 * knowledge.search('When are you open on weekdays?'); // [{ id: 'hours.md#weekdays', score: …, … }]
 * knowledge.search('Who won the world cup?'); // []
 * ```
 */
export const createKnowledgeBase = (
  documents: readonly KnowledgeDocument[],
  options: KnowledgeBaseOptions = {},
): KnowledgeBase => {
  const { maxPassageChars, minRelativeScore = 0.3, titleBoost = 2, minCoverage = 0.6 } = options;
  const usedIds = new Set<string>();
  const passages: readonly KnowledgePassage[] = Object.freeze(
    documents.flatMap((document) => splitPassages(document, { maxPassageChars, usedIds })),
  );
  const byId = new Map(passages.map((passage) => [passage.id, passage]));
  const termSets = new Map(
    passages.map((passage) => [
      passage.id,
      new Set([...termsOf(`${passage.title}\n${passage.text}`), ...answerTypeTerms(passage.text)]),
    ]),
  );
  const lexicon = createLexicon(termSets.values());

  const index = new MiniSearch<KnowledgePassage>({
    idField: 'id',
    fields: ['heading', 'document', 'text', 'answers'],
    extractField: (passage, field) => {
      if (field === 'heading' || field === 'document') return titleParts(passage)[field];
      if (field === 'answers') return answerTypeOccurrences(passage.text).join(' ');
      return passage[field as keyof KnowledgePassage];
    },
    storeFields: [],
    tokenize,
    processTerm: normalizeTerm,
    searchOptions: {
      boost: { heading: titleBoost, document: titleBoost },
      // The question's concepts are already stems of known terms (typos corrected by then).
      tokenize: (term) => [term],
      processTerm: (term) => term,
      prefix: false,
      fuzzy: false,
    },
  });
  index.addAll(passages);

  const search = (query: string, searchOptions: { limit?: number } = {}): KnowledgePassage[] => {
    const { limit = 3 } = searchOptions;
    if (limit <= 0) return [];
    const concepts = weighConcepts(analyzeQuery(query, lexicon), lexicon);
    if (!concepts.some((concept) => !concept.weak)) return [];
    const ranked = index
      .search(queryOf(concepts, lexicon))
      .map((result) => {
        const id = String(result.id);
        const sayings = sayingsOf(concepts, termSets.get(id) ?? new Set<string>());
        const share = coveredShare(concepts, [sayings]);
        // minisearch multiplies by the number of query terms matched; coverage by concept
        // replaces that, so synonyms and weak words do not count as more of the question.
        const score = result.score / Math.max(1, result.queryTerms.length);
        return { id, sayings, score, rank: score * share * share };
      })
      .filter((result) => result.rank > 0)
      .sort((a, b) => b.rank - a.rank);
    const [best] = ranked;
    if (!best) return [];
    // The best passage may leave part of the question unsaid: add the passage that covers most of
    // what is still missing, until the question is answered or nothing adds to it. A helper far
    // below the best would say the missing word in some other sense; in a question in parts, where
    // each passage may answer one part only, by its BM25 score, else by its rank.
    const answering = [best];
    const sayingsOfAnswering = () => answering.map((result) => result.sayings);
    const inParts = clausesOf(query).length > 1;
    const farBelow = (candidate: (typeof ranked)[number]) =>
      inParts
        ? candidate.score < best.score * minRelativeScore
        : candidate.rank < best.rank * minRelativeScore;
    while (
      answering.length < maxAnswering &&
      !answers(concepts, sayingsOfAnswering(), minCoverage)
    ) {
      const covered = coveredShare(concepts, sayingsOfAnswering());
      let helper: (typeof ranked)[number] | undefined;
      let gain = 1e-9;
      for (const candidate of ranked) {
        if (answering.includes(candidate) || farBelow(candidate)) continue;
        const added =
          coveredShare(concepts, [...sayingsOfAnswering(), candidate.sayings]) - covered;
        if (added > gain) [helper, gain] = [candidate, added];
      }
      if (!helper) break;
      answering.push(helper);
    }
    if (!answers(concepts, sayingsOfAnswering(), minCoverage)) return [];
    const others = ranked.filter(
      (result) => !answering.includes(result) && result.rank >= best.rank * minRelativeScore,
    );
    return [...answering, ...others]
      .slice(0, limit)
      .sort((a, b) => b.rank - a.rank)
      .flatMap((result) => {
        const passage = byId.get(result.id);
        return passage ? [{ ...passage, score: result.rank }] : [];
      });
  };

  return { passages, search };
};
