import { describe, expect, it } from 'vitest';
import { contrastRatio, readableOn } from './contrast';
import { parseDataAttributes } from './data-attributes';
import { parseWidgetOptions } from './widget-options';

describe('parseWidgetOptions', () => {
  it('applies the defaults to a bare api URL', () => {
    const result = parseWidgetOptions({ apiUrl: 'https://chat.example.com' });
    expect(result).toEqual({
      ok: true,
      options: {
        apiUrl: 'https://chat.example.com',
        title: 'Chat with us',
        greeting: 'Hello! Ask me anything about our shop.',
        primaryColor: '#1d4ed8',
        position: 'right',
        openOnLoad: false,
      },
    });
  });

  it.each([
    [{}, 'apiUrl: is required'],
    [{ apiUrl: 'chat.example.com' }, 'apiUrl: must be an http(s) URL'],
    [{ apiUrl: 'javascript:alert(1)' }, 'apiUrl: must be an http(s) URL'],
    [{ apiUrl: 'https://a.example', primaryColor: 'red; background: url(x)' }, 'primaryColor'],
    [{ apiUrl: 'https://a.example', position: 'top' }, 'position'],
    [{ apiUrl: 'https://a.example', title: '   ' }, 'title'],
    [{ apiUrl: 'https://a.example', openOnLoad: 'yes' }, 'openOnLoad'],
  ])('refuses %j, naming the option', (input, problem) => {
    const result = parseWidgetOptions(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toContain(problem);
  });

  it('lists every problem at once', () => {
    const result = parseWidgetOptions({ apiUrl: 'nope', position: 'middle', primaryColor: 'blue' });
    expect(result.ok ? [] : result.problems).toHaveLength(3);
  });
});

describe('parseDataAttributes', () => {
  it('reads the script tag attributes, with data-open as a boolean attribute', () => {
    const result = parseDataAttributes({
      apiUrl: 'http://localhost:3000',
      title: 'Harbor Lane',
      primaryColor: '#7c2d12',
      position: 'left',
      open: '',
    });
    expect(result.ok && result.options).toMatchObject({
      apiUrl: 'http://localhost:3000',
      title: 'Harbor Lane',
      primaryColor: '#7c2d12',
      position: 'left',
      openOnLoad: true,
    });
    expect(parseDataAttributes({ apiUrl: 'http://a.example', open: 'false' })).toMatchObject({
      ok: true,
      options: { openOnLoad: false },
    });
  });

  it('names the attribute in each problem', () => {
    const result = parseDataAttributes({ apiUrl: 'ftp://x', position: 'up', open: 'maybe' });
    expect(result.ok).toBe(false);
    const text = result.ok ? '' : result.problems.join('\n');
    expect(text).toContain('data-api-url:');
    expect(text).toContain('data-position:');
    expect(text).toContain('data-open:');
  });
});

describe('readableOn', () => {
  it('picks black or white text with at least AA contrast (4.5:1) on any colour', () => {
    for (let value = 0; value < 0x1000; value += 7) {
      const background = `#${value.toString(16).padStart(3, '0')}`;
      expect(contrastRatio(background, readableOn(background))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1d4ed8', '#ffffff')).toBeCloseTo(6.7, 1);
  });
});
