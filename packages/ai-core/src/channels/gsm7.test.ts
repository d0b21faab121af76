import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gsm7Septets,
  isGsm7,
  smsFitLength,
  smsSegmentCount,
  smsSize,
  toGsm7Punctuation,
} from './gsm7';

const basic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

describe('isGsm7 and gsm7Septets', () => {
  it('knows the 127 characters of the basic set, 1 septet each', () => {
    expect(Array.from(basic)).toHaveLength(127);
    expect(isGsm7(basic)).toBe(true);
    expect(gsm7Septets(basic)).toBe(127);
  });

  it('counts the extension table 2 septets a character', () => {
    expect(gsm7Septets('{}[]~\\|^€\f')).toBe(20);
    expect(gsm7Septets('5€ [ok]')).toBe(10);
  });

  it('rejects what GSM-7 lacks', () => {
    for (const character of [
      '`',
      '\t',
      'á',
      'ç',
      '’',
      '–',
      '…',
      '😊',
      'д',
      '中',
      '\u00a0',
      '\x1b',
    ]) {
      expect(isGsm7(character), character).toBe(false);
      expect(gsm7Septets(`a${character}`)).toBeUndefined();
    }
    expect(isGsm7('')).toBe(true);
  });
});

describe('smsSize and smsSegmentCount', () => {
  it('fits 160 septets in one GSM-7 segment and 153 in each of several', () => {
    expect(smsSize('')).toEqual({ encoding: 'gsm7', units: 0, segments: 0 });
    expect(smsSegmentCount('a'.repeat(160))).toBe(1);
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(smsSegmentCount('a'.repeat(306))).toBe(2);
    expect(smsSegmentCount('a'.repeat(459))).toBe(3);
    expect(smsSegmentCount('a'.repeat(460))).toBe(4);
    expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
  });

  it('fits 70 code units in one UCS-2 segment and 67 in each of several', () => {
    expect(smsSize('Hi 😊')).toEqual({ encoding: 'ucs2', units: 5, segments: 1 });
    expect(smsSegmentCount(`${'a'.repeat(69)}’`)).toBe(1);
    expect(smsSegmentCount(`${'a'.repeat(70)}’`)).toBe(2);
    expect(smsSegmentCount(`${'a'.repeat(200)}’`)).toBe(3);
    expect(smsSegmentCount(`${'a'.repeat(201)}’`)).toBe(4);
    // A surrogate pair counts 2: 35 emoji are 70 code units.
    expect(smsSize('😊'.repeat(35))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsSegmentCount('😊'.repeat(36))).toBe(2);
  });

  it('never splits an escape sequence or a surrogate pair between segments', () => {
    // 152 septets, then `€` would straddle the first boundary: it starts the second segment.
    expect(smsSegmentCount(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toBe(3);
    expect(smsSegmentCount(`${'a'.repeat(153)}€${'a'.repeat(151)}`)).toBe(2);
    // 67 is odd: a segment holds 33 emoji, so 100 emoji (200 code units) take 4.
    expect(smsSegmentCount('😊'.repeat(99))).toBe(3);
    expect(smsSegmentCount('😊'.repeat(100))).toBe(4);
  });
});

describe('smsFitLength', () => {
  it('is the longest start that fits, with room for a suffix', () => {
    expect(smsFitLength('a'.repeat(500), 3)).toBe(459);
    expect(smsFitLength('a'.repeat(500), 3, '...')).toBe(456);
    expect(smsFitLength('a'.repeat(100), 3, '...')).toBe(100);
    expect(smsFitLength('a'.repeat(500), 1)).toBe(160);
    expect(smsFitLength(`${'a'.repeat(100)}😊${'a'.repeat(400)}`, 3)).toBe(201);
    // GSM-7 up to the emoji, which does not fit once it makes the whole start UCS-2.
    expect(smsFitLength(`${'a'.repeat(300)}😊`, 3)).toBe(300);
    expect(smsFitLength('😊'.repeat(10), 3, '😊')).toBe(20);
    expect(smsFitLength('', 3)).toBe(0);
  });

  it('agrees with smsSegmentCount', () => {
    const unit = fc.constantFrom('a', ' ', '€', '{', '’', '😊', 'é', 'д');
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 520 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('', '...', ' …'),
        (text, maxSegments, suffix) => {
          const fit = smsFitLength(text, maxSegments, suffix);
          expect(smsSegmentCount(text.slice(0, fit) + suffix)).toBeLessThanOrEqual(maxSegments);
          const next = text.codePointAt(fit);
          if (next !== undefined) {
            const longer = text.slice(0, fit) + String.fromCodePoint(next) + suffix;
            expect(smsSegmentCount(longer)).toBeGreaterThan(maxSegments);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('toGsm7Punctuation', () => {
  it('maps typographic punctuation and spaces to GSM-7', () => {
    expect(toGsm7Punctuation('It’s “ready” – 9\u00a0a.m.…')).toBe('It\'s "ready" - 9 a.m....');
    expect(toGsm7Punctuation('‘a’ ‚b′ „c″ d—e‒f−g • h · i 2×3 ½ ©™')).toBe(
      "'a' 'b' \"c\" d-e-f-g - h - i 2x3 1/2 (C)TM",
    );
    expect(toGsm7Punctuation('a\u2009b\u202fc\u200bd\u00ade`f`')).toBe("a b cde'f'");
    expect(toGsm7Punctuation('≤ 5 → ≥ 3 ± 1')).toBe('<= 5 -> >= 3 +/- 1');
  });

  it('keeps letters, emoji and symbols without an equivalent', () => {
    const kept = 'Café crème, niño, ça, Ελλάδα, Москва, 東京, 20°C, ₹5 😊👍🏽';
    expect(toGsm7Punctuation(kept)).toBe(kept);
  });

  it('makes a Latin text with typographic punctuation GSM-7', () => {
    const typographic = fc.constantFrom(...'‘’‚′“”„″–—‒−…\u00a0\u2009\u202f•·×`'.split(''));
    const gsm7 = fc.constantFrom(...'aZ09 .,!?-\'"€{}\n'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(typographic, gsm7) }), (text) => {
        expect(isGsm7(toGsm7Punctuation(text))).toBe(true);
      }),
    );
  });
});
