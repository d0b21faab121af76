import { useEffect, useRef } from 'react';
import type { ChatClient, ChatHistory } from '../api/chat-client';
import { ChatClientError } from '../api/chat-client-error';
import type { SessionStore } from './session-store';

/** The longest wait between two polls after failures, in ms. */
const maxBackoffMs = 30_000;

/** Options for {@link useHistoryPoll}. */
export type UseHistoryPollOptions = {
  client: ChatClient;
  sessions: SessionStore;
  /** How long between two polls, in ms; `undefined` stops polling. */
  intervalMs: number | undefined;
  /** Each conversation fetched. */
  onHistory(history: ChatHistory): void;
  /** The server no longer knows the session: polling stops. */
  onGone(): void;
};

/**
 * Fetches the stored session's conversation (`GET /chat/history`) every `intervalMs` while it is
 * set, so that the team's messages appear as they come. A failed poll is not shown to the
 * visitor: the next one waits longer (doubling, or as `Retry-After` asks), up to 30 s.
 */
export function useHistoryPoll({
  client,
  sessions,
  intervalMs,
  onHistory,
  onGone,
}: UseHistoryPollOptions) {
  const handlers = useRef({ onHistory, onGone });
  handlers.current = { onHistory, onGone };

  useEffect(() => {
    if (intervalMs === undefined) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = intervalMs;
    const poll = async () => {
      const sessionId = sessions.load();
      if (!sessionId) return;
      try {
        const history = await client.history(sessionId, { signal: controller.signal });
        if (controller.signal.aborted) return;
        delay = intervalMs;
        handlers.current.onHistory(history);
      } catch (failure) {
        if (controller.signal.aborted) return;
        const known = failure instanceof ChatClientError ? failure : undefined;
        if (known?.kind === 'invalid-session') return handlers.current.onGone();
        const asked = (known?.retryAfterSeconds ?? 0) * 1000;
        delay = Math.max(asked, Math.min(delay * 2, maxBackoffMs));
      }
      if (!controller.signal.aborted) timer = setTimeout(poll, delay);
    };
    timer = setTimeout(poll, intervalMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [client, sessions, intervalMs]);
}
