const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const hasLetter = /\p{L}/u;
const hasContent = /[\p{L}\p{N}]/u;
const endsSentence = /[.!?…]["'”’)\]]*$/u;

/**
 * The sentence segments of one line, as `Intl.Segmenter` finds them, read through windows of
 * about `window` characters: iterating the segments of one long string takes time quadratic in
 * their number (V8), so each window's segments but its last two are kept and the next window
 * starts at the one before last. The boundary before a window's last segment may be an artefact
 * of the window's end (`e.g. (` + `a`), but the one before that is followed by a terminator
 * inside the window, so it is the boundary the whole line has. A window with fewer than three
 * segments grows.
 */
export function* lineSegments(
  line: string,
  window = 1000,
): Generator<{ segment: string; index: number }> {
  let start = 0;
  let size = window;
  while (start < line.length) {
    const end = Math.min(line.length, start + size);
    const pieces = Array.from(segmenter.segment(line.slice(start, end)));
    const next = pieces.at(-2);
    if (end === line.length || !next || pieces.length < 3) {
      if (end < line.length) {
        size *= 2;
        continue;
      }
      for (const { segment, index } of pieces) yield { segment, index: start + index };
      return;
    }
    for (const { segment, index } of pieces.slice(0, -2)) yield { segment, index: start + index };
    start += next.index;
    size = window;
  }
}

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
    if (!hasContent.test(line)) {
      lineStart += line.length + 1;
      continue;
    }
    const onLine: SentenceSpan[] = [];
    let pending: SentenceSpan | undefined;
    for (const { segment, index } of lineSegments(line)) {
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
    for (const span of onLine) spans.push(span);
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
