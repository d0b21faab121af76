import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderForSms } from './sms';
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

describe('renderForSms properties', () => {
  it(
    'is at most 320 characters',
    () => {
      const long = fc
        .array(markdownDocument, { minLength: 1, maxLength: 6 })
        .map((d) => d.join('\n\n'));
      fc.assert(
        fc.property(
          fc.oneof(anyText, long, fc.string({ unit: 'grapheme', minLength: 300, maxLength: 500 })),
          (text) => {
            expect(renderForSms(text).length).toBeLessThanOrEqual(320);
          },
        ),
        runs,
      );
    },
    timeout,
  );

  it(
    'removes markdown syntax and keeps every URL that fits intact',
    () => {
      const long = fc
        .array(markdownDocument, { minLength: 1, maxLength: 4 })
        .map((d) => d.join('\n\n'));
      fc.assert(
        fc.property(fc.oneof(markdownDocument, long), (text) => {
          const sms = renderForSms(text);
          expect(sms).not.toMatch(/\*\*|`|~~|\]\(|<\/?[a-z]+>/);
          expect(sms).not.toMatch(/^(?:#{1,6}\s|>|[-*+]\s|\|)/m);
          const inputUrls = new Set(
            (text.match(/https?:\/\/[^\s()<>\]]+/g) ?? []).map((found) =>
              found.replace(/[*_~]+$/, ''),
            ),
          );
          const outputUrls = (sms.match(/https?:\/\/[^\s()]+/g) ?? []).map((found) =>
            found.replace(/[.,:;!?]+$/, ''),
          );
          for (const found of outputUrls) expect(inputUrls).toContain(found);
          if (!sms.endsWith('…')) {
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
