import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

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
