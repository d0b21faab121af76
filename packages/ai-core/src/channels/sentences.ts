const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const hasLetter = /\p{L}/u;
const hasContent = /[\p{L}\p{N}]/u;
const endsSentence = /[.!?…]["'”’)\]]*$/u;

/** Where one sentence sits in a text: `text.slice(start, end)` is the trimmed sentence. */
type SentenceSpan = { start: number; end: number };

/**
 * The sentences of `text` with their offsets. Each line is segmented with `Intl.Segmenter`, so
 * newlines (paragraphs, list items) always end a sentence. A segment without letters, such as
 * the `1.` of a numbered list item or a trailing `9-5`, is joined to its neighbour on the same
 * line; a line of symbols only (`---`, an emoji) is no sentence.
 */
function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const onLine: SentenceSpan[] = [];
    let pending: SentenceSpan | undefined;
    for (const { segment, index } of segmenter.segment(line)) {
      const trimmed = segment.trim();
      if (trimmed === '') continue;
      const start = lineStart + index + segment.indexOf(trimmed);
      const span = { start: pending?.start ?? start, end: start + trimmed.length };
      if (hasLetter.test(trimmed)) {
        onLine.push(span);
        pending = undefined;
      } else {
        pending = span;
      }
    }
    if (pending) {
      const last = onLine.at(-1);
      if (last) last.end = pending.end;
      else if (hasContent.test(text.slice(pending.start, pending.end))) onLine.push(pending);
    }
    spans.push(...onLine);
    lineStart += line.length + 1;
  }
  return spans;
}

/**
 * Splits a text into sentences with `Intl.Segmenter` (which keeps `$9.99`, `a.m.` and `Mon.`
 * whole). Newlines also end sentences, sentences are trimmed and empty ones dropped.
 *
 * @example
 * ```ts
 * splitSentences('We open at 9 a.m. on Monday. Call us!\n- Parking is free')
 * // ['We open at 9 a.m. on Monday.', 'Call us!', '- Parking is free']
 * ```
 */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map(({ start, end }) => text.slice(start, end));
}

/**
 * How many sentences of a text that is still streaming are certainly complete: a sentence
 * counts once text after it has started, or when it ends with terminal punctuation followed by
 * a newline. A last sentence that merely ends with a period may still go on (`9.` → `9.30`).
 *
 * @example
 * ```ts
 * completeSentenceCount('Hi there. We open at 9') // 1
 * completeSentenceCount('Hi. We open at 9. Closed') // 2
 * completeSentenceCount('Hi.') // 0
 * ```
 */
export function completeSentenceCount(text: string): number {
  const spans = sentenceSpans(text);
  const last = spans.at(-1);
  if (!last) return 0;
  const lastIsDone =
    endsSentence.test(text.slice(last.start, last.end)) && /^[^\S\n]*\n/.test(text.slice(last.end));
  return lastIsDone ? spans.length : spans.length - 1;
}

/**
 * The first `count` sentences of `text`, with the original spacing between them kept; when the
 * text has no more sentences than that, everything from its first sentence to its last one.
 *
 * @example
 * ```ts
 * takeSentences('Hi there.  We open at 9. Bye.', 2) // 'Hi there.  We open at 9.'
 * ```
 */
export function takeSentences(text: string, count: number): string {
  const spans = sentenceSpans(text);
  const first = spans[0];
  if (!first || count < 1) return '';
  const last = spans[Math.min(Math.floor(count), spans.length) - 1] ?? first;
  return text.slice(first.start, last.end);
}
