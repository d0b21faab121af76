import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../assistant/types';
import type { KnowledgePassage } from '../chat-model';
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
};

const matchWhenLong = (term: string): boolean => term.length >= 4;

/**
 * Builds an in-memory knowledge base from markdown documents: each heading section becomes a passage,
 * indexed for BM25 search over its own heading (boosted), its document's title and its text, with
 * stemming, prefix and fuzzy matching. The document's title (first part of `title`) is a field of its
 * own, so it counts alike for every passage of the document and a section's heading decides.
 * `search` returns `[]` when no passage shares a real (not only fuzzy) term with the query.
 *
 * @example
 * ```ts
 * const knowledge = createKnowledgeBase([
 *   { source: 'hours.md', markdown: '# Hours\n\n## Weekdays\n\nOpen 8:00–18:00.' },
 * ]);
 * knowledge.search('When are you open on weekdays?'); // [{ id: 'hours.md#weekdays', score: …, … }]
 * ```
 */
export const createKnowledgeBase = (
  documents: readonly KnowledgeDocument[],
  options: KnowledgeBaseOptions = {},
): KnowledgeBase => {
  const { maxPassageChars, minRelativeScore = 0.3, titleBoost = 2 } = options;
  const usedIds = new Set<string>();
  const passages: readonly KnowledgePassage[] = Object.freeze(
    documents.flatMap((document) => splitPassages(document, { maxPassageChars, usedIds })),
  );
  const byId = new Map(passages.map((passage) => [passage.id, passage]));

  const index = new MiniSearch<KnowledgePassage>({
    idField: 'id',
    fields: ['heading', 'document', 'text'],
    extractField: (passage, field) => {
      if (field !== 'heading' && field !== 'document')
        return passage[field as keyof KnowledgePassage];
      const [document = '', ...headings] = passage.title.split(' > ');
      return field === 'document' ? document : headings.join(' ');
    },
    storeFields: [],
    tokenize,
    processTerm: normalizeTerm,
    searchOptions: {
      boost: { heading: titleBoost, document: titleBoost },
      prefix: matchWhenLong,
      fuzzy: (term) => (matchWhenLong(term) ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  index.addAll(passages);

  const search = (query: string, searchOptions: { limit?: number } = {}): KnowledgePassage[] => {
    const { limit = 3 } = searchOptions;
    const queryTerms = termsOf(query);
    if (queryTerms.length === 0 || limit <= 0) return [];
    // A result counts only when some passage term equals or extends a query term (not only fuzzy).
    const results = index
      .search(query)
      .filter((result) =>
        result.terms.some((term) => queryTerms.some((queryTerm) => term.startsWith(queryTerm))),
      );
    const best = results[0]?.score ?? 0;
    return results
      .filter((result) => result.score >= best * minRelativeScore)
      .slice(0, limit)
      .flatMap((result) => {
        const passage = byId.get(String(result.id));
        return passage ? [{ ...passage, score: result.score }] : [];
      });
  };

  return { passages, search };
};
