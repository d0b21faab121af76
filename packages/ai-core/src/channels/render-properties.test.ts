import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGsm7, smsSize } from './gsm7';
import { renderForSms, smsPlainText } from './sms';
import { renderForVoice } from './voice';

const runs = { numRuns: 300 };
const timeout = 60_000;

const word = fc.constantFrom(
  'we',
  'open',
  'Monday',
  'returns',
  'order',
  'the',
  'store',
  'is',
  'closed',
  'Call',
  'free',
  'parking',
  'and',
  'at',
);
const url = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'https://www.'),
    fc.constantFrom('example.com', 'shop.co.uk', 'my-store.io'),
    fc.constantFrom('', '/returns', '/a_b/c?x=1&y=2', '/track/123-456', '/p/~home'),
  )
  .map((parts) => parts.join(''));
const special = fc.oneof(
  url,
  fc.constantFrom(
    '$19.99',
    '$20',
    '€5',
    '£1.01',
    'USD 5',
    '15%',
    '9:00',
    '18:30',
    '9am',
    '9 a.m.',
    '9:00–18:00',
    '9-5',
    'Mon–Fri',
    '+1 (555) 123-4567',
    '555-123-4567',
    '0800 123 456',
    '2024-05-01',
    'help@example.com',
    'www.example.com',
    'example.com/returns',
    '😊',
    '👨‍👩‍👧',
    '🇺🇸',
    '❤️',
    '&',
    'e.g.',
    '#12',
    '~5',
    '—',
    'a_b',
    '<br>',
    '&amp;',
  ),
);
const plainText = fc
  .array(fc.oneof(word, word, special), { minLength: 1, maxLength: 8 })
  .map((w) => w.join(' '));
