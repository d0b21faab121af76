// @vitest-environment node
// The widget in Chromium against chat-api's app over scripted models: hostile answers, streaming
// token by token, answers arriving while closed, rate limits, bad embed options.
import type { ChatModel, ChatStreamPart } from '@org/ai-core';
import { createMockChatModel } from '@org/ai-core/test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { askWidget, launchChromium, openPage, widget } from './support/browser';
import { embedPage, type Running, startDemoSite, startTestChatApi } from './support/servers';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
const running: Running[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  ({ context, page, errors } = await openPage(browser));
});
afterEach(async () => {
  await context?.close();
  for (const server of running.splice(0)) await server.stop();
});

/** A chat-api over `options`, and the demo site on another port pointing at it. */
async function serve(options: Parameters<typeof startTestChatApi>[0], pages = {}) {
  const api = await startTestChatApi(options);
  const site = await startDemoSite(api.url, pages);
  running.push(site, api);
  return { api, site };
}

/** Releases a held promise once. */
function gate() {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const ask = (text: string) => askWidget(page, text);

describe('widget with scripted answers', () => {
  it('keeps a hostile answer inert', async () => {
    const hostile = [
      'Here you go <img src=x onerror="window.__pwned = 1; alert(1)">',
      '<script>window.__pwned = 2</script>',
      '[click me](javascript:window.__pwned=3) and [our site](https://harborlane.example/)',
      '<a href="javascript:alert(1)" onclick="window.__pwned=4">raw link</a>',
    ].join('\n\n');
    const { site } = await serve({
      model: createMockChatModel({ responses: [{ text: hostile }] }),
    });
    await page.goto(`${site.url}/`);
    const w = widget(page);
    await w.launcher.click();
    await ask('Show me something');
    await w.conversation.getByText('our site').waitFor();

    const answer = w.assistant.last();
    expect(await answer.locator('img, script, iframe, svg').count()).toBe(0);
    expect(await answer.textContent()).toContain('<img src=x onerror=');
    expect(await answer.textContent()).toContain('<script>window.__pwned = 2</script>');
    const links = answer.locator('a');
    expect(await links.count()).toBe(1);
    expect(await links.getAttribute('href')).toBe('https://harborlane.example/');
    expect(await links.getAttribute('target')).toBe('_blank');
    expect(await links.getAttribute('rel')).toBe('noopener noreferrer');
    const attributes = await answer.evaluate((element) =>
      [...element.querySelectorAll('*')].flatMap((node) => node.getAttributeNames()),
    );
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);

    await answer.getByText('click me').click();
    await answer.getByText('raw link').click();
    expect(page.url()).toBe(`${site.url}/`);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('shows a typing indicator, then the answer token by token', async () => {
    const held = gate();
    const model: ChatModel = {
      modelId: 'held',
      async *stream(): AsyncGenerator<ChatStreamPart> {
        yield { type: 'text-delta', text: 'We are open ' };
        await held.promise;
        yield { type: 'text-delta', text: 'every day of the week.' };
        yield { type: 'finish', finishReason: 'stop' };
      },
    };
    const slow = gate();
    const first = createMockChatModel({
      responses: async () => {
        await slow.promise;
        return { text: 'unused' };
      },
    });
    let calls = 0;
    const { site } = await serve({
      model: {
        modelId: 'scripted',
        stream: (request, options) => (calls++ === 0 ? first : model).stream(request, options),
      },
    });
    await page.goto(`${site.url}/`);
    const w = widget(page);
    await w.launcher.click();

    // First question: nothing streamed yet, so the indicator shows.
    await ask('Hello?');
    await w.host.getByText('Assistant is typing').waitFor({ state: 'attached' });
    slow.open();
    await w.conversation.getByText('unused').waitFor();
    expect(await w.host.getByText('Assistant is typing').count()).toBe(0);

    // Second question: the first tokens show while the rest is still held.
    await ask('When are you open?');
    await w.assistant.last().getByText('We are open', { exact: true }).waitFor();
    expect(await w.liveRegion.textContent()).toBe('unused');
    held.open();
    await w.assistant.last().getByText('We are open every day of the week.').waitFor();
    await w.liveRegion.getByText('We are open every day of the week.').waitFor();
    expect(await w.liveRegion.textContent()).toBe('We are open every day of the week.');
  });

  it('shows an unread badge for an answer that arrives while the panel is closed', async () => {
    const held = gate();
    const model = createMockChatModel({
      responses: async () => {
        await held.promise;
        return { text: 'Your order left the shop today.' };
      },
    });
    const { site } = await serve({ model });
    await page.goto(`${site.url}/`);
    const w = widget(page);
    await w.launcher.click();
    await ask('Where is my order?');
    await page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden' });
    expect(await w.host.locator('.badge').count()).toBe(0);

    held.open();
    await w.host.locator('.badge').getByText('1').waitFor();
    expect(await w.launcher.getAttribute('aria-label')).toBe('Open chat, 1 unread message');
    await w.launcher.click();
    await w.conversation.getByText('Your order left the shop today.').waitFor();
    expect(await w.host.locator('.badge').count()).toBe(0);
  });

  it('says when to retry after a 429', async () => {
    const { site } = await serve({
      limits: {
        ip: { consume: async () => ({ allowed: true }) },
        session: { consume: async () => ({ allowed: false, retryAfterSeconds: 30 }) },
      },
    });
    await page.goto(`${site.url}/`);
    const w = widget(page);
    await w.launcher.click();
    await ask('Hi');
    const alert = w.host.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/too fast\. Please try again in (30|29) seconds\./);
    const retry = w.host.getByRole('button', { name: /^Retry in \d+ s$/ });
    expect(await retry.getAttribute('aria-disabled')).toBe('true');
    expect(await w.host.locator('li.message.user').allTextContents()).toEqual(['You: Hi']);
  });

  it('reports bad embed options on the console and leaves the host page working', async () => {
    const page1 = embedPage({
      attributes: 'data-position="top" data-primary-color="red" data-open',
      body: '<p id="after">host script ran</p>',
    })
      .replace('data-api-url="%CHAT_API_URL%"', 'data-api-url="not a url"')
      .replace('</body>', '<script>document.title = "still alive";</script></body>');
    const { site } = await serve({}, { '/bad.html': page1 });
    const problem = page.waitForEvent('console', {
      predicate: (message) => message.text().includes('[OrgChatWidget]'),
    });
    await page.goto(`${site.url}/bad.html`);
    const text = (await problem).text();
    expect(text).toContain('data-api-url');
    expect(text).toContain('data-position');
    expect(text).toContain('data-primary-color');
    await page.locator('org-chat-widget').waitFor({ state: 'detached' });
    expect(await page.title()).toBe('still alive');

    // The global stays (page scripts calling it do not break) and says why it does nothing.
    const report = page.waitForEvent('console', {
      predicate: (message) => message.text().includes('open(): not shown'),
      timeout: 10_000,
    });
    await page.evaluate(() =>
      (window as unknown as { OrgChatWidget: { open(): void } }).OrgChatWidget.open(),
    );
    expect((await report).text()).toContain('invalid options');
    expect(errors.filter((error) => !error.includes('[OrgChatWidget]'))).toEqual([]);
  });
});
