import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatClient, ChatMessage } from '../api/chat-client';
import { ChatClientError, type ChatErrorKind } from '../api/chat-client-error';
import { toPlainText } from '../markdown/markdown-ast';
import { parseMarkdown } from '../markdown/parse-markdown';
import type { SessionStore } from './session-store';

/** A message on screen. */
export type ChatEntry = { id: string; role: ChatMessage['role']; content: string };

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
};

/**
 * The conversation: messages, streaming, errors, retry and restore. A retry sends the failed
 * message again with the same `Idempotency-Key` and session, so the server never answers it
 * twice; nothing is sent while a request is in flight.
 */
export function useChat({ client, sessions, onAnswer }: UseChatOptions) {
  const [messages, setMessages] = useState<ChatEntry[]>([]);
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
        show(result.response);
        pending.current = undefined;
        setAnnouncement({ id: answerId, text: toPlainText(parseMarkdown(result.response)) });
        answered.current?.();
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
      setMessages(history.map(({ role, content }) => ({ id: nextId(), role, content })));
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
    setMessages([]);
    setError(undefined);
    setAnnouncement(undefined);
    setStatus('idle');
  }, [sessions]);

  useEffect(() => () => aborter.current?.abort(), []);

  return { messages, status, error, announcement, send, retry, restore, newConversation };
}
