import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitIntoTokens } from './split-tokens';

describe('splitIntoTokens', () => {
  it('splits on word boundaries and keeps the whitespace before each word', () => {
    expect(splitIntoTokens('Hello there,  you.\n')).toEqual(['Hello', ' there,', '  you.', '\n']);
    expect(splitIntoTokens('')).toEqual([]);
  });

  it('loses nothing: the tokens joined are the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', 'é') }), (text) => {
        const tokens = splitIntoTokens(text);
        expect(tokens.join('')).toBe(text);
        expect(tokens.every((token) => token.length > 0)).toBe(true);
      }),
    );
  });
});
