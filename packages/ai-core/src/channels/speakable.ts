import { speakNumbers } from './spoken-numbers';
import { speakWeb } from './spoken-web';

// Emoji pieces one code point at a time: pictographs, flags, skin tones, variation selectors,
// zero-width joiners, keycaps and tag characters.
const emoji =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}]|[\u{FE00}-\u{FE0F}]|\u200D|\u20E3|[\u{E0020}-\u{E007F}]/gu;

const abbreviations: [RegExp, string][] = [
  [/\be\.g\.?(?!\w)/g, 'for example'],
  [/\bE\.g\.?(?!\w)/g, 'For example'],
  [/\bi\.e\.?(?!\w)/g, 'that is'],
  [/\bI\.e\.?(?!\w)/g, 'That is'],
  [/\bvs\.?(?!\w)/g, 'versus'],
  [/\bapprox\.?(?!\w)/g, 'approximately'],
];

// Model output is untrusted: every pattern below is linear. A pattern that starts with a run
// (`\s*`, `[,;:]+`) is anchored by a lookbehind at the start of that run, so that after failing
// there it is not retried from every later position inside the run (which is quadratic).

/** Replaces the symbols text-to-speech reads aloud or stumbles on by words or spaces. */
function replaceSymbols(text: string): string {
  return text
    .replace(emoji, ' ')
    .replace(/^\s*[•·▪◦‣∙]\s*/, '')
    .replace(/(?<!\s)\s*(?:->|=>|→)\s*/g, ' to ')
    .replace(/&/g, ' and ')
    .replace(/#(?=\s?\d)/g, ' number ')
    .replace(/~(?=\s?[$€£]?\d)/g, ' about ')
    .replace(/:\/\//g, ' ')
    .replace(/https?/gi, (word) => ` ${word.toUpperCase().split('').join(' ')} `)
    .replace(/www\./gi, (word) => `${word.slice(0, 3)} `)
    .replace(/@/g, ' at ')
    .replace(/(?<!\s)\s*\|\s*/g, ', ')
    .replace(/[*_`~#<>[\]\\{}•·▪◦‣∙]/g, ' ');
}

/** Dashes that are not ranges become pauses; spacing and punctuation are tidied. */
function tidy(text: string): string {
  return (
    text
      .replace(/(?<!\s)(?:\s*(?:[–—]|--+)\s*|\s+-\s+|\s+-$)|^-\s+/g, ', ')
      .replace(/\s+/g, ' ')
      .replace(/\(\s*\)/g, ' ')
      .replace(/\(\s+/g, '(')
      .replace(/(?<!\s)\s+([,.!?;:)])/g, '$1')
      .replace(/,(?:\s*,)+/g, ',')
      .replace(/(?<![,;:])[,;:]+(?=[.!?])/g, '')
      .replace(/([.!?])\s*[,;]/g, '$1')
      // Nothing that marked would read as a list marker may start the line.
      .replace(/^(?:[\s,;:.!?)+-]+|\d{1,9}[.)](?=\s|$))+/, '')
      .replace(/(?<![\s,;(-])[\s,;(-]+$/, '')
      .trim()
  );
}

/**
 * Turns one line of plain text (no markdown) into what text-to-speech should read: web
 * addresses spoken as domains, symbols and emoji removed, numbers, prices, times and phone
 * numbers made speakable, whitespace collapsed. The result is one trimmed line.
 */
export function makeSpeakable(text: string): string {
  let spoken = replaceSymbols(speakWeb(text.replace(/\s+/g, ' ')));
  for (const [pattern, words] of abbreviations) spoken = spoken.replace(pattern, words);
  return tidy(speakNumbers(speakWeb(spoken.replace(/\s+/g, ' '))));
}
