import { boundText } from './bound-input';
import type { Channel } from './channel';
import { smsFitLength, smsSegmentCount, toGsm7Punctuation } from './gsm7';
import { type InlineStyle, markdownToBlocks, type TextBlock } from './markdown-to-text';
import { lineSegments } from './sentences';

/**
 * The most segments one SMS takes: 3 concatenated segments hold 459 septets of GSM-7 (153
 * each), or 201 UTF-16 code units of UCS-2 (67 each) once the text holds an emoji or another
 * character outside GSM-7.
 */
const maxSegments = 3;
/** How much of the answer is read at all (markdown parsing is superlinear on hostile input). */
const maxInput = 2000;
/** Ends a text cut inside its first sentence; three dots, since `…` is not GSM-7. */
const ellipsis = '...';
const atomic = /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+|(?<!\S)\S+@\S+/gi;
const address = /(?:https?|ftp):\/\/|www\.|@/i;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const hasLetter = /\p{L}/u;
const hasContent = /[\p{L}\p{N}]/u;
const endsSentence = /[.!?]["')\]]*$/;

const normalise = (address: string) =>
  address
    .toLowerCase()
    .replace(/^(?:https?:\/\/|mailto:)?(?:www\.)?/, '')
    .replace(/(?<!\/)\/+$/, '');

const smsStyle: InlineStyle = {
  link: (label, href, literal) => {
    const text = label.trim();
    if (literal) return label;
    if (text === '') return href;
    return normalise(text) === normalise(href) ? href : `${text} (${href})`;
  },
  image: (alt, href) => (alt.trim() === '' ? href : `${alt.trim()} (${href})`),
  codespan: (code) => code,
};

function lineOf(block: TextBlock, text: string): string {
  return block.number === undefined ? text : `${block.number}) ${text}`;
}

/** The start of the grapheme (e.g. a whole emoji) that `index` falls in. */
function graphemeStart(text: string, index: number): number {
  let start = 0;
  for (const segment of graphemes.segment(text)) {
    if (segment.index > index) break;
    start = segment.index;
  }
  return start;
}

/** The last word of `text`. */
const lastWord = (text: string) => text.slice(text.search(/(?<!\S)\S*$/));

/** Where each URL or email of `text` before `end` (and the one `end` falls in) starts and ends. */
function atomicSpans(text: string, end: number): { start: number; end: number }[] {
  // Read on to the end of the word at `end`, so that an email whose `@` comes later is found.
  const wordEnd = text.slice(end).search(/\s/);
  const scanned = wordEnd < 0 ? text : text.slice(0, end + wordEnd);
  return Array.from(scanned.matchAll(atomic), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** `text` cut to at most `limit` characters at a word boundary, never inside a URL or email. */
function headOf(text: string, limit: number): string {
  let cut = limit;
  for (const span of atomicSpans(text, cut)) {
    if (span.start < cut && span.end > cut) cut = span.start;
  }
  if (/\S/.test(text[cut] ?? ' ') && /\S/.test(text[cut - 1] ?? ' ')) {
    const space = text.slice(0, cut).search(/\s\S*$/);
    cut = space >= 0 ? space : graphemeStart(text, cut);
  }
  const head = text.slice(0, cut).trimEnd();
  return address.test(lastWord(head)) ? head : head.replace(/(?<![\s,;:.(-])[\s,;:.(-]+$/, '');
}

/**
 * Where the sentences of `text` that start before `limit` end, in order, as `splitSentences`
 * finds them: after each sentence with letters but the last of its line (a trailing part
 * without letters, such as `9-5`, stays with the sentence before it), and at the end of each
 * line with letters or digits (a heading, a list item, a paragraph).
 */
function sentenceEnds(text: string, limit: number): number[] {
  const ends: number[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (lineStart > limit) break;
    if (hasContent.test(line)) {
      let previous: number | undefined;
      for (const { segment, index } of lineSegments(line)) {
        if (!hasLetter.test(segment)) continue;
        if (previous !== undefined) ends.push(previous);
        previous = lineStart + index + segment.trimEnd().length;
      }
      ends.push(lineStart + line.trimEnd().length);
    }
    lineStart += line.length + 1;
  }
  return ends;
}

/**
 * The end of the last complete sentence of `text` within its first `limit` characters, or 0.
 * A sentence end inside a URL or email does not count (`?` in a query string), nor one after a
 * colon (it announces what was cut), nor, when the text was cut before it was read (`more`),
 * the end of the text unless it ends with `.`, `!` or `?`.
 */
function sentenceCut(text: string, limit: number, more: boolean): number {
  const spans = atomicSpans(text, limit);
  let span = 0;
  let cut = 0;
  for (const end of sentenceEnds(text, limit)) {
    if (end > limit) break;
    while ((spans[span]?.end ?? Number.POSITIVE_INFINITY) < end) span++;
    const current = spans[span];
    if (current && current.start < end && end < current.end) continue;
    if (text[end - 1] === ':') continue;
    if (more && end === text.length && !endsSentence.test(text.slice(-20))) continue;
    cut = end;
  }
  return cut;
}

/**
 * Cuts `text` to `maxSegments` segments: after its last complete sentence that fits, or, when
 * not even the first one does (or `more` follows a text without one), at a word boundary with
 * `...`. A URL or email is never cut: it is dropped when it does not fit, and kept apart from the
 * `...` so that phones still link it whole.
 */
function truncate(text: string, more: boolean): string {
  if (!more && smsSegmentCount(text) <= maxSegments) return text;
  const sentences = sentenceCut(text, smsFitLength(text, maxSegments), more);
  if (sentences > 0) return text.slice(0, sentences);
  let head = headOf(text, smsFitLength(text, maxSegments, ellipsis));
  while (address.test(lastWord(head))) {
    const apart = `${head} ${ellipsis}`;
    if (smsSegmentCount(apart) <= maxSegments) return apart;
    head = headOf(text, head.length - lastWord(head).length);
  }
  return `${head}${ellipsis}`;
}

/**
 * `text` as the plain lines of an SMS, before any cut: markdown removed (a link becomes
 * `label (url)`, or just the URL when the label is the URL), list items on their own lines
 * (numbered ones as `1) ...`), spaces collapsed, control characters removed and typographic
 * punctuation made GSM-7 by {@link toGsm7Punctuation}. Reads all of `text`.
 *
 * @example
 * ```ts
 * smsPlainText('**It’s here!**\n\n1. Open it') // "It's here!\n1) Open it"
 * ```
 */
export function smsPlainText(text: string): string {
  const lines: string[] = [];
  for (const block of markdownToBlocks(text, smsStyle)) {
    toGsm7Punctuation(block.text)
      .split('\n')
      .forEach((line, i) => {
        const plain = line
          .replace(/\s+/g, ' ')
          .replace(/\p{Cc}/gu, '')
          .trim();
        if (plain !== '') lines.push(i === 0 ? lineOf(block, plain) : plain);
      });
  }
  return lines.join('\n');
}

/**
 * Renders a model's answer as one SMS: plain text ({@link smsPlainText}: no markdown, URLs kept
 * verbatim, list items on their own lines, emoji kept), with typographic quotes, dashes, `…` and
 * spaces made GSM-7 so that a Latin-script text keeps 153 characters per segment, and at most 3
 * segments (459 GSM-7 septets, where `€ { } [ ] ~ \ | ^` count 2, or 201 UTF-16 code units once
 * an emoji or other character outside GSM-7 makes it UCS-2). A longer text ends after its last
 * complete sentence that fits; only when even the first does not fit is it cut at a word
 * boundary and ends with `...`. A URL or email is never cut (it is dropped when it does not fit),
 * nor is an emoji. Only the first 2,000 characters of the answer are read.
 *
 * @example
 * ```ts
 * renderForSms('**Order shipped!** It’s on its way – track it [here](https://ex.com/t/1).')
 * // "Order shipped! It's on its way - track it here (https://ex.com/t/1)."
 * ```
 */
export function renderForSms(text: string): string {
  const head = boundText(text, maxInput);
  return truncate(smsPlainText(head), head.length < text.trimEnd().length);
}

/**
 * The built-in SMS channel: short plain-text answers, rendered by {@link renderForSms} into one
 * SMS of at most 3 segments.
 *
 * @example
 * ```ts
 * const reply = await assistant.reply({ conversationId: phoneNumber, channel: 'sms', text })
 * await sendSms(phoneNumber, reply.text)
 * ```
 */
export const smsChannel: Channel = {
  name: 'sms',
  instructions: [
    'You are answering by SMS text message.',
    'Keep it short: at most two or three sentences, well under 300 characters.',
    'Use plain text only: no markdown, no headings, no bold, no tables.',
    'Avoid emoji: one emoji makes the whole text message take more than twice the space.',
    'Write links as the plain URL.',
  ].join(' '),
  render: renderForSms,
  handoff: {
    started: "I'll connect you with a colleague from our team. They'll text you back here shortly.",
    unavailable: 'Nobody from our team is available right now.',
    callback: "I've passed your request on, and someone will get back to you as soon as they can.",
  },
};
