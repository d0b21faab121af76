import { AiCoreError } from '@org/ai-core';
import { createMockChatModel } from '@org/ai-core/test';
import type { ChatRequestBody } from '@org/chat-api/protocol';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatClient } from '../api/chat-client';
import { createGate, createTestApi } from '../testing/test-api';
import { testStorageKey, testWidgetOptions } from '../testing/widget-fixtures';
import { WidgetApp } from './widget-app';

const options = testWidgetOptions;
const storageKey = testStorageKey;

function setup(api = createTestApi()) {
  const client = createChatClient({ apiUrl: options.apiUrl, fetch: api.fetch });
  const view = render(<WidgetApp options={options} client={client} storage={localStorage} />);
  const launcher = () => screen.getByRole('button', { name: /^(Open|Hide) chat/ });
  const input = () => screen.getByRole('textbox', { name: 'Message' });
  const liveRegion = () => view.container.querySelector('[aria-live="polite"]') as HTMLElement;
  const open = () => fireEvent.click(launcher());
  const send = (text: string) => {
    fireEvent.change(input(), { target: { value: text } });
    fireEvent.keyDown(input(), { key: 'Enter' });
  };
  const findMessage = (text: string) =>
    within(screen.getByRole('list', { name: 'Conversation' })).findByText(text);
  const streamRequests = () =>
    api.requests.filter((request) => request.url.endsWith('/chat/stream'));
  return { ...api, view, launcher, input, liveRegion, open, send, findMessage, streamRequests };
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('WidgetApp keyboard and focus', () => {
  it('opens from the launcher with focus in the message box; Escape closes back to it', async () => {
    const { launcher, input, open } = setup();
    expect(launcher()).toHaveProperty('ariaLabel', 'Open chat');
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('dialog')).toBeNull();

    open();
    const dialog = await screen.findByRole('dialog', { name: 'Harbor Lane' });
    await waitFor(() => expect(document.activeElement).toBe(input()));
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(launcher()).toHaveProperty('ariaLabel', 'Hide chat');
    expect(within(dialog).getByRole('button', { name: 'Close chat' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'New conversation' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Send message' })).toBeTruthy();

    fireEvent.keyDown(input(), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(launcher());
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
  });

  it('closes from the close button, focus back on the launcher', async () => {
    const { launcher, open } = setup();
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Close chat' }));
    await waitFor(() => expect(document.activeElement).toBe(launcher()));
  });

  it('sends on Enter but not on Shift+Enter, and never sends a blank message', async () => {
    const { input, open, liveRegion, streamRequests } = setup();
    open();
    fireEvent.change(input(), { target: { value: 'line one' } });
    fireEvent.keyDown(input(), { key: 'Enter', shiftKey: true });
    fireEvent.change(input(), { target: { value: '   ' } });
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(streamRequests()).toHaveLength(0);

    fireEvent.change(input(), { target: { value: 'line one\nline two' } });
    fireEvent.keyDown(input(), { key: 'Enter' });
    await waitFor(() => expect(liveRegion().textContent).toBe('You said: line one\nline two'));
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toContain('You: line one\nline two');
    expect(streamRequests()).toHaveLength(1);
    expect((input() as HTMLTextAreaElement).value).toBe('');
  });
});

describe('WidgetApp conversation', () => {
  it('shows a typing indicator until the first token, then the streamed answer, announced once', async () => {
    const gate = createGate();
    const model = createMockChatModel({
      responses: async () => {
        await gate.promise;
        return { text: 'We are open **every day**.' };
      },
    });
    const { open, send, liveRegion } = setup(createTestApi({ model }));
    open();
    send('When are you open?');
    expect(await screen.findByText('Assistant is typing')).toBeTruthy();
    expect(liveRegion().textContent).toBe('');

    act(() => gate.open());
    expect(await screen.findByText('every day')).toBeTruthy();
    expect(screen.queryByText('Assistant is typing')).toBeNull();
    await waitFor(() => expect(liveRegion().textContent).toBe('We are open every day.'));
    expect(localStorage.getItem(storageKey)).toMatch(/\./);
  });

  it('restores the stored session on open and announces only new answers', async () => {
    const api = createTestApi();
    const sessionId = await api.newSession();
    await api.post('/chat', { session_id: sessionId, message: 'Earlier question' });
    localStorage.setItem(storageKey, sessionId);

    const { open, send, liveRegion, findMessage } = setup(api);
    open();
    expect(await findMessage('You said: Earlier question')).toBeTruthy();
    expect(screen.getByText('Earlier question')).toBeTruthy();
    expect(liveRegion().textContent).toBe('');

    send('And now?');
    await waitFor(() => expect(liveRegion().textContent).toBe('You said: And now?'));
    const history = await api.app.request(`/chat/history?session_id=${sessionId}`);
    expect(((await history.json()) as { messages: unknown[] }).messages).toHaveLength(4);
  });

  it('restores a conversation with a hostile answer and keeps working', async () => {
    const hostile = `${'>'.repeat(3000)} deep ${'['.repeat(20_000)}`;
    const model = createMockChatModel({
      responses: [{ text: hostile }, { text: 'Still **here**.' }],
    });
    const api = createTestApi({ model });
    const sessionId = await api.newSession();
    await api.post('/chat', { session_id: sessionId, message: 'Quote yourself' });
    localStorage.setItem(storageKey, sessionId);

    const { open, send, liveRegion, view } = setup(api);
    open();
    await waitFor(() => expect(view.container.querySelectorAll('blockquote').length).toBe(8));
    expect(view.container.textContent).toContain('Quote yourself');
    expect(view.container.textContent).toContain(`${'>'.repeat(100)} deep [[[`);
    send('Are you there?');
    await waitFor(() => expect(liveRegion().textContent).toBe('Still here.'));
  });

  it('forgets a stored session the server does not know, without an error', async () => {
    localStorage.setItem(storageKey, 'unknown.session');
    const { open, send, findMessage } = setup();
    open();
    await waitFor(() => expect(localStorage.getItem(storageKey)).toBeNull());
    send('Hello?');
    expect(await findMessage('You said: Hello?')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('counts answers that arrive while the panel is closed on the launcher', async () => {
    const gate = createGate();
    const model = createMockChatModel({
      responses: async () => {
        await gate.promise;
        return { text: 'Your order shipped.' };
      },
    });
    const { open, send, input, launcher } = setup(createTestApi({ model }));
    open();
    send('Where is my order?');
    fireEvent.keyDown(input(), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    act(() => gate.open());
    await waitFor(() =>
      expect(launcher().getAttribute('aria-label')).toBe('Open chat, 1 unread message'),
    );
    expect(launcher().querySelector('.badge')?.textContent).toBe('1');
    open();
    await waitFor(() => expect(launcher().querySelector('.badge')).toBeNull());
  });

  it('starts a new conversation: messages and stored session gone', async () => {
    const { open, send, findMessage } = setup();
    open();
    send('First');
    expect(await findMessage('You said: First')).toBeTruthy();
    expect(localStorage.getItem(storageKey)).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'New conversation' }));
    await waitFor(() => expect(screen.queryByText('You said: First')).toBeNull());
    expect(localStorage.getItem(storageKey)).toBeNull();
    expect(screen.getByText('Hello there!')).toBeTruthy();
  });
});

describe('WidgetApp errors', () => {
  it('shows a server error; Retry resends once with the same key and no second user turn', async () => {
    const model = createMockChatModel({
      responses: [{ error: new AiCoreError('model_unavailable') }, { text: 'Back again.' }],
    });
    const api = createTestApi({ model });
    const { open, send, findMessage, streamRequests } = setup(api);
    open();
    send('Are you there?');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('something went wrong');

    const retry = screen.getByRole('button', { name: /Retry/ });
    await waitFor(() => expect(retry.getAttribute('aria-disabled')).toBe('false'), {
      timeout: 10_000,
    });
    fireEvent.click(retry);
    fireEvent.click(retry);
    expect(await findMessage('Back again.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByText('Are you there?')).toHaveLength(1);

    const requests = streamRequests();
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers.get('Idempotency-Key')).toBe(
      requests[0]?.headers.get('Idempotency-Key'),
    );
    const sessionId = localStorage.getItem(storageKey) ?? '';
    const body = (await requests[1]?.json()) as ChatRequestBody;
    expect(body.session_id).toBe(sessionId);
    const history = await api.app.request(`/chat/history?session_id=${sessionId}`);
    const { messages } = (await history.json()) as { messages: { role: string }[] };
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant']);
  });

  it('shows when to retry after a 429, with Retry disabled until then', async () => {
    const { open, send } = setup(
      createTestApi({
        limits: {
          ip: { consume: async () => ({ allowed: true }) },
          session: { consume: async () => ({ allowed: false, retryAfterSeconds: 42 }) },
        },
      }),
    );
    open();
    send('Hi');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/too fast\. Please try again in 4[12] seconds\./);
    const retry = screen.getByRole('button', { name: /Retry in 4[12] s/ });
    expect(retry.getAttribute('aria-disabled')).toBe('true');
  });

  it('says so when the server cannot be reached', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const client = createChatClient({ apiUrl: options.apiUrl, fetch });
    render(<WidgetApp options={options} client={client} storage={localStorage} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open chat' }));
    const input = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(input, { target: { value: 'Hi' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toContain('offline');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
