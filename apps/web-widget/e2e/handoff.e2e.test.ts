// @vitest-environment node
// The widget in Chromium against the real chat-api (offline defaults, operator API on): a chat
// handed to a person, whose replies come through the real operator API.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { askWidget, launchChromium, openPage, resultsDir, widget } from './support/browser';
import { type Running, startDemoSite, startRealChatApi } from './support/servers';

const token = 'e2e-operator-token-0123456789';
const banner = "You're now chatting with our team";

let api: Running;
let site: Running;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  api = await startRealChatApi({ OPERATOR_TOKEN: token });
  site = await startDemoSite(api.url);
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

/** The operator API of the running chat-api, as a person's console calls it. */
async function operator(path: string, body?: unknown) {
  const response = await fetch(`${api.url}/operator${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The session the widget keeps in the page's storage. */
const sessionOf = (page: Page) =>
  page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('org-chat-widget:'));
    return key ? localStorage.getItem(key) : null;
  });

describe('widget handed to a person', () => {
  it("shows the team's reply live with the operator's name, keeps it on reload, and the assistant returns on release", async () => {
    await page.goto(`${site.url}/`);
    const w = widget(page);
    await w.launcher.click();
    await w.panel.waitFor();

    await ask('Can I talk to a person?');
    await w.conversation.getByText(/connect you with a colleague/).waitFor();
    await w.panel.getByText(banner).waitFor();
    const sessionId = await sessionOf(page);
    expect(sessionId).toMatch(/\./);

    // The team gets the message; the widget shows no reply of its own to it.
    const bubbles = await w.assistant.count();
    await ask('My order #1234 never arrived');
    await w.conversation.getByText('My order #1234 never arrived').waitFor();
    await expect
      .poll(async () => {
        const read = await operator(`/conversations/${sessionId}`);
        return JSON.stringify(read.body.messages);
      })
      .toContain('My order #1234 never arrived');
    await page.waitForTimeout(300);
    expect(await w.assistant.count()).toBe(bubbles);
    expect(await w.host.getByText('Assistant is typing').count()).toBe(0);

    const listed = await operator('/conversations');
    expect(listed.body.conversations).toEqual([
      expect.objectContaining({ conversationId: sessionId }),
    ]);
    const sent = await operator(`/conversations/${sessionId}/messages`, {
      text: 'Hi, I am Dana from the shop. Let me look up order #1234.',
      operator: 'Dana',
    });
    expect(sent.status).toBe(201);

    const reply = w.host.locator('li.message.operator');
    await reply.getByText('Let me look up order #1234.', { exact: false }).waitFor();
    // The name shows above the message; "from our team:" is for screen readers only.
    const shownName = () =>
      w.host
        .locator('li.message.operator .author')
        .evaluate((author) => author.firstChild?.textContent);
    expect(await shownName()).toBe('Dana');
    expect(await reply.textContent()).toBe(
      'Dana from our team: Hi, I am Dana from the shop. Let me look up order #1234.',
    );
    await w.liveRegion.getByText('Dana: Hi, I am Dana').waitFor();
    // Not the assistant's look: the team's messages stand apart.
    const looks = await page.evaluate(() => {
      const root = document.querySelector('org-chat-widget')?.shadowRoot;
      const style = (selector: string) => {
        const element = root?.querySelector(selector);
        return element ? getComputedStyle(element) : undefined;
      };
      return {
        operator: style('li.message.operator')?.borderLeftWidth,
        assistant: style('li.message.assistant')?.borderLeftWidth,
        banner: style('p.handoff')?.display,
      };
    });
    expect(looks).toEqual({ operator: '4px', assistant: '0px', banner: 'block' });

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await page.screenshot({ path: `${resultsDir}widget-handoff.png` });

    await page.reload();
    await w.launcher.click();
    await w.conversation.getByText('Let me look up order #1234.', { exact: false }).waitFor();
    expect(await shownName()).toBe('Dana');
    await w.panel.getByText(banner).waitFor();

    expect((await operator(`/conversations/${sessionId}/release`, {})).status).toBe(200);
    await w.panel.getByText(banner).waitFor({ state: 'hidden', timeout: 10_000 });
    await ask('What are your opening hours?');
    await w.assistant.last().getByText(/\d/).first().waitFor();
    expect(await w.host.locator('li.message.operator').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
