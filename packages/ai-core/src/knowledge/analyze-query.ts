import { createLexicon, type Lexicon } from './lexicon';
import { synonymsAt, vocabularyStems } from './synonyms';
import {
  isStopWord,
  isWeakWord,
  joinCompound,
  plainWord,
  splitCompound,
  stemWord,
  tokenize,
  transpositions,
} from './terms';

/** One way a passage may say a concept: it must contain every term; `weight` 1 is the word itself. */
export type Alternative = { terms: string[]; weight: number };

/** Something a question asks about: a word or phrase of it, and the ways a passage may say it. */
export type Concept = {
  /** The question's words. */
  words: string;
  /** The ways to say it, the question's own first. */
  alternatives: Alternative[];
  /** Ranks a passage but never decides one (`week`, `tomorrow`, a number, "how much"). */
  weak: boolean;
};

/** Weights of the ways to say a concept other than the question's own words. */
const weights = { synonym: 0.8, compound: 0.9, typo: 0.8, extension: 0.6, negated: 0.8 };

/** The synonym vocabulary as a lexicon, to correct a typo of a word the passages say otherwise. */
const vocabularyLexicon = createLexicon([vocabularyStems]);

const uniqueAlternatives = (alternatives: Alternative[]): Alternative[] => {
  const seen = new Map<string, Alternative>();
  for (const alternative of alternatives) {
    const key = alternative.terms.join(' ');
    const known = seen.get(key);
    if (!known || known.weight < alternative.weight) seen.set(key, alternative);
  }
  return [...seen.values()];
};

const clockPattern = /^(\d{1,2})(am|pm)$/;

/** What a word may be read as, before synonyms: its stem, or the known terms it is a typo of. */
const readings = (word: string, lexicon: Lexicon): Alternative[] => {
  const plain = plainWord(word).replace(/'/g, '');
  const stem = stemWord(plain);
  const clock = clockPattern.exec(plain);
  if (clock) {
    // "8pm" is 20:00 in a text that uses 24-hour times, 8 in one that does not.
    const hour = Number(clock[1]) % 12;
    const day = clock[2] === 'pm' ? hour + 12 : hour;
    return [
      { terms: [String(day)], weight: 1 },
      { terms: [String(clock[1])], weight: weights.typo },
    ];
  }
  const known = (term: string) => lexicon.frequency(term) > 0 || vocabularyStems.has(term);
  if (known(stem) || /\d/.test(plain) || isWeakWord(word)) return [{ terms: [stem], weight: 1 }];
  const [split] = splitCompound(word, (term) => lexicon.frequency(term) > 0);
  if (split) return [{ terms: split, weight: weights.compound }];
  const swapped = transpositions(plain).map(stemWord).filter(known);
  const near = lexicon.nearest(stem);
  const vocabulary = vocabularyLexicon.nearest(stem);
  const nearest = near.distance <= vocabulary.distance ? near : vocabulary;
  const typos = swapped.length > 0 ? swapped : nearest.terms.slice(0, 3);
  return [
    ...typos.map((term) => ({ terms: [term], weight: weights.typo })),
    { terms: [stem], weight: 1 },
  ];
};

/** Adds a single term's longer forms (`member` → `membership`) and negated form (`read` → `unread`). */
const widen = (alternatives: Alternative[], lexicon: Lexicon): Alternative[] => {
  const wider = [...alternatives];
  for (const alternative of alternatives) {
    const [term] = alternative.terms;
    if (alternative.terms.length !== 1 || term === undefined || /\d/.test(term)) continue;
    for (const longer of lexicon.extensions(term)) {
      wider.push({ terms: [longer], weight: alternative.weight * weights.extension });
    }
    const negated = stemWord(`un${term}`);
    if (lexicon.frequency(negated) > 0) {
      wider.push({ terms: [negated], weight: alternative.weight * weights.negated });
    }
  }
  return uniqueAlternatives(wider);
};

const asksForValue = /^(?:how|what|when|which)$/i;

const isWeak = (word: string): boolean => isStopWord(word) || isWeakWord(word) || /\d/.test(word);

/**
 * Reads a question as the concepts it asks about, against the terms of the passages (`lexicon`).
 * An unknown word is first read as what it is likely a typo of (a compound split into two known
 * words, swapped letters, then the nearest known term by minisearch's fuzzy matching); vocabulary
 * phrases ("stop taking orders", "gift card") then become one concept with their synonyms, and two
 * words the passages write as one ("e mail") join. Stop words are dropped; time words, people and
 * numbers are kept as `weak` concepts.
 *
 * @example
 * ```ts
 * analyzeQuery('Do you have a bathroom?', lexicon);
 * // [{ words: 'bathroom', alternatives: [{ terms: ['bathroom'], … }, { terms: ['restroom'], … }, …], weak: false }]
 * ```
 */
export const analyzeQuery = (question: string, lexicon: Lexicon): Concept[] => {
  // "US" in capitals is the country, not the pronoun.
  const words = tokenize(question).map((word) => (word === 'US' ? 'USA' : word));
  const read = words.map((word) =>
    isStopWord(word)
      ? [{ terms: [stemWord(plainWord(word))], weight: 1 }]
      : readings(word, lexicon),
  );
  // Phrases are looked up in what the words are read as, so a typo inside one does not hide it.
  const stems = read.map((alternatives) => alternatives[0]?.terms.join('') ?? '');
  const concepts: Concept[] = [];
  for (let index = 0; index < words.length; ) {
    const word = words[index] ?? '';
    const phrase = synonymsAt(stems, index);
    if (phrase && phrase.length > 1) {
      const phraseWords = words.slice(index, index + phrase.length);
      const own = phraseWords
        .filter((each) => !isStopWord(each))
        .map((each) => stems[words.indexOf(each, index)] ?? '');
      concepts.push({
        words: phraseWords.join(' '),
        alternatives: uniqueAlternatives([
          ...(own.length > 0 ? [{ terms: own, weight: 1 }] : []),
          ...phrase.alternatives.map(({ terms, weight }) => ({
            terms,
            weight: weight * weights.synonym,
          })),
        ]),
        // "how much", "what time" ask for a kind of value; "New Year's Day" names a thing.
        weak: asksForValue.test(word) && phraseWords.every(isWeak),
      });
      index += phrase.length;
      continue;
    }
    const next = words[index + 1];
    if (!isStopWord(word) && next !== undefined && !isStopWord(next)) {
      const joined = joinCompound(word, next);
      const parts = [stems[index] ?? '', stems[index + 1] ?? ''];
      if (lexicon.frequency(joined) > 0 && !parts.every((part) => lexicon.frequency(part) > 0)) {
        concepts.push({
          words: `${word} ${next}`,
          alternatives: [
            { terms: [joined], weight: 1 },
            { terms: parts, weight: weights.compound },
          ],
          weak: false,
        });
        index += 2;
        continue;
      }
    }
    const plain = plainWord(word).replace(/'/g, '');
    if (isStopWord(word) || (plain.length < 2 && !/\d/.test(plain))) {
      index += 1;
      continue;
    }
    const synonyms = (phrase?.alternatives ?? []).map(({ terms, weight }) => ({
      terms,
      weight: weight * weights.synonym,
    }));
    concepts.push({
      words: word,
      // Synonyms are whole words already: only the question's own word gets its longer forms.
      alternatives: uniqueAlternatives([...widen(read[index] ?? [], lexicon), ...synonyms]),
      weak: isWeak(word),
    });
    index += 1;
  }
  const seen = new Set<string>();
  return concepts.filter((concept) => {
    const key = concept.alternatives[0]?.terms.join(' ') ?? concept.words;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
