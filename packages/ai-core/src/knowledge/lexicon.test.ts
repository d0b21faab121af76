import { describe, expect, it } from 'vitest';
import { combineLexicons, createLexicon } from './lexicon';
import { termsOf } from './terms';

const lexiconOf = (...texts: string[]) =>
  createLexicon(texts.map((text) => new Set(termsOf(text))));

describe('createLexicon', () => {
  const lexicon = lexiconOf(
    'Students get a discount with their membership.',
    'Members get a discount on every order.',
  );

  it('counts the passages that contain a term', () => {
    expect(lexicon.passageCount).toBe(2);
    expect(lexicon.frequency('discount')).toBe(2);
    expect(lexicon.frequency('student')).toBe(1);
    expect(lexicon.frequency('refund')).toBe(0);
  });

  it('finds the known terms nearest to a typo of five letters or more', () => {
    expect(lexicon.nearest('discont')).toEqual({ terms: ['discount'], distance: 1 });
    expect(lexicon.nearest('membrship').terms).toEqual(['membership']);
    // Two edits only from eight letters on.
    expect(lexicon.nearest('studnt').terms).toEqual(['student']);
    expect(lexicon.nearest('stdnt').terms).toEqual([]);
  });

  it('corrects neither known nor short terms', () => {
    expect(lexicon.nearest('discount').terms).toEqual([]);
    expect(lexicon.nearest('ordr').terms).toEqual([]);
  });

  it('extends a term of five letters or more to known longer ones', () => {
    expect(lexicon.extensions('member')).toEqual(['membership']);
    expect(lexicon.extensions('disc')).toEqual([]);
  });
});

describe('combineLexicons', () => {
  it('reads several lexicons as one', () => {
    const combined = combineLexicons([
      lexiconOf('gift cards'),
      lexiconOf('gift wrapping', 'cards'),
    ]);
    expect(combined.passageCount).toBe(3);
    expect(combined.frequency('gift')).toBe(2);
    expect(combined.nearest('wrapz').terms).toEqual(['wrap']);
    expect(combined.nearest('gift').terms).toEqual([]);
  });
});
