import { describe, expect, it } from 'vitest';
import { smsSegmentCount, smsSize } from './gsm7';
import { renderForSms, smsChannel, smsPlainText } from './sms';

describe('renderForSms', () => {
  it('removes markdown, keeps URLs and emoji, and puts list items on lines', () => {
    const answer = [
      '## Your order 📦',
      '',
      'It **shipped** today. Track it [here](https://ex.com/t/1?a_b=2) or at https://ex.com/t/1.',
      '',
      '- Free returns',
      '- Help: `support@ex.com`',
      '',
      '1. Open the box',
      '2. Enjoy 🎉',
    ].join('\n');
    expect(renderForSms(answer)).toBe(
      [
        'Your order 📦',
        'It shipped today. Track it here (https://ex.com/t/1?a_b=2) or at https://ex.com/t/1.',
        'Free returns',
        'Help: support@ex.com',
        '1) Open the box',
        '2) Enjoy 🎉',
      ].join('\n'),
    );
  });

  it('writes a link labelled with its own URL once', () => {
    expect(renderForSms('[example.com/returns](https://www.example.com/returns/)')).toBe(
      'https://www.example.com/returns/',
    );
    expect(renderForSms('<https://ex.com/a>')).toBe('https://ex.com/a');
  });

  it('flattens tables and removes HTML', () => {
    expect(renderForSms('<p>Hours</p>\n\n| Day | Hours |\n|---|---|\n| Mon | 9-5 |')).toBe(
      'Hours\nMon: 9-5',
    );
  });

  it('leaves a short text alone', () => {
    expect(renderForSms('See you at 9am!')).toBe('See you at 9am!');
  });

  it('maps typographic punctuation to GSM-7, so a Latin text keeps 153 characters a segment', () => {
    const sms = renderForSms('It’s “ready” – pick it up at 9\u00a0a.m.… Café Ørsted, 5€ • £2');
    expect(sms).toBe('It\'s "ready" - pick it up at 9 a.m.... Café Ørsted, 5€ - £2');
    expect(smsSize(sms).encoding).toBe('gsm7');
  });

  it('keeps emoji and other scripts, and the text is then UCS-2', () => {
    const sms = renderForSms('Спасибо! We’re open 😊');
    expect(sms).toBe("Спасибо! We're open 😊");
    expect(smsSize(sms).encoding).toBe('ucs2');
  });

  it('ends a long text after its last complete sentence within 3 segments (459 septets)', () => {
    const sentence = 'Your parcel left our warehouse this morning. ';
    const sms = renderForSms(
      `${sentence.repeat(9)}${'We will text you again when it arrives. '.repeat(3)}`,
    );
    expect(sms).toBe(`${sentence.repeat(9)}We will text you again when it arrives.`.trim());
    expect(smsSize(sms)).toEqual({ encoding: 'gsm7', units: 444, segments: 3 });
  });

  it('counts extension characters as 2 septets', () => {
    // 28 characters but 31 septets a sentence: 14 fit, where counting characters would let 16 in.
    const sentence = 'Use code {SAVE} for 5€ off. ';
    const sms = renderForSms(sentence.repeat(20));
    expect(sms).toBe(sentence.repeat(14).trim());
    expect(smsSize(sms)).toEqual({ encoding: 'gsm7', units: 433, segments: 3 });
  });

  it('holds a UCS-2 text to 201 code units', () => {
    const sms = renderForSms('Thanks for your order 😊 See you soon. '.repeat(10));
    expect(sms).toBe('Thanks for your order 😊 See you soon. '.repeat(5).trim());
    expect(smsSize(sms)).toEqual({ encoding: 'ucs2', units: 194, segments: 3 });
  });

  it('never ends on a line that announces what was cut', () => {
    const items = Array.from({ length: 40 }, (_, i) => `- Item number ${i + 1} of the list`);
    const sms = renderForSms(`Your order is ready.\n\nIt holds:\n\n${items.join('\n')}`);
    expect(sms.split('\n').slice(0, 3)).toEqual([
      'Your order is ready.',
      'It holds:',
      'Item number 1 of the list',
    ]);
    expect(sms.endsWith('of the list')).toBe(true);
    expect(smsSegmentCount(sms)).toBeLessThanOrEqual(3);
    expect(
      renderForSms(`Your order is ready.\nHere is how to track it:\n${'word '.repeat(100)}`),
    ).toBe('Your order is ready.');
  });

  it('cuts at a word boundary with ... only when the first sentence does not fit', () => {
    const sms = renderForSms(`${'word '.repeat(120)}end. Short one.`);
    expect(sms).toMatch(/^(?:word )+word\.\.\.$/);
    expect(smsSize(sms)).toEqual({ encoding: 'gsm7', units: 457, segments: 3 });
  });

  it('does not take a ? inside a URL for the end of a sentence', () => {
    const url = 'https://ex.com/track?id=1234567890';
    const sms = renderForSms(`See ${url} for details ${'and more words '.repeat(40)}`);
    expect(sms.startsWith(`See ${url} for details and more words`)).toBe(true);
    expect(sms.endsWith('...')).toBe(true);
  });

  it('drops a URL that would be cut', () => {
    const url = 'https://example.com/a/very/long/path/to/your/order?id=1234567890';
    const text = `${'Thanks for your order and '.repeat(16)}track it: ${url} thanks`;
    const sms = renderForSms(text);
    expect(smsSegmentCount(sms)).toBeLessThanOrEqual(3);
    expect(sms).not.toContain('https');
    expect(sms.endsWith('track it...')).toBe(true);
  });

  it('keeps a URL that fits before the cut apart from the ellipsis', () => {
    const url = 'https://ex.com/t/1';
    const text = `${'x'.repeat(436)} ${url} and more words`;
    const sms = renderForSms(text);
    expect(sms).toBe(`${'x'.repeat(436)} ${url} ...`);
    expect(smsSegmentCount(sms)).toBe(3);
  });

  it('reads only the head of a very long answer, and ends it at a complete sentence', () => {
    // 4 kB of markup that renders to nothing: the text after it is never read.
    const text = `Hello there.\n\n<div>\n${'<br>\n'.repeat(800)}</div>\n\nMore text.`;
    expect(renderForSms(text)).toBe('Hello there.');
    expect(renderForSms(`Hello there, how${'\n'.repeat(2000)}are you?`)).toBe(
      'Hello there, how...',
    );
    expect(renderForSms(`Hello.${' '.repeat(5000)}`)).toBe('Hello.');
  });

  it('cuts one long word without splitting an emoji', () => {
    const sms = renderForSms('👍🏽'.repeat(100));
    expect(sms).toBe(`${'👍🏽'.repeat(49)}...`);
    expect(smsSize(sms)).toEqual({ encoding: 'ucs2', units: 199, segments: 3 });
  });
});

describe('smsChannel', () => {
  it('is the sms channel rendered as plain text', () => {
    expect(smsChannel.name).toBe('sms');
    expect(smsChannel.maxSentences).toBeUndefined();
    expect(smsChannel.render('**Hi**')).toBe('Hi');
    expect(smsChannel.instructions).toMatch(/plain text/i);
    expect(smsChannel.instructions).toMatch(/two or three sentences/i);
  });
});

describe('smsPlainText', () => {
  it('renders all of the text as plain GSM-7 lines, uncut', () => {
    expect(smsPlainText('**It’s here!**\n\n1. Open it\n2. Enjoy\u0007')).toBe(
      "It's here!\n1) Open it\n2) Enjoy",
    );
    expect(smsPlainText('a. '.repeat(300))).toHaveLength(899);
  });
});
