/**
 * How an utterance ends, read from its words alone (VoIPBin gives us text, no audio): a caller
 * who asked a question or said a full sentence is done; one who trails off ("and…", "so", "um",
 * a comma, digits of a number being read out) is still going. voice-latency.md §4.
 */
export type Ending = 'complete' | 'neutral' | 'trailing';

/** The quiet time each ending gets, in ms (see {@link quietTimeFor}). */
export type QuietTimes = {
  /** A question, a full sentence, a short answer. */
  completeQuietMs: number;
  /** Anything else (no punctuation, no telling sign). */
  quietMs: number;
  /** A conjunction, a filler, a comma, digits: the caller is most likely still going. */
  trailingQuietMs: number;
};

/** Words a finished utterance does not end on (stream2sentence's avoid-pause words, fillers). */
const trailingWords = new Set(
  (
    'and or but so because cause if although though unless until while whereas to of with for ' +
    'from at in on by about into than then the a an my your our their his her its this that these ' +
    'those some any is are was were am be can could will would should shall may might must do does ' +
    'did have has had just very really like um uh er erm hmm ah well also plus whether which who ' +
    'whose what when where how'
  ).split(' '),
);
/** Multi-word stalls: "you know", "let me think", "hold on", "one sec", "wait". */
const stalls =
  /\b(?:you know|i mean|let me (?:think|see|check)|hold on|one sec(?:ond)?|hang on|wait)\W*$/i;
/** Complete on their own, even without punctuation (models mis-score these: #6415). */
const shortAnswers = new Set(
  (
    'yes|no|yeah|yep|nope|okay|ok|sure|correct|right|exactly|thanks|thank you|that is right|' +
    "that's right|that's all|that is all|nothing else|no thanks|no thank you|goodbye|bye|bye bye|" +
    'perfect|great|fine|please'
  ).split('|'),
);
const questionStart =
  /^(?:what|when|where|who|whom|whose|which|why|how|do|does|did|is|are|was|were|can|could|will|would|should|shall|may|might|have|has|had)\b/i;

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Reads how `utterance` ends. */
export function endingOf(utterance: string): Ending {
  const text = utterance.trim();
  if (text === '') return 'neutral';
  // A comma, dash or ellipsis at the end: mid-thought.
  if (/(?:,|;|:|-|–|—|\.\.\.|…)$/u.test(text)) return 'trailing';
  if (stalls.test(text)) return 'trailing';
  const words = normalize(text).split(' ');
  const last = words.at(-1) ?? '';
  // Digits being read out (a phone number, an order number) go on after a pause.
  if (/\d$/.test(text) && !/[.?!]$/.test(text)) return 'trailing';
  if (shortAnswers.has(normalize(text))) return 'complete';
  if (trailingWords.has(last)) return 'trailing';
  if (/[?!.]["')\]]*$/.test(text)) return 'complete';
  // No punctuation from speech-to-text: a question with its object said is complete.
  if (questionStart.test(text) && words.length >= 3) return 'complete';
  return 'neutral';
}

/**
 * The quiet time after the caller's words before they become a turn: short when the utterance
 * sounds finished, long when it trails off.
 *
 * @example
 * ```ts
 * quietTimeFor('What time do you open on Sunday?', times) // times.completeQuietMs
 * quietTimeFor('I wanted to ask about, um', times)        // times.trailingQuietMs
 * ```
 */
export function quietTimeFor(utterance: string, times: QuietTimes): number {
  switch (endingOf(utterance)) {
    case 'complete':
      return times.completeQuietMs;
    case 'trailing':
      return times.trailingQuietMs;
    default:
      return times.quietMs;
  }
}
