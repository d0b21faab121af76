import { renderForSms, smsSegmentCount } from '@org/ai-core';

/** The most segments one text of an operator's message takes, as for the assistant's replies. */
export const operatorSegments = 3;

/** Where a sentence ends: after `.`, `!` or `?` (and a closing quote or bracket), before a space. */
const sentenceEnd = /[.!?]["')\]]*(?=\s)/g;

/** The longest start of `text` that fits in `maxSegments` (segment counts grow with length). */
function fitLength(text: string, maxSegments: number): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (smsSegmentCount(text.slice(0, middle)) <= maxSegments) low = middle;
    else high = middle - 1;
  }
  // Never between the two halves of a surrogate pair (an emoji).
  const code = text.charCodeAt(low - 1);
  return code >= 0xd800 && code <= 0xdbff ? low - 1 : low;
}

/** Where to cut `text` within its first `limit` characters: a line, else a sentence, else a word. */
function cutAt(text: string, limit: number): number {
  const head = text.slice(0, limit + 1);
  // A break too near the start would make many short texts: only in the second half of a part.
  const floor = Math.floor(limit / 2);
  const line = head.lastIndexOf('\n');
  if (line > floor) return line;
  const sentence = Array.from(head.matchAll(sentenceEnd)).findLast(
    (match) => match.index + match[0].length <= limit,
  );
  if (sentence && sentence.index + sentence[0].length > floor) {
    return sentence.index + sentence[0].length;
  }
  const space = head.search(/\s\S*$/);
  return space > 0 ? space : limit;
}

/**
 * An operator's message as the texts it is sent in, in order: each rendered for SMS by
 * `renderForSms` (plain text, typographic punctuation made GSM-7) and at most
 * {@link operatorSegments} segments. Unlike an assistant's answer, nothing a person wrote is
 * dropped: a longer message is split at line, sentence or word boundaries. Each part is cut
 * before it is rendered, which only ever shortens it, so `renderForSms` cuts nothing more.
 *
 * @example
 * ```ts
 * toOperatorTexts('Hi, it’s Sam – your order left today.') // ["Hi, it's Sam - your order left today."]
 * ```
 */
export function toOperatorTexts(text: string): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest !== '' && smsSegmentCount(rest) > operatorSegments) {
    const cut = Math.max(1, cutAt(rest, fitLength(rest, operatorSegments)));
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).trim();
  }
  if (rest !== '') parts.push(rest);
  return parts.map(renderForSms).filter((part) => part.trim() !== '');
}
