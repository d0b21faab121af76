// @vitest-environment node
// The widget in Chromium against the real chat-api (offline defaults), the demo site on another origin.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { askWidget, launchChromium, openPage, resultsDir, widget } from './support/browser';
import { embedPage, type Running, startDemoSite, startRealChatApi } from './support/servers';

const question = 'What are your opening hours?';
// The expected answer comes from the knowledge file, not from this test.
const hours = readFileSync(new URL('../../../knowledge/opening-hours.md', import.meta.url), 'utf8')
  .split('## Regular hours')[1]
  ?.split('\n')
  .filter((line) => line.startsWith('- '))
  .map((line) => line.slice(2).trim()) as string[];

const aggressiveCss = `<style>
  * { font-family: "Comic Sans MS", cursive !important; color: #f0f !important;
      background: #ff0 !important; line-height: 3 !important; letter-spacing: 4px !important; }
  button { display: none !important; } li { display: inline !important; }
  div, section, ol, textarea, header { all: unset !important; }
  org-chat-widget { display: none !important; position: absolute !important; opacity: 0 !important; }
</style>`;

let api: Running;
let site: Running;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  expect(hours.length).toBe(3);
  api = await startRealChatApi();
  site = await startDemoSite(api.url, {
    '/aggressive.html': embedPage({
      head: aggressiveCss,
      body: '<button id="host-button">Host button</button><h2 id="host-heading">Host heading</h2>',
    }),
    '/aggressive-bare.html': embedPage({
      head: aggressiveCss,
      body: '<button id="host-button">Host button</button><h2 id="host-heading">Host heading</h2>',
    }).replace(/<script src="\/widget.js"[\s\S]*?<\/script>/, ''),
    '/globals.html': embedPage({
      head: '<script>window.__before = Object.keys(window);</script>',
    }),
  });
  expect(new URL(site.url).origin).not.toBe(new URL(api.url).origin);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await api?.stop();
});

beforeEach(async () => {
  ({ context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 800 } }));
});

afterEach(async () => {
  await context?.close();
});

const ask = (text: string) => askWidget(page, text);

