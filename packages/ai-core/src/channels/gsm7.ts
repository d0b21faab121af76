// The SMS alphabet (3GPP TS 23.038) and how carriers cut a text into segments: 160 septets in one
// GSM-7 segment, 153 per segment of a concatenated one (the header takes the rest); 70 and 67
// UTF-16 code units once a single character outside GSM-7 makes the whole text UCS-2.

/** The GSM-7 basic character set, without its escape code (0x1B). */
const basic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each character is sent as the escape code and its own, 2 septets. */
const extension = '\f^{}\\[~]|€';
const septetsOf = new Map<string, number>([
  ...Array.from(basic, (character): [string, number] => [character, 1]),
  ...Array.from(extension, (character): [string, number] => [character, 2]),
]);

/** Typographic characters and what a GSM-7 text says instead. */
const replacements: [characters: string, replacement: string][] = [
  ['‘’‚‛′‵‹›ʹʻʼˈ´`＇', "'"],
  ['“”„‟″‶«»＂', '"'],
  ['‐‑‒–—―−⁃﹘﹣－•‣◦∙·‧●▪', '-'],
  ['…', '...'],
  ['\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007', ' '],
  ['\u2008\u2009\u200a\u202f\u205f\u3000', ' '],
  ['\u2028\u2029', '\n'],
  ['\u00ad\u200b\u2060\ufeff', ''],
  ['×✕', 'x'],
  ['÷⁄∕', '/'],
  ['∗⁎', '*'],
  ['ˆ', '^'],
  ['˜∼≈', '~'],
  ['≤', '<='],
  ['≥', '>='],
  ['≠', '!='],
  ['→', '->'],
  ['←', '<-'],
  ['↔', '<->'],
  ['⇒', '=>'],
  ['±', '+/-'],
  ['©', '(C)'],
  ['®', '(R)'],
  ['™', 'TM'],
  ['½', '1/2'],
  ['¼', '1/4'],
  ['¾', '3/4'],
];
const replacementOf = new Map(
  replacements.flatMap(([characters, replacement]) =>
    Array.from(characters, (character): [string, string] => [character, replacement]),
  ),
);
const replaceable = new RegExp(`[${[...replacementOf.keys()].join('')}]`, 'gu');

/** A text's SMS encoding: `gsm7` when every character is in the GSM-7 alphabet, else `ucs2`. */
export type SmsEncoding = 'gsm7' | 'ucs2';

/** How a carrier sends a text: see {@link smsSize}. */
export type SmsSize = {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
};

/** Single-segment and per-segment capacity of each encoding, in septets or UTF-16 code units. */
const capacity = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
} as const;

/**
 * Whether `text` can be sent in the GSM-7 alphabet (basic set and extension table).
 *
 * @example
 * ```ts
 * isGsm7('Café: 5€ {ok}') // true
 * isGsm7('It’s 5 😊') // false
 * ```
 */
export function isGsm7(text: string): boolean {
  for (const character of text) if (!septetsOf.has(character)) return false;
  return true;
}

/**
 * How many septets `text` takes in GSM-7 (an extension character such as `€`, `{` or `~` takes
 * 2), or `undefined` when it is not GSM-7.
 *
 * @example
 * ```ts
 * gsm7Septets('5€ [ok]') // 10
 * gsm7Septets('😊') // undefined
 * ```
 */
export function gsm7Septets(text: string): number | undefined {
  let total = 0;
  for (const character of text) {
    const septets = septetsOf.get(character);
    if (septets === undefined) return undefined;
    total += septets;
  }
  return total;
}

/** Where packing a text into segments has got to: segments begun, units in the last one, total. */
type Packing = { segments: number; used: number; total: number };

const emptyPacking = (): Packing => ({ segments: 0, used: 0, total: 0 });

/** Adds one character of `cost` units to `packing`, the way carriers fill segments. */
function pack(packing: Packing, cost: number, multi: number): void {
  // An escape sequence or a surrogate pair is never split between two segments.
  if (packing.segments === 0 || packing.used + cost > multi) {
    packing.segments++;
    packing.used = 0;
  }
  packing.used += cost;
  packing.total += cost;
}

/** The segment count of a packed text: one segment holds a little more than each of several. */
const segmentsOf = (packing: Packing, single: number) =>
  packing.total <= single ? Math.min(1, packing.total) : packing.segments;

