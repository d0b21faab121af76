import { stemWord } from './terms';

/**
 * Kinds of value a question may ask for, each with the word that asks for it and the pattern of its
 * values in a text: "how much" asks for an amount of money, "what time" for a time of day, "how long"
 * for a duration. A text with such a value is indexed as if it also said the word.
 */
const answerTypes: { word: string; pattern: RegExp }[] = [
  {
    word: 'price',
    pattern: /[$€£]\s?\d|\d\s?(?:dollars?|usd|euros?|eur|pounds?|gbp|cents?)\b|\d\s?%/i,
  },
  { word: 'time', pattern: /\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)/i },
  {
    word: 'long',
    pattern:
      /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty)(?:\s?[–-]\s?\d+)?\s+(?:business\s+|working\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\b/i,
  },
];

const typeTerms = answerTypes.map(({ word, pattern }) => ({ term: stemWord(word), pattern }));

/** The terms that stand for a kind of value (`price`, `time`, `long`), as a question may ask. */
export const answerTypeStems: ReadonlySet<string> = new Set(typeTerms.map(({ term }) => term));

/**
 * The answer-type terms of a text: `price` when it states an amount of money, `time` a time of day,
 * `long` a duration. Indexed beside the text, they let "how much", "what time" and "how long" rank
 * the sentences that hold the answer.
 *
 * @example
 * ```ts
 * answerTypeTerms('Standard shipping costs $4.99 and takes 3–5 business days.'); // ['price', 'long']
 * ```
 */
export const answerTypeTerms = (text: string): string[] =>
  typeTerms.filter(({ pattern }) => pattern.test(text)).map(({ term }) => term);

/**
 * The answer-type terms of a text, once per value (`$25 … $60` → `price price`): for indexing, so a
 * passage of prices ranks above one that merely says "price".
 */
export const answerTypeOccurrences = (text: string): string[] =>
  typeTerms.flatMap(({ term, pattern }) =>
    Array.from(text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`)), () => term),
  );
