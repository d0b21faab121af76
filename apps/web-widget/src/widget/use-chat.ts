import type { ChatHandoffStatus, ChatReplyHandoff } from '@org/chat-api/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatClient, ChatHistory, ChatMessage } from '../api/chat-client';
import { ChatClientError, type ChatErrorKind } from '../api/chat-client-error';
import { toPlainText } from '../markdown/markdown-ast';
import { parseMarkdown } from '../markdown/parse-markdown';
import type { SessionStore } from './session-store';
import { useHistoryPoll } from './use-history-poll';

/** A message on screen; `name` is an operator's (a person of the business's team). */
export type ChatEntry = { id: string; role: ChatMessage['role']; content: string; name?: string };

/** How often the team's messages are fetched while a person has the conversation, in ms. */
export const handoffPollMs = 3000;
/** How often while the team is to get back (nobody was available), in ms. */
export const callbackPollMs = 15_000;

/** A failure the visitor sees; `action` is what Retry does. */
export type ChatFailure = {
  kind: ChatErrorKind;
  action: 'send' | 'restore';
  /** Epoch ms before which a retry is pointless (429, 503 with `Retry-After`). */
  retryAt: number | undefined;
};

/** What the conversation is doing. */
export type ChatStatus = 'idle' | 'restoring' | 'waiting' | 'streaming';

let counter = 0;
const nextId = () => `m${++counter}`;

/** A random `Idempotency-Key` (works on plain-http pages, unlike `crypto.randomUUID`). */
export function createIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function toFailure(failure: unknown, action: ChatFailure['action']): ChatFailure {
  const known = failure instanceof ChatClientError ? failure : undefined;
  const wait = known?.retryAfterSeconds;
  return {
    kind: known?.kind ?? 'server',
    action,
    retryAt: wait ? Date.now() + wait * 1000 : undefined,
  };
}

/** Options for {@link useChat}. */
export type UseChatOptions = {
  client: ChatClient;
  sessions: SessionStore;
  /** A new assistant answer finished (not called for restored history). */
  onAnswer?(): void;
  /** The panel is open: only then are the team's messages fetched while they have the chat. */
  live?: boolean;
};

const toEntry = ({ role, content, name }: ChatMessage): ChatEntry => ({
  id: nextId(),
  role,
  content,
  ...(name ? { name } : {}),
});

/** Tells one operator message from another, across polls. */
const operatorKey = ({ createdAt, name, content }: ChatMessage) =>
  `${createdAt}\n${name}\n${content}`;

const plain = (markdown: string) => toPlainText(parseMarkdown(markdown));

/** The conversation's handoff state after a reply. */
function afterReply(
  previous: ChatHandoffStatus | null,
  handoff: ChatReplyHandoff | undefined,
): ChatHandoffStatus | null {
  switch (handoff?.state) {
    case 'started':
      return { status: 'active' };
    case 'active':
      // Keeps the operator's name the last poll gave.
      return previous?.status === 'active' ? previous : { status: 'active' };
    case 'unavailable':
      return { status: 'callback' };
    default:
      // The assistant answered: nobody has the conversation (any more); a callback request stands.
      return previous?.status === 'callback' ? previous : null;
  }
}

/**
 * The conversation: messages, streaming, errors, retry and restore. A retry sends the failed
 * message again with the same `Idempotency-Key` and session, so the server never answers it
 * twice; nothing is sent while a request is in flight.
 */
