import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where screenshots go (gitignored). */
export const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

/**
 * Debian's Chromium, headless. Playwright gives every launch a fresh temporary
 * `--user-data-dir`; each test then uses its own context (own localStorage).
 */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(resultsDir, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Collects the page's console errors and uncaught exceptions. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return errors;
}

/** Locators inside the widget (Playwright's locators pierce its open shadow root). */
export function widget(page: Page) {
  const host = page.locator('org-chat-widget');
  return {
    host,
    launcher: host.locator('button.launcher'),
    panel: host.getByRole('dialog'),
    input: host.getByRole('textbox', { name: 'Message' }),
    conversation: host.getByRole('list', { name: 'Conversation' }),
    messages: host.locator('li.message'),
    assistant: host.locator('li.message.assistant'),
    liveRegion: host.locator('[aria-live="polite"]'),
    /** The app replaced the loader's launcher (it renders `.widget` with a panel). */
    ready: () => host.locator('section.panel').waitFor({ state: 'attached', timeout: 30_000 }),
  };
}

/** One test's browser context (its own storage) and page, with the page's errors collected. */
export type TestPage = { context: BrowserContext; page: Page; errors: string[] };

/** A fresh context and page for one test (30 s timeouts), watching the page's errors. */
export async function openPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<TestPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page, errors: watchErrors(page) };
}

/** Types `text` into the widget's message box and sends it, as a visitor does. */
export async function askWidget(page: Page, text: string): Promise<void> {
  const { input } = widget(page);
  await input.fill(text);
  await input.press('Enter');
}
