import { isGsm7, smsSegmentCount } from '@org/ai-core';
import { describe, expect, it } from 'vitest';
import { operatorSegments, toOperatorTexts } from './operator-text';

/** The words of `text` (letters and digits), in order: what must never be lost. */
const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

describe('toOperatorTexts', () => {
  it('keeps a short message as one GSM-7 text', () => {
    expect(toOperatorTexts('  Hi, it’s Sam – “all sorted”…  ')).toEqual([
      'Hi, it\'s Sam - "all sorted"...',
    ]);
  });

  it('gives nothing for a message without words', () => {
    expect(toOperatorTexts('   ')).toEqual([]);
  });

  it('splits a long message at sentence ends, each text within 3 segments', () => {
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence number ${i + 1} is here.`);
    const texts = toOperatorTexts(sentences.join(' '));
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(smsSegmentCount(text)).toBeLessThanOrEqual(operatorSegments);
      expect(text).toMatch(/^Sentence number \d+ is here\..*\.$/);
    }
    expect(texts.join(' ')).toBe(sentences.join(' '));
  });

  it('splits at line breaks first', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `Line ${i + 1} ${'x'.repeat(60)}`);
    const texts = toOperatorTexts(lines.join('\n'));
    expect(texts.join('\n')).toBe(lines.join('\n'));
    for (const text of texts) expect(text.endsWith('x')).toBe(true);
  });

  it('never cuts inside a word or an emoji, and keeps every word of any message', () => {
    const pieces = ['word', 'longerword', 'é', '😊', '“quoted”', 'a.', 'b?', '\n', '–', '€'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 40; round++) {
      const count = 20 + Math.floor(random() * 300);
      const text = Array.from(
        { length: count },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join(' ');
      const texts = toOperatorTexts(text);
      for (const part of texts) {
        expect(smsSegmentCount(part)).toBeLessThanOrEqual(operatorSegments);
        expect(part).not.toMatch(/\uFFFD|[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
      }
      expect(wordsOf(texts.join(' '))).toEqual(wordsOf(text));
    }
  });

  it('cuts a message without spaces hard, still within 3 segments', () => {
    const texts = toOperatorTexts('a'.repeat(1000));
    expect(texts.map((text) => text.length)).toEqual([459, 459, 82]);
    expect(texts.every(isGsm7)).toBe(true);
  });
});
