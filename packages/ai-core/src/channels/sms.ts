import { boundText } from './bound-input';
import type { Channel } from './channel';
import { type InlineStyle, markdownToBlocks, type TextBlock } from './markdown-to-text';

/**
 * The longest SMS the renderer produces, in characters: 3 concatenated GSM-7 segments (153
 * characters each), or 5 UCS-2 segments (67 each) once the text holds an emoji or other
 * character outside GSM-7.
 */
const maxLength = 320;
/** How much of the answer is read at all (markdown parsing is superlinear on hostile input). */
const maxInput = 2000;
const ellipsis = '…';
const atomic = /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+|(?<!\S)\S+@\S+/gi;
const address = /(?:https?|ftp):\/\/|www\.|@/i;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

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

/** `text` cut to at most `limit` characters at a word boundary, never inside a URL or email. */
function headOf(text: string, limit: number): string {
  let cut = limit;
  // Only what reaches the cut matters (and scanning all of a huge text would be slow).
  for (const match of text.slice(0, cut + 1).matchAll(atomic)) {
    if (match.index < cut && match.index + match[0].length > cut) cut = match.index;
  }
  if (/\S/.test(text[cut] ?? ' ') && /\S/.test(text[cut - 1] ?? ' ')) {
    const space = text.slice(0, cut).search(/\s\S*$/);
    cut = space >= 0 ? space : graphemeStart(text, cut);
  }
  const head = text.slice(0, cut).trimEnd();
  return address.test(lastWord(head)) ? head : head.replace(/(?<![\s,;:.(–—-])[\s,;:.(–—-]+$/u, '');
}

/**
 * Cuts `text` to `maxLength` ending with `…` (also when it fits but `more` follows it). A URL or
 * email is never cut: it is dropped when it does not fit, and kept apart from the `…` so that
 * phones still link it whole.
 */
function truncate(text: string, more: boolean): string {
  if (text.length <= maxLength && !more) return text;
  let head = headOf(text, Math.min(text.length, maxLength - ellipsis.length));
  while (address.test(lastWord(head))) {
    if (head.length + 1 + ellipsis.length <= maxLength) return `${head} ${ellipsis}`;
    head = headOf(text, head.length - lastWord(head).length);
  }
  return `${head}${ellipsis}`;
}

/**
 * Renders a model's answer as a plain-text SMS: markdown removed (a link becomes
 * `label (url)`, or just the URL when the label is the URL), URLs kept verbatim, list items on
 * their own lines (numbered ones as `1) ...`), emoji kept, and at most 320 characters: a longer
 * text is cut at a word boundary and ends with `…`, and a URL that does not fit is dropped.
 *
 * @example
 * ```ts
 * renderForSms('**Order shipped!** Track it [here](https://ex.com/t/1).')
 * // 'Order shipped! Track it here (https://ex.com/t/1).'
 * ```
 */
export function renderForSms(text: string): string {
  const head = boundText(text, maxInput);
  const lines: string[] = [];
  for (const block of markdownToBlocks(head, smsStyle)) {
    block.text.split('\n').forEach((line, i) => {
      const plain = line.replace(/[^\S\n]+/g, ' ').trim();
      if (plain !== '') lines.push(i === 0 ? lineOf(block, plain) : plain);
    });
  }
  return truncate(lines.join('\n'), head.length < text.trimEnd().length);
}

/**
 * The built-in SMS channel: short plain-text answers, rendered by {@link renderForSms}.
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
    'Write links as the plain URL.',
  ].join(' '),
  render: renderForSms,
};
