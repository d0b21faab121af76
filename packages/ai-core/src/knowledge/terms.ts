import { stemmer } from 'stemmer';
import { baseForm } from './irregular-forms';
import { stopWords, weakWords } from './stop-words';

const termPattern = /[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into raw words: letters and digits, keeping inner apostrophes and dots (`don't`, `4.99`).
 */
export const tokenize = (text: string): string[] =>
  text.replace(/[’‘]/g, "'").match(termPattern) ?? [];

const plainWords = new Map<string, string>();
const stems = new Map<string, string>();
/** Words repeat across questions and passages: the last few thousand are remembered. */
const maxRemembered = 10_000;

const remember = (cache: Map<string, string>, key: string, value: string): string => {
  if (cache.size >= maxRemembered) cache.clear();
  cache.set(key, value);
  return value;
};

/** A raw word in lower case, without diacritics or a possessive `'s`. */
export const plainWord = (word: string): string =>
  plainWords.get(word) ??
  remember(
    plainWords,
    word,
    word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/'s$/, ''),
  );

/**
 * The index term of a plain word, stop words included: its base form stemmed (Porter, from the
 * `stemmer` package), so that `hours`/`hour`, `opening`/`open`, `shipped`/`shipping` and
 * `bought`/`buy` meet. Numbers and words with digits are kept as they are.
 */
export const stemWord = (plain: string): string => {
  const known = stems.get(plain);
  if (known !== undefined) return known;
  const word = plain.replace(/'/g, '');
  return remember(stems, plain, /^\p{L}+$/u.test(word) ? stemmer(baseForm(word)) : word);
};

/** Whether a raw word is a stop word (no meaning for retrieval). */
export const isStopWord = (word: string): boolean => {
  const plain = plainWord(word);
  return stopWords.has(plain) || stopWords.has(plain.replace(/'/g, ''));
};

/** Whether a raw word may rank a passage but never decides one (`week`, `tomorrow`, `friend`). */
export const isWeakWord = (word: string): boolean => weakWords.has(plainWord(word));

/**
 * Normalises one raw word into an index term: lower case, no diacritics, no possessive, stemmed.
 * Returns `undefined` for stop words and single letters.
 */
export const normalizeTerm = (word: string): string | undefined => {
  if (isStopWord(word)) return undefined;
  const plain = plainWord(word).replace(/'/g, '');
  if (plain.length < 2 && !/\d/.test(plain)) return undefined;
  return stemWord(plain);
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

/**
 * The ways to read an unknown word as two known ones (`giftcards` → `gift` + `card`): each split
 * into parts of at least 3 letters whose terms `isKnown` accepts, longest first part first.
 */
export const splitCompound = (
  word: string,
  isKnown: (term: string) => boolean,
): [string, string][] => {
  const plain = plainWord(word).replace(/'/g, '');
  if (!/^\p{L}{6,}$/u.test(plain)) return [];
  const splits: [string, string][] = [];
  for (let at = plain.length - 3; at >= 3; at -= 1) {
    const left = stemWord(plain.slice(0, at));
    const right = stemWord(plain.slice(at));
    if (isKnown(left) && isKnown(right)) splits.push([left, right]);
  }
  return splits;
};

/** The term of two adjacent words written as one (`gift` `card` → `giftcard`, `e` `mail` → `email`). */
export const joinCompound = (first: string, second: string): string =>
  stemWord(`${plainWord(first)}${plainWord(second)}`.replace(/'/g, ''));

/** The words one swap of neighbouring letters away from `word` (`retrun` → `return`, …). */
export const transpositions = (word: string): string[] => {
  const plain = plainWord(word);
  const variants: string[] = [];
  for (let at = 0; at < plain.length - 1; at += 1) {
    if (plain[at] === plain[at + 1]) continue;
    variants.push(`${plain.slice(0, at)}${plain[at + 1]}${plain[at]}${plain.slice(at + 2)}`);
  }
  return variants;
};