/** What one character costs in `encoding`. */
const costOf = (character: string, encoding: SmsEncoding): number =>
  encoding === 'gsm7' ? (septetsOf.get(character) ?? 2) : character.length;

/**
 * The encoding of `text`, its length in that encoding's units (septets, or UTF-16 code units
 * for UCS-2, where a surrogate pair such as an emoji counts 2) and the number of segments a
 * carrier sends it in (0 for an empty text). Like carriers, it never splits an escape sequence
 * (`€`) or a surrogate pair between two segments.
 *
 * @example
 * ```ts
 * smsSize('a'.repeat(161)) // { encoding: 'gsm7', units: 161, segments: 2 }
 * smsSize('Hi 😊') // { encoding: 'ucs2', units: 5, segments: 1 }
 * ```
 */
export function smsSize(text: string): SmsSize {
  const encoding: SmsEncoding = isGsm7(text) ? 'gsm7' : 'ucs2';
  const { single, multi } = capacity[encoding];
  const packing = emptyPacking();
  for (const character of text) pack(packing, costOf(character, encoding), multi);
  return { encoding, units: packing.total, segments: segmentsOf(packing, single) };
}

/**
 * How many segments a carrier sends `text` in.
 *
 * @example
 * ```ts
 * smsSegmentCount('a'.repeat(160)) // 1
 * smsSegmentCount('😊'.repeat(36)) // 2
 * ```
 */
export function smsSegmentCount(text: string): number {
  return smsSize(text).segments;
}

/** Whether a text packed as `packing`, followed by `suffix`, fits in `maxSegments`. */
function fitsWith(
  packing: Packing,
  suffix: string,
  encoding: SmsEncoding,
  maxSegments: number,
): boolean {
  const { single, multi } = capacity[encoding];
  const whole = { ...packing };
  for (const character of suffix) pack(whole, costOf(character, encoding), multi);
  return segmentsOf(whole, single) <= maxSegments;
}

/**
 * The length (in UTF-16 code units, never inside a surrogate pair) of the longest start of
 * `text` that, followed by `suffix`, fits in `maxSegments` segments. Reads `text` only up to
 * there, so it takes time linear in the result (times the length of `suffix`).
 *
 * @example
 * ```ts
 * smsFitLength('a'.repeat(500), 3) // 459
 * smsFitLength('a'.repeat(500), 3, '...') // 456
 * smsFitLength(`${'a'.repeat(100)}😊${'a'.repeat(400)}`, 3) // 201
 * ```
 */
export function smsFitLength(text: string, maxSegments: number, suffix = ''): number {
  const gsm7 = emptyPacking();
  const ucs2 = emptyPacking();
  let allGsm7 = isGsm7(suffix);
  let fit = 0;
  let length = 0;
  for (const character of text) {
    const septets = septetsOf.get(character);
    allGsm7 &&= septets !== undefined;
    if (allGsm7) pack(gsm7, septets ?? 2, capacity.gsm7.multi);
    pack(ucs2, character.length, capacity.ucs2.multi);
    length += character.length;
    // Once a start does not fit, no longer one does: a GSM-7 text that does not fit in GSM-7
    // does not fit in UCS-2 either, whose segments hold fewer characters.
    const fits =
      (allGsm7 && fitsWith(gsm7, suffix, 'gsm7', maxSegments)) ||
      fitsWith(ucs2, suffix, 'ucs2', maxSegments);
    if (!fits) break;
    fit = length;
  }
  return fit;
}

/**
 * `text` with its typographic punctuation and spaces replaced by their GSM-7 equivalents
 * (`’` → `'`, `“”` → `"`, `–—` → `-`, `…` → `...`, no-break and other spaces → a space, `•` → `-`,
 * `×` → `x`, `©` → `(C)`, zero-width spaces removed…), so that a text in a Latin script stays
 * GSM-7. Letters, emoji and other characters without an equivalent are kept.
 *
 * @example
 * ```ts
 * toGsm7Punctuation('It’s “ready” – 9\u00a0a.m.…') // 'It\'s "ready" - 9 a.m....'
 * ```
 */
export function toGsm7Punctuation(text: string): string {
  return text.replace(replaceable, (character) => replacementOf.get(character) ?? character);
}
