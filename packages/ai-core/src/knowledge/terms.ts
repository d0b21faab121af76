/**
 * Words that carry no meaning for retrieval: English stop words, question phrasing, contractions and
 * courtesy words (a greeting alone must not retrieve anything).
 */
const stopWords: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below
  between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
  few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
  herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more
  most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same
  shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
  themselves then there there's these they they'd they'll they're they've this those through to too under
  until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which
  while who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours
  yourself yourselves also just may might must shall much many anything something get got tell know want
  like please ok okay yes yeah hi hello hey thank thanks bye goodbye cheers`.split(/\s+/),
);

const termPattern = /[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into raw words: letters and digits, keeping inner apostrophes and dots (`don't`, `4.99`).
 */
export const tokenize = (text: string): string[] =>
  text.replace(/[’‘]/g, "'").match(termPattern) ?? [];

const undouble = (stem: string): string =>
  /([^aeiouylsz])\1$/.test(stem) ? stem.slice(0, -1) : stem;

/**
 * A light English stemmer, so that `hours`/`hour`, `opening`/`open`, `returns`/`returned`/`return` and
 * `price`/`pricing` meet. The same function processes documents and queries, so stems need only agree.
 */
export const stem = (word: string): string => {
  let term = word;
  if (term.length > 4 && term.endsWith('ies')) term = `${term.slice(0, -3)}y`;
  else if (term.length > 3 && term.endsWith('s') && !/(ss|us|is)$/.test(term))
    term = term.slice(0, -1);
  if (term.length > 5 && term.endsWith('ing')) term = undouble(term.slice(0, -3));
  else if (term.length > 4 && term.endsWith('ed')) term = undouble(term.slice(0, -2));
  if (term.length > 4 && term.endsWith('e')) term = term.slice(0, -1);
  return term;
};

/**
 * Normalises one raw word into an index term: lower case, no diacritics, no possessive, stemmed.
 * Returns `undefined` for stop words and single letters.
 */
export const normalizeTerm = (word: string): string | undefined => {
  const lower = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/'s$/, '');
  if (stopWords.has(lower)) return undefined;
  const plain = lower.replace(/'/g, '');
  if (plain.length < 2 && !/\d/.test(plain)) return undefined;
  const term = /^\p{L}+$/u.test(plain) ? stem(plain) : plain;
  return stopWords.has(term) ? undefined : term;
};

/** The distinct index terms of `text`, in order of first appearance. */
export const termsOf = (text: string): string[] => {
  const terms = new Set<string>();
  for (const word of tokenize(text)) {
    const term = normalizeTerm(word);
    if (term) terms.add(term);
  }
  return [...terms];
};

/** Whether a document term matches a query term: equal, or one extends the other (both 4+ chars). */
export const termMatches = (queryTerm: string, term: string): boolean => {
  if (queryTerm === term) return true;
  const [short, long] = queryTerm.length <= term.length ? [queryTerm, term] : [term, queryTerm];
  return short.length >= 4 && long.startsWith(short);
};
