import { describe, expect, it } from 'vitest';
import { decodeEntities, type InlineStyle, markdownToBlocks, stripTags } from './markdown-to-text';

const style: InlineStyle = {
  link: (label, href, literal) => (literal ? `<${label}>` : `${label}{${href}}`),
  image: (alt, href) => `img:${alt}:${href}`,
  codespan: (code) => `code:${code}`,
};

describe('markdownToBlocks', () => {
  it('turns headings, paragraphs and list items into blocks without markup', () => {
    const blocks = markdownToBlocks(
      '# Our **hours**\n\nWe are *open* ~~daily~~.\n\n- Mon\n- Tue\n\n3. Pack\n4. Ship',
      style,
    );
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Our hours' },
      { kind: 'paragraph', text: 'We are open daily.' },
      { kind: 'item', text: 'Mon' },
      { kind: 'item', text: 'Tue' },
      { kind: 'item', text: 'Pack', number: 3 },
      { kind: 'item', text: 'Ship', number: 4 },
    ]);
  });

  it('hands links, bare URLs, images and inline code to the style', () => {
    const [block] = markdownToBlocks(
      'See [policy](https://a.com/p), https://b.com, ![map](m.png) and `SAVE10`',
      style,
    );
    expect(block?.text).toBe(
      'See policy{https://a.com/p}, <https://b.com>, img:map:m.png and code:SAVE10',
    );
  });

  it('flattens tables into one block per row', () => {
    const twoColumns = markdownToBlocks(
      '| Day | Hours |\n|---|---|\n| Mon | 9-5 |\n| Sun | |',
      style,
    );
    expect(twoColumns.map((b) => b.text)).toEqual(['Mon: 9-5', 'Sun']);
    const threeColumns = markdownToBlocks(
      '| Item | Price | Stock |\n|---|---|---|\n| Tea | $4 | yes |',
      style,
    );
    expect(threeColumns).toEqual([{ kind: 'row', text: 'Item: Tea, Price: $4, Stock: yes' }]);
  });

  it('keeps code blocks apart, drops rules and reads nested lists and quotes', () => {
    const blocks = markdownToBlocks(
      '> Quoted\n\n---\n\n- Outer\n  - Inner\n\n```js\nx()\n```',
      style,
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Quoted' },
      { kind: 'item', text: 'Outer' },
      { kind: 'item', text: 'Inner' },
      { kind: 'code', text: 'x()' },
    ]);
  });

  it('removes HTML and task checkboxes, decodes entities and keeps line breaks', () => {
    const blocks = markdownToBlocks('<b>Bold</b> &amp; more  \nnext\n\n- [x] done', style);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Bold & more\nnext' },
      { kind: 'item', text: 'done' },
    ]);
  });
});

describe('decodeEntities and stripTags', () => {
  it('decodes named and numeric entities, leaving unknown ones', () => {
    expect(decodeEntities('&lt;3 &amp; &#39;x&#x27; &euro;5 &bogus; &#xD800;')).toBe(
      "<3 & 'x' €5 &bogus; ",
    );
  });

  it('strips tags and comments', () => {
    expect(stripTags('<p>Hi <!-- note --><br/>there</p>')).toBe(' Hi   there ');
  });
});
