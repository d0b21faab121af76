import { cleanup, render } from '@testing-library/react';
import DOMPurify from 'dompurify';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './markdown';
import { parseMarkdown } from './parse-markdown';

afterEach(cleanup);

function html(markdown: string): HTMLElement {
  const { container } = render(<Markdown blocks={parseMarkdown(markdown)} />);
  return container;
}

const hostile = [
  '<script>window.pwned = 1</script>',
  '<img src=x onerror="window.pwned = 1">',
  '<svg onload="window.pwned = 1"></svg>',
  '<a href="javascript:window.pwned=1">click</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body { display: none }</style>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x]( javascript:alert(1) )',
  '[x](jav&#x61;script:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '[x](//evil.example/phish)',
  '[x](/relative/path)',
  '![x](https://tracker.example/pixel.gif)',
  '<javascript:alert(1)>',
  '[x](https://ok.example "title" onclick="alert(1)")',
  '**<b onmouseover=alert(1)>bold</b>**',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
];

describe('Markdown', () => {
  it.each(hostile)('keeps %j inert', (source) => {
    const container = html(source);
    const elements = [...container.querySelectorAll('*')];
    for (const element of elements) {
      expect(['script', 'img', 'svg', 'iframe', 'style', 'b']).not.toContain(element.localName);
      for (const attribute of element.getAttributeNames()) {
        expect(attribute.startsWith('on')).toBe(false);
        expect(['href', 'target', 'rel', 'class', 'start']).toContain(attribute);
      }
    }
    for (const link of container.querySelectorAll('a')) {
      expect(new URL(link.href).protocol).toMatch(/^(https?|mailto|tel):$/);
    }
    // DOMPurify, asked to keep `target`, finds nothing to remove.
    expect(DOMPurify.sanitize(container.innerHTML, { ADD_ATTR: ['target'] })).toBe(
      container.innerHTML,
    );
  });

  it('shows raw HTML as text, so the visitor sees what was written', () => {
    const container = html('Try <img src=x onerror=alert(1)> and <script>x()</script>');
    expect(container.textContent).toBe('Try <img src=x onerror=alert(1)> and <script>x()</script>');
  });

  it('makes only http(s), mailto and tel links clickable, in a new tab without opener', () => {
    const container = html(
      '[site](https://harborlane.example/hours) [mail](mailto:hello@harborlanebooks.example) ' +
        '[call](tel:+15550102030) [bad](javascript:alert(1)) <https://auto.example/x> ' +
        'and https://bare.example/path.',
    );
    const links = [...container.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://harborlane.example/hours',
      'mailto:hello@harborlanebooks.example',
      'tel:+15550102030',
      'https://auto.example/x',
      'https://bare.example/path',
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(container.textContent).toContain('bad');
  });

  it('renders the markdown a chat answer uses', () => {
    const container = html(
      [
        '## Opening hours',
        'We are **open** seven days a *week*:',
        '',
        '- Monday to Friday: 8:00–18:00',
        '- Saturday: 9:00–18:00',
        '',
        '1. first',
        '2. second',
        '',
        '> quoted',
        '',
        'Use `code`, ~~old~~, snake_case_name and a\nline break &amp; entities.',
        '',
        '```',
        'two  spaces',
        '```',
      ].join('\n'),
    );
    expect(container.querySelector('h3')?.textContent).toBe('Opening hours');
    expect(container.querySelector('strong')?.textContent).toBe('open');
    expect(container.querySelector('em')?.textContent).toBe('week');
    expect([...container.querySelectorAll('ul li')].map((item) => item.textContent)).toEqual([
      'Monday to Friday: 8:00–18:00',
      'Saturday: 9:00–18:00',
    ]);
    expect(container.querySelectorAll('ol li')).toHaveLength(2);
    expect(container.querySelector('blockquote')?.textContent).toBe('quoted');
    expect(container.querySelector('p code')?.textContent).toBe('code');
    expect(container.querySelector('del')?.textContent).toBe('old');
    expect(container.textContent).toContain('snake_case_name');
    expect(container.textContent).toContain('line break & entities.');
    expect(container.querySelector('p br')).not.toBeNull();
    expect(container.querySelector('pre code')?.textContent).toBe('two  spaces');
  });

  it('renders a partial answer while it streams (unclosed emphasis stays text)', () => {
    const container = html('We are **open seven');
    expect(container.textContent).toBe('We are **open seven');
  });
});
