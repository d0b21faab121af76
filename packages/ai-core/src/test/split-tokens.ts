/**
 * Splits text into word tokens as a model would stream them: each token is a word with the
 * whitespace before it, so `splitIntoTokens(text).join('')` is always `text`.
 *
 * @example
 * ```ts
 * splitIntoTokens('Hello there, you.') // ['Hello', ' there,', ' you.']
 * ```
 */
export function splitIntoTokens(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}