const inline = fc.oneof(
  plainText,
  plainText.map((t) => `**${t}**`),
  plainText.map((t) => `*${t}*`),
  plainText.map((t) => `_${t}_`),
  fc.tuple(word, plainText).map(([w, t]) => `~~${w} ${t}~~`),
  plainText.map((t) => `<b>${t}</b>`),
  word.map((t) => `\`${t}\``),
  fc.constantFrom('`x = f(y)`', '`npm i`'),
  fc.tuple(plainText, url).map(([label, href]) => `[${label}](${href})`),
  url.map((href) => `[${href}](${href})`),
  url.map((href) => `<${href}>`),
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
const lines = (prefix: (i: number) => string) =>
  fc
    .array(line, { minLength: 1, maxLength: 4 })
    .map((items) => items.map((item, i) => `${prefix(i)}${item}`).join('\n'));
const block = fc.oneof(
  line,
  line.map((text) => `# ${text}`),
  line.map((text) => `### ${text}`),
  lines(() => '- '),
  lines(() => '* '),
  lines((i) => `${i + 1}. `),
  lines(() => '> '),
  lines(() => '- [ ] '),
  fc.constantFrom('---', '```js\nconst total = price * 2;\n```', '<div>\n<p>Hello</p>\n</div>'),
  fc
    .array(fc.tuple(plainText, plainText), { minLength: 1, maxLength: 3 })
    .map((rows) =>
      ['| Day | Hours |', '|---|---|', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n'),
    ),
);
const markdownDocument = fc
  .array(block, { minLength: 1, maxLength: 6 })
  .map((blocks) => blocks.join('\n\n'));
const symbolSoup = fc.string({
  unit: fc.constantFrom(...'ab Z09.:,$€%-–—*_#`~>|[]<>()!?@&+/\\\n\t😊\u200D\uFE0Fhtpsw'.split('')),
  maxLength: 40,
});
const numberSoup = fc
  .array(
    fc.oneof(
      special,
      fc.constantFrom(
        '9',
        '12',
        '555',
        '1234',
        '00',
        '.',
        ':',
        '-',
        '–',
        ',',
        ' ',
        '$',
        '%',
        '+',
        '(',
      ),
      fc.constantFrom(
        ')',
        'am',
        'pm',
        'a.m.',
        ' PM',
        'Mon',
        'Fri',
        'k',
        'USD',
        '#',
        '~',
        '@',
        'x.com',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const nastyCode = fc.constantFrom(
  '```\n# not a heading `<b>` **x** https://x.io\n```',
  '    indented *code*',
);
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  symbolSoup,
  numberSoup,
  markdownDocument,
  fc.tuple(markdownDocument, nastyCode).map((parts) => parts.join('\n\n')),
);

const forbidden = /[*_#`~>|[\]<]/;
const emoji = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200D|[\uFE00-\uFE0F]/u;

describe('renderForVoice properties', () => {
  it(
    'lets no markdown, URL, emoji or newline reach text-to-speech',
    () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const spoken = renderForVoice(text);
          expect(spoken).not.toMatch(forbidden);
          expect(spoken).not.toMatch(/http|www\./i);
          expect(spoken).not.toMatch(emoji);
          expect(spoken).not.toMatch(/[\r\n]/);
          expect(spoken).toBe(spoken.trim());
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'is idempotent',
    () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const once = renderForVoice(text);
          expect(renderForVoice(once)).toBe(once);
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'passes plain sentences through unchanged',
    () => {
      const sentence = fc
        .tuple(
          fc.constantFrom('We', 'Our store', 'The team', 'Parking'),
          fc.array(word, { maxLength: 6 }),
          fc.constantFrom('.', '!', '?'),
        )
        .map(([start, rest, end]) => `${[start, ...rest].join(' ')}${end}`);
      fc.assert(
        fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), (sentences) => {
          const text = sentences.join(' ');
          expect(renderForVoice(text)).toBe(text);
        }),
        runs,
      );
    },
    timeout,
  );
});

const typographic = '‘’‚′“”„″–—‒−…\u00a0\u2009\u202f•·×`';
/** `text` with every character that is neither GSM-7 nor typographic punctuation made `?`. */
const latinOnly = (text: string) =>
  Array.from(text, (c) => (isGsm7(c) || typographic.includes(c) ? c : '?')).join('');
const typographicSoup = fc.string({
  unit: fc.constantFrom(...typographic, ...'aZ9 .,!?-*_#[]()<>|~€{}\\^\n'),
  maxLength: 80,
});
/** Inputs whose only characters outside GSM-7 are typographic punctuation. */
const latinText = fc
  .oneof(
    fc.string(),
    typographicSoup,
    fc.string({ unit: fc.constantFrom(...typographic, ...'ab .'), minLength: 100, maxLength: 700 }),
    fc.tuple(markdownDocument, typographicSoup).map(([document, soup]) => `${document}\n\n${soup}`),
    fc.array(markdownDocument, { minLength: 1, maxLength: 4 }).map((d) => d.join('\n\n')),
  )
  .map(latinOnly)
  // A numeric entity (`&#9829;`) spells any character.
  .filter((text) => !text.includes('&#'));
const longText = fc.oneof(
  fc.array(markdownDocument, { minLength: 1, maxLength: 6 }).map((d) => d.join('\n\n')),
  fc.string({ unit: 'grapheme', minLength: 300, maxLength: 500 }),
  fc.string({ unit: fc.constantFrom(...'€{}[]~\\|^ a.!😊’…é\n'), minLength: 150, maxLength: 600 }),
);
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

describe('renderForSms properties', () => {
  it(
    'takes at most 3 segments (459 GSM-7 septets or 201 UCS-2 code units)',
    () => {
      fc.assert(
        fc.property(fc.oneof(anyText, longText, latinText), (text) => {
          const sms = renderForSms(text);
          const { encoding, units, segments } = smsSize(sms);
          expect(segments).toBeLessThanOrEqual(3);
          expect(units).toBeLessThanOrEqual(encoding === 'gsm7' ? 459 : 201);
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'is GSM-7 whenever the only other characters of the answer were typographic punctuation',
    () => {
      fc.assert(
        fc.property(latinText, (text) => {
          expect(isGsm7(renderForSms(text))).toBe(true);
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'is the whole plain text, or its start cut after a sentence, or at a word with ...',
    () => {
      fc.assert(
        fc.property(fc.oneof(anyText, longText, latinText), (text) => {
          fc.pre(text.length <= 2000); // longer answers are read only in part
          const sms = renderForSms(text);
          const plain = smsPlainText(text);
          if (sms === plain) return;
          const head = sms.endsWith('...') ? sms.slice(0, -3).trimEnd() : undefined;
          const start = head ?? sms;
          expect(plain.startsWith(start)).toBe(true);
          // Never inside a grapheme (an emoji with its skin tone, a flag).
          const boundaries = Array.from(graphemes.segment(plain), (segment) => segment.index);
          if (start.length < plain.length) expect(boundaries).toContain(start.length);
          if (head !== undefined) return;
          // Without `...`, it ends after a sentence of the line (as Intl.Segmenter finds them).
          expect(sms).not.toMatch(/:$/);
          const lineStart = sms.lastIndexOf('\n') + 1;
          const line = plain.slice(lineStart).split('\n')[0] ?? '';
          const ends = Array.from(sentences.segment(line), ({ segment, index }) => {
            return lineStart + index + segment.trimEnd().length;
          });
          expect(ends).toContain(sms.length);
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'removes markdown syntax and keeps every URL intact (all of them when nothing is cut)',
    () => {
      const long = fc
        .array(markdownDocument, { minLength: 1, maxLength: 4 })
        .map((d) => d.join('\n\n'));
      fc.assert(
        fc.property(fc.oneof(markdownDocument, long), (text) => {
          const sms = renderForSms(text);
          expect(sms).not.toMatch(/\*\*|`|~~|\]\(|<\/?[a-z]+>/);
          // A line may start with `- ` where the answer had a typographic dash (`— we open`).
          expect(sms).not.toMatch(/^(?:#{1,6}\s|>|[*+]\s|\|)/m);
          if (!/[–—]/.test(text)) expect(sms).not.toMatch(/^-\s/m);
          const inputUrls = new Set(
            (text.match(/https?:\/\/[^\s()<>\]]+/g) ?? []).map((found) =>
              found.replace(/[*_~]+$/, ''),
            ),
          );
          const outputUrls = (sms.match(/https?:\/\/[^\s()]+/g) ?? []).map((found) =>
            found.replace(/[.,:;!?]+$/, ''),
          );
          for (const found of outputUrls) expect(inputUrls).toContain(found);
          if (text.length <= 2000 && sms === smsPlainText(text)) {
            // A link labelled with its own URL (`[example.com/x](https://www.example.com/x)`) keeps the href.
            const site = (address: string) => address.replace(/^https?:\/\/(?:www\.)?/, '');
            for (const address of inputUrls) expect(outputUrls.map(site)).toContain(site(address));
          }
        }),
        runs,
      );
    },
    timeout,
  );
});
