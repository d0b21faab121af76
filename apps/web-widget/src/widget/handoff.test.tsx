import { type ChatModel, createKnowledgeModel } from '@org/ai-core';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatClient } from '../api/chat-client';
import { createTestApi } from '../testing/test-api';
import { testStorageKey, testWidgetOptions } from '../testing/widget-fixtures';
import { callbackPollMs, handoffPollMs } from './use-chat';
import { WidgetApp } from './widget-app';

const options = testWidgetOptions;
const storageKey = testStorageKey;
const token = 'operator-token-0123456789-abcdef';
const banner = "You're now chatting with our team";

/** chat-api over the offline model with handoff on, and the widget on it. */
function setup(available = true) {
  const api = createTestApi<ChatModel>({
    model: createKnowledgeModel(),
    handoff: { operatorToken: token, available: () => available },
  });
  const client = createChatClient({ apiUrl: options.apiUrl, fetch: api.fetch });
  const view = render(<WidgetApp options={options} client={client} storage={localStorage} />);
  const conversation = () => screen.getByRole('list', { name: 'Conversation' });
  const liveRegion = () => view.container.querySelector('[aria-live="polite"]') as HTMLElement;
  const launcher = () => screen.getByRole('button', { name: /^(Open|Hide) chat/ });
  const send = (text: string) => {
    const input = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(input, { target: { value: text } });
    fireEvent.keyDown(input, { key: 'Enter' });
  };
  const streamRequests = () => api.requests.filter((request) => request.url.endsWith('/stream'));
  const sessionId = () => localStorage.getItem(storageKey) ?? '';
  const operator = async (path: string, body?: unknown) => {
    const response = await api.app.request(`/operator/conversations/${sessionId()}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status).toBeLessThan(300);
  };
  const polls = () => api.requests.filter((request) => request.url.includes('/chat/history'));
  /** Lets the poll's timer fire and its request finish. */
  const tick = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
  return {
    ...api,
    view,
    conversation,
    liveRegion,
    launcher,
    send,
    streamRequests,
    sessionId,
    operator,
    polls,
    tick,
  };
}

/** Opens the panel and hands the chat off by asking for a person. */
async function handOff(widget: ReturnType<typeof setup>) {
  fireEvent.click(widget.launcher());
  widget.send('Can I talk to a person?');
  await within(widget.conversation()).findByText(/connect you with a colleague/);
  await screen.findByText(banner);
}

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('WidgetApp handed to a person', () => {
  it('says so plainly, and shows no empty assistant reply to the messages the team gets', async () => {
    const widget = setup();
    await handOff(widget);
    const assistantReplies = () => widget.view.container.querySelectorAll('li.message.assistant');
    const before = assistantReplies().length;

    widget.send('My order never arrived');
    await within(widget.conversation()).findByText('My order never arrived');
    expect(widget.streamRequests()).toHaveLength(2);
    // The turn is over once another message may be sent.
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'x' } });
    const sendButton = screen.getByRole('button', { name: 'Send message' });
    await waitFor(() => expect(sendButton.getAttribute('aria-disabled')).toBe('false'));
    expect(assistantReplies()).toHaveLength(before);
    expect(screen.queryByText('Assistant is typing')).toBeNull();
    for (const item of widget.view.container.querySelectorAll('li.message')) {
      expect(item.textContent?.replace(/^(You|Assistant): /, '').trim()).not.toBe('');
    }
  });

  it("shows the team's replies as they come, with the operator's name, until released", async () => {
    const widget = setup();
    await handOff(widget);

    await widget.operator('/messages', {
      text: 'Hi, Dana here. Let me **check**.',
      operator: 'Dana',
    });
    await widget.tick(handoffPollMs);
    const reply = await within(widget.conversation()).findByText('check');
    const item = reply.closest('li') as HTMLElement;
    expect(item.className).toBe('message operator');
    expect(item.textContent).toBe('Dana from our team: Hi, Dana here. Let me check.');
    expect(within(item).getByText('Dana').className).toBe('author');
    await waitFor(() =>
      expect(widget.liveRegion().textContent).toBe('Dana: Hi, Dana here. Let me check.'),
    );

    // Only new messages are added, however often it polls.
    await widget.tick(handoffPollMs * 3);
    expect(widget.view.container.querySelectorAll('li.message.operator')).toHaveLength(1);

    await widget.operator('/release');
    await widget.tick(handoffPollMs);
    await waitFor(() => expect(screen.queryByText(banner)).toBeNull());
    expect(widget.liveRegion().textContent).toBe("You're chatting with the assistant again.");
    const polled = widget.polls().length;
    await widget.tick(handoffPollMs * 5);
    expect(widget.polls()).toHaveLength(polled);
  });

  it('polls only while the panel is open', async () => {
    const widget = setup();
    await handOff(widget);
    await widget.tick(handoffPollMs);
    await waitFor(() => expect(widget.polls()).toHaveLength(1));

    fireEvent.click(widget.launcher());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await widget.operator('/messages', { text: 'Are you still there?', operator: 'Dana' });
    await widget.tick(handoffPollMs * 5);
    expect(widget.polls()).toHaveLength(1);

    fireEvent.click(widget.launcher());
    expect(await within(widget.conversation()).findByText('Are you still there?')).toBeTruthy();
    await widget.operator('/messages', { text: 'I found your order.', operator: 'Dana' });
    await widget.tick(handoffPollMs);
    expect(await within(widget.conversation()).findByText('I found your order.')).toBeTruthy();
    expect(widget.view.container.querySelectorAll('li.message.operator')).toHaveLength(2);
  });

  it('restores the team and its messages after a reload', async () => {
    const first = setup();
    await handOff(first);
    await first.operator('/messages', { text: 'Your parcel left today.', operator: 'Dana' });
    const sessionId = first.sessionId();
    cleanup();

    const api = first;
    const client = createChatClient({ apiUrl: options.apiUrl, fetch: api.fetch });
    localStorage.setItem(storageKey, sessionId);
    render(<WidgetApp options={options} client={client} storage={localStorage} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open chat' }));
    const conversation = screen.getByRole('list', { name: 'Conversation' });
    const reply = await within(conversation).findByText('Your parcel left today.');
    expect(reply.closest('li')?.textContent).toBe('Dana from our team: Your parcel left today.');
    expect(await screen.findByText(banner)).toBeTruthy();
  });

  it('keeps the assistant answering when nobody is available, checking less often for a reply', async () => {
    const widget = setup(false);
    fireEvent.click(widget.launcher());
    widget.send('Can I talk to a person?');
    await within(widget.conversation()).findByText(/Nobody from our team is available/);
    expect(screen.queryByText(banner)).toBeNull();
    await widget.tick(handoffPollMs * 2);
    expect(widget.polls()).toHaveLength(0);

    await widget.operator('/messages', { text: 'Sorry we missed you!', operator: 'Sam' });
    await widget.tick(callbackPollMs);
    expect(await within(widget.conversation()).findByText('Sorry we missed you!')).toBeTruthy();
    expect(await screen.findByText(banner)).toBeTruthy();
  });
});
