/** One `say` of an answer, and when the caller heard it (estimated: VoIPBin reports no playback end). */
export type SpokenPart = {
  text: string;
  /** When it started playing (epoch ms): after what was queued before it. */
  start: number;
  /** When it finished playing. */
  end: number;
};

/**
 * What the caller heard of an answer cut off at `at`: the parts that finished playing, and
 * the one playing cut at the last whole word, rounded down (voice-latency.md §5 point 9).
 * Nothing when the cut came before the first part started.
 *
 * @example
 * ```ts
 * heardBy([{ text: 'We open at nine.', start: 0, end: 1000 }], 500) // 'We open'
 * ```
 */
export function heardBy(parts: readonly SpokenPart[], at: number): string {
  const heard: string[] = [];
  for (const part of parts) {
    if (part.end <= at) {
      heard.push(part.text);
      continue;
    }
    if (part.start < at) {
      const share = (at - part.start) / (part.end - part.start);
      const head = part.text.slice(0, Math.floor(part.text.length * share));
      // Only whole words: the word being said when the caller cut in is not counted.
      const words =
        part.text.startsWith(head) && /\s/.test(part.text[head.length] ?? ' ')
          ? head
          : head.replace(/\s*\S*$/, '');
      if (words.trim() !== '') heard.push(words.trim());
    }
    break;
  }
  return heard.join(' ');
}