export function useChat({ client, sessions, onAnswer, live = false }: UseChatOptions) {
  const [messages, setMessages] = useState<ChatEntry[]>([]);
  /** `active`: a person of the team has the conversation; `callback`: they will get back. */
  const [handoff, setHandoff] = useState<ChatHandoffStatus | null>(null);
  const latestHandoff = useRef(handoff);
  latestHandoff.current = handoff;
  // The operator messages on screen, so that a poll adds only new ones.
  const shown = useRef(new Set<string>());
  const [status, setStatus] = useState<ChatStatus>('idle');
  const [error, setError] = useState<ChatFailure>();
  const [announcement, setAnnouncement] = useState<{ id: string; text: string }>();
  const pending = useRef<{ text: string; key: string }>(undefined);
  const busy = useRef(false);
  const aborter = useRef<AbortController>(undefined);
  const restored = useRef(false);
  const answered = useRef(onAnswer);
  answered.current = onAnswer;

  const run = useCallback(
    async (message: { text: string; key: string }, allowNewSession = true): Promise<void> => {
      busy.current = true;
      setError(undefined);
      setStatus('waiting');
      const controller = new AbortController();
      aborter.current = controller;
      const answerId = nextId();
      let text = '';
      const show = (content: string) =>
        setMessages((list) => [
          ...list.filter((entry) => entry.id !== answerId),
          { id: answerId, role: 'assistant', content },
        ]);
      try {
        const result = await client.stream({
          sessionId: sessions.load(),
          message: message.text,
          idempotencyKey: message.key,
          signal: controller.signal,
          onSession: sessions.save,
          onDelta: (delta) => {
            text += delta;
            setStatus('streaming');
            show(text);
          },
        });
        pending.current = undefined;
        setHandoff((previous) => afterReply(previous, result.handoff));
        if (result.response === '') {
          // A person has the conversation: the message reached them, nobody answers here.
          setMessages((list) => list.filter((entry) => entry.id !== answerId));
        } else {
          show(result.response);
          setAnnouncement({ id: answerId, text: plain(result.response) });
          answered.current?.();
        }
      } catch (failure) {
        if (controller.signal.aborted) return;
        setMessages((list) => list.filter((entry) => entry.id !== answerId));
        if (failure instanceof ChatClientError && failure.kind === 'invalid-session') {
          // The server no longer knows this session (e.g. it restarted): start a new one.
          sessions.clear();
          if (allowNewSession) return run(message, false);
        }
        setError(toFailure(failure, 'send'));
      } finally {
        if (aborter.current === controller) {
          aborter.current = undefined;
          busy.current = false;
          setStatus('idle');
        }
      }
    },
    [client, sessions],
  );

  /** Sends a message; false when one is still in flight or the text is blank. */
  const send = useCallback(
    (text: string): boolean => {
      const trimmed = text.trim();
      if (busy.current || trimmed === '') return false;
      const message = { text: trimmed, key: createIdempotencyKey() };
      pending.current = message;
      setMessages((list) => [...list, { id: nextId(), role: 'user', content: trimmed }]);
      void run(message);
      return true;
    },
    [run],
  );

  /** Loads the stored session's messages, once (again after a failure, through `retry`). */
  const restore = useCallback(async () => {
    const sessionId = sessions.load();
    if (restored.current || busy.current || !sessionId) return;
    busy.current = true;
    setError(undefined);
    setStatus('restoring');
    try {
      const history = await client.history(sessionId);
      restored.current = true;
      for (const message of history.messages) {
        if (message.role === 'operator') shown.current.add(operatorKey(message));
      }
      setMessages(history.messages.map(toEntry));
      setHandoff(history.handoff);
    } catch (failure) {
      if (failure instanceof ChatClientError && failure.kind === 'invalid-session') {
        restored.current = true;
        sessions.clear();
      } else setError(toFailure(failure, 'restore'));
    } finally {
      busy.current = false;
      setStatus('idle');
    }
  }, [client, sessions]);

  /** Tries the failed action again: the same message, same key; never while one is in flight. */
  const retry = useCallback(() => {
    if (busy.current || !error) return;
    if (error.action === 'restore') void restore();
    else if (pending.current) void run(pending.current);
  }, [error, restore, run]);

  /** Forgets the session and the messages; the next message starts a new session. */
  const newConversation = useCallback(() => {
    aborter.current?.abort();
    aborter.current = undefined;
    busy.current = false;
    pending.current = undefined;
    restored.current = true;
    sessions.clear();
    shown.current.clear();
    setMessages([]);
    setHandoff(null);
    setError(undefined);
    setAnnouncement(undefined);
    setStatus('idle');
  }, [sessions]);

  /** A polled conversation: the team's new messages are added, its handoff state taken. */
  const onHistory = useCallback((history: ChatHistory) => {
    const fresh = history.messages.filter(
      (message) => message.role === 'operator' && !shown.current.has(operatorKey(message)),
    );
    for (const message of fresh) shown.current.add(operatorKey(message));
    const said = fresh.map((message) => `${message.name}: ${plain(message.content)}`);
    if (latestHandoff.current?.status === 'active' && !history.handoff) {
      said.push("You're chatting with the assistant again.");
    }
    if (fresh.length > 0) setMessages((list) => [...list, ...fresh.map(toEntry)]);
    if (said.length > 0) setAnnouncement({ id: nextId(), text: said.join('\n') });
    setHandoff(history.handoff);
  }, []);

  useHistoryPoll({
    client,
    sessions,
    intervalMs: !live
      ? undefined
      : handoff?.status === 'active'
        ? handoffPollMs
        : handoff?.status === 'callback'
          ? callbackPollMs
          : undefined,
    onHistory,
    onGone: () => setHandoff(null),
  });

  useEffect(() => () => aborter.current?.abort(), []);

  return {
    messages,
    status,
    error,
    announcement,
    handoff,
    send,
    retry,
    restore,
    newConversation,
  };
}
