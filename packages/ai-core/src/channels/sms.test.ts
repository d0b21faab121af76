import { describe, expect, it } from 'vitest';
import { renderForSms, smsChannel } from './sms';

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

  it('cuts a long text at a word boundary with an ellipsis', () => {
    const text = `${'word '.repeat(70)}end`;
    const sms = renderForSms(text);
    expect(sms.length).toBeLessThanOrEqual(320);
    expect(sms).toMatch(/^(?:word )+word…$/);
  });

  it('drops a URL that would be cut', () => {
    const url = 'https://example.com/a/very/long/path/to/your/order?id=1234567890';
    const text = `${'Thanks for your order. '.repeat(12)}Track it: ${url} thanks`;
    const sms = renderForSms(text);
    expect(sms.length).toBeLessThanOrEqual(320);
    expect(sms).not.toContain('https');
    expect(sms.endsWith('Track it…')).toBe(true);
  });

  it('keeps a URL that fits before the cut apart from the ellipsis', () => {
    const url = 'https://ex.com/t/1';
    const text = `${'x'.repeat(299)} ${url} and more words`;
    const sms = renderForSms(text);
    expect(sms).toBe(`${'x'.repeat(299)} ${url} …`);
    expect(sms.length).toBeLessThanOrEqual(320);
  });

  it('reads only the head of a very long answer, and marks that it was cut', () => {
    // 4 kB of markup that renders to nothing: the text after it is never read.
    const text = `Hello there.\n\n<div>\n${'<br>\n'.repeat(800)}</div>\n\nMore text.`;
    expect(renderForSms(text)).toBe('Hello there…');
    expect(renderForSms(`Hello.${' '.repeat(5000)}`)).toBe('Hello.');
  });

  it('cuts one long word without splitting an emoji', () => {
    const sms = renderForSms('👍🏽'.repeat(100));
    expect(sms.length).toBeLessThanOrEqual(320);
    expect(sms).toBe(`${'👍🏽'.repeat(79)}…`);
  });
});

describe('smsChannel', () => {
  it('is the sms channel rendered as plain text', () => {
    expect(smsChannel.name).toBe('sms');
    expect(smsChannel.maxSentences).toBeUndefined();
    expect(smsChannel.render('**Hi**')).toBe('Hi');
    expect(smsChannel.instructions).toMatch(/plain text/i);
  });
});
