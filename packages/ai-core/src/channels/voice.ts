import { withoutFencedCode } from './bound-input';
import type { Channel } from './channel';
import { type InlineStyle, markdownToBlocks } from './markdown-to-text';
import { makeSpeakable } from './speakable';

const endsSentence = /[.!?…:;]["'”’)]*$/u;
/**
 * How much of an answer (without its code blocks) is read: plenty for the two sentences a caller
 * hears, and a bound on the work, since parsing markdown is superlinear on hostile input.
 */
const maxInput = 4000;
const wordyCode = /^[\p{L}\p{N}][\p{L}\p{N} .,'’!?-]*$/u;

const voiceStyle: InlineStyle = {
  link: (label, href) => (label.trim() === '' ? href : label),
  image: () => '',
  codespan: (code) => (code.length <= 40 && wordyCode.test(code) ? code : ''),
};

/**
 * Renders a model's answer for text-to-speech, deterministically, whatever the model produced:
 * markdown is read with marked and removed (links become their label, a list becomes one sentence
 * with its items apart by semicolons, headings and table rows become sentences, code blocks are
 * dropped), no emoji, HTML or raw URL remains
 * (`https://www.example.com/returns` → `example dot com`), and prices, percentages, times,
 * ranges and phone numbers are made speakable. The result is one trimmed line, and rendering
 * it again changes nothing. Only the first 4,000 characters outside code blocks are read.
 *
 * @example
 * ```ts
 * renderForVoice('## Hours\n- **Mon–Fri**: 9:00–18:00\n- Call +1 (555) 123-4567 😊')
 * // 'Hours. Monday to Friday: 9 AM to 6 PM; Call plus 1, 5 5 5, 1 2 3, 4 5 6 7.'
 * ```
 */
export function renderForVoice(text: string): string {
  const lines: { text: string; kind: string }[] = [];
  for (const block of markdownToBlocks(withoutFencedCode(text, maxInput), voiceStyle)) {
    if (block.kind === 'code') continue;
    for (const line of block.text.split('\n')) {
      const spoken = makeSpeakable(line);
      if (spoken !== '') lines.push({ text: spoken, kind: block.kind });
    }
  }
  // A list is spoken as one sentence (items apart by pauses), so that the two-sentence cut keeps
  // a whole list of opening hours rather than its first item.
  const merged: { parts: string[]; kind: string }[] = [];
  for (const line of lines) {
    const previous = merged.at(-1);
    if (line.kind === 'item' && previous?.kind === 'item') previous.parts.push(line.text);
    else merged.push({ parts: [line.text], kind: line.kind });
  }
  const sentences = merged.map(({ parts, kind }, i) => {
    const line = parts
      .map((part, j) => (j < parts.length - 1 ? part.replace(/(?<![.;,])[.;,]+$/u, '') : part))
      .join('; ');
    return endsSentence.test(line) || (i === merged.length - 1 && kind === 'paragraph')
      ? line
      : `${line}.`;
  });
  // Once more over the whole line, to a fixed point: that is what makes rendering idempotent.
  let spoken = sentences.join(' ');
  for (let pass = 0; pass < 4; pass++) {
    const next = makeSpeakable(spoken);
    if (next === spoken) break;
    spoken = next;
  }
  return spoken;
}

/**
 * The built-in voice channel: the caller is listening on a phone, so answers are at most two
 * short sentences, and {@link renderForVoice} makes them safe for text-to-speech.
 *
 * @example
 * ```ts
 * const reply = await assistant.reply({ conversationId: callId, channel: 'voice', text })
 * await say(reply.text)
 * ```
 */
export const voiceChannel: Channel = {
  name: 'voice',
  instructions: [
    'The user is LISTENING to you on a phone call, not reading.',
    'Answer in at most two short sentences.',
    'Use no formatting at all: no markdown, no lists, no headings, no emoji and no URLs.',
    'Spell numbers the way you would say them: "nine AM", "nineteen dollars ninety-nine", ' +
      'and say a website as its domain, like "example dot com".',
  ].join(' '),
  render: renderForVoice,
  maxSentences: 2,
  handoff: {
    started: "I'll connect you with a colleague. Please stay on the line.",
    unavailable: 'Sorry, nobody from our team is free right now.',
    callback: "I've asked them to call you back as soon as they can.",
    contact: false,
  },
};
