import { completeSentenceCount, renderForVoice, splitSentences } from '@org/ai-core';

/** Options for {@link createSentenceFeed}. */
export type SentenceFeedOptions = {
  /** How the channel renders the model's text. Default: ai-core's `renderForVoice`. */
  render?: (text: string) => string;
  /** The most sentences a reply has (the voice channel cuts after 2). */
  maxSentences?: number;
  /** A first piece shorter than this waits for the next sentence ("Sure!" alone costs a TTS round trip). */
  minFirstChars?: number;
};

/** Sentences of a reply as the model streams it, rendered for speech, each once. */
export type SentenceFeed = {
  /** Adds a text delta; returns the sentences that are now certainly complete, in order. */
  push(delta: string): string[];
  /** The rest of `reply` (the final rendered reply) after what was already handed out. */
  finish(reply: string): string[];
};

/**
 * Splits a streamed answer into speakable sentences as soon as each is complete (a sentence is
 * complete once text after it has started: `9.` may still become `9.30`), so that the caller
 * hears the first sentence while the model writes the second. voice-latency.md §5 point 7.
 */
export function createSentenceFeed(options: SentenceFeedOptions = {}): SentenceFeed {
  const render = options.render ?? renderForVoice;
  const maxSentences = options.maxSentences ?? 2;
  const minFirstChars = options.minFirstChars ?? 20;
  let raw = '';
  let handedOut = 0;
  let boundarySeen = false;

  return {
    push(delta) {
      raw += delta;
      // Rendering is the cost: only look again once words follow a possible sentence end.
      const checkNow = boundarySeen && /\S/.test(delta);
      boundarySeen = /[.!?:;\n]/.test(delta) || (boundarySeen && !checkNow);
      if (!checkNow || handedOut >= maxSentences) return [];
      const rendered = render(raw);
      const complete = Math.min(completeSentenceCount(rendered), maxSentences);
      if (complete <= handedOut) return [];
      const ready = splitSentences(rendered).slice(handedOut, complete);
      // The first piece is spoken alone only when it is long enough to be worth a TTS request.
      if (handedOut === 0 && complete < maxSentences && ready.join(' ').length < minFirstChars) {
        return [];
      }
      handedOut = complete;
      return [ready.join(' ')];
    },
    finish(reply) {
      const sentences = splitSentences(reply);
      const rest = sentences.slice(handedOut);
      handedOut = sentences.length;
      return rest.length > 0 ? [rest.join(' ')] : [];
    },
  };
}