describe('widget against the real chat-api', () => {
  it('answers the opening hours from knowledge/, keeps them on reload and on another page', async () => {
    await page.goto(`${site.url}/`);
    const w = widget(page);
    await w.launcher.click();
    await w.panel.waitFor();
    await ask(question);
    await w.conversation.getByText(hours[2] as string, { exact: true }).waitFor();
    const items = await w.assistant.last().locator('li').allTextContents();
    expect(items).toEqual(hours);
    await w.liveRegion.getByText(hours[0] as string).waitFor();

    await page.screenshot({ path: `${resultsDir}widget-open.png` });

    await page.reload();
    await w.launcher.click();
    await w.conversation.getByText(question).waitFor();
    await w.conversation.getByText(hours[1] as string, { exact: true }).waitFor();
    expect(await w.liveRegion.textContent()).toBe('');

    await page.goto(`${site.url}/visit.html`);
    await w.launcher.click();
    await w.conversation.getByText(hours[0] as string, { exact: true }).waitFor();
    expect(await w.messages.count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('works with the keyboard alone', async () => {
    await page.goto(`${site.url}/`);
    const w = widget(page);
    await w.ready();
    const focusedLabel = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement;
        return inner?.getAttribute('aria-label') ?? inner?.localName ?? host?.localName;
      });
    let label: string | null | undefined;
    for (let step = 0; step < 40 && label !== 'Open chat'; step++) {
      await page.keyboard.press('Tab');
      label = await focusedLabel();
    }
    expect(label).toBe('Open chat');

    await page.keyboard.press('Enter');
    await w.panel.waitFor();
    await page.waitForFunction(
      () =>
        document.querySelector('org-chat-widget')?.shadowRoot?.activeElement?.localName ===
        'textarea',
    );
    await page.keyboard.type('line one');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('line two');
    expect(await w.input.inputValue()).toBe('line one\nline two');
    expect(await w.messages.count()).toBe(1);

    await page.keyboard.press('Control+A');
    await page.keyboard.type(question);
    await page.keyboard.press('Enter');
    await w.conversation.getByText(hours[0] as string, { exact: true }).waitFor();

    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('Send message');
    await page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden' });
    expect(await focusedLabel()).toBe('Open chat');
    await page.keyboard.press('Enter');
    await w.panel.waitFor();
  });

  it('is not restyled by aggressive host-page CSS, and does not restyle the page', async () => {
    await page.goto(`${site.url}/aggressive.html`);
    const w = widget(page);
    await w.ready();
    await w.launcher.waitFor({ state: 'visible' });
    await w.launcher.click();
    await w.panel.waitFor({ state: 'visible' });
    await ask(question);
    await w.conversation.getByText(hours[0] as string, { exact: true }).waitFor();

    const styles = await page.evaluate(() => {
      const root = document.querySelector('org-chat-widget')?.shadowRoot;
      const style = (selector: string) => {
        const element = root?.querySelector(selector);
        return element ? getComputedStyle(element) : undefined;
      };
      const launcher = style('.launcher');
      const header = style('header');
      const textarea = style('textarea');
      const item = style('li.message.assistant li');
      return {
        launcherDisplay: launcher?.display,
        launcherBackground: launcher?.backgroundColor,
        headerBackground: header?.backgroundColor,
        textareaFont: textarea?.fontFamily,
        textareaColor: textarea?.color,
        itemDisplay: item?.display,
        letterSpacing: textarea?.letterSpacing,
      };
    });
    expect(styles.launcherDisplay).toBe('flex');
    expect(styles.launcherBackground).toBe('rgb(29, 78, 216)');
    expect(styles.headerBackground).toBe('rgb(29, 78, 216)');
    expect(styles.textareaFont).not.toContain('Comic Sans');
    expect(styles.textareaColor).toBe('rgb(31, 41, 55)');
    expect(styles.itemDisplay).toBe('list-item');
    expect(styles.letterSpacing).toBe('normal');

    // The page's own elements look the same with and without the widget.
    const hostStyles = async () =>
      page.evaluate(() =>
        ['#host-button', '#host-heading'].map((selector) => {
          const style = getComputedStyle(document.querySelector(selector) as Element);
          return [style.fontSize, style.fontWeight, style.margin, style.cursor, style.boxShadow];
        }),
      );
    const withWidget = await hostStyles();
    await page.goto(`${site.url}/aggressive-bare.html`);
    expect(await page.locator('org-chat-widget').count()).toBe(0);
    expect(await hostStyles()).toEqual(withWidget);
  });

  it('adds one global, OrgChatWidget, and answers to it', async () => {
    await page.goto(`${site.url}/globals.html`);
    const w = widget(page);
    await w.ready();
    const added = await page.evaluate(() => {
      const before = new Set((window as unknown as { __before: string[] }).__before);
      return Object.keys(window).filter((key) => !before.has(key) && key !== '__before');
    });
    expect(added).toEqual(['OrgChatWidget']);
    await page.evaluate(() =>
      (window as unknown as { OrgChatWidget: { open(): void } }).OrgChatWidget.open(),
    );
    await w.panel.waitFor({ state: 'visible' });
  });

  it('has no serious or critical axe violations with the panel open', async () => {
    await page.goto(`${site.url}/`);
    const w = widget(page);
    await w.launcher.click();
    await ask(question);
    await w.conversation.getByText(hours[0] as string, { exact: true }).waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  it('fills a narrow screen with the panel, without animation when motion is reduced', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(`${site.url}/`);
    const w = widget(page);
    await w.launcher.click();
    await w.panel.waitFor({ state: 'visible' });
    expect(await w.panel.evaluate((panel) => getComputedStyle(panel).animationName)).toBe('none');
    expect(await w.panel.boundingBox()).toEqual({ x: 0, y: 0, width: 360, height: 640 });
    await w.host.getByRole('button', { name: 'Close chat' }).click();
    await w.panel.waitFor({ state: 'hidden' });
  });
});
