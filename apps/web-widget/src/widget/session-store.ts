/** Where the widget keeps its session id between page loads. */
export type SessionStore = {
  load(): string | undefined;
  save(sessionId: string): void;
  clear(): void;
};

/**
 * The session id in `localStorage`, one per chat-api URL. Falls back to memory when storage is
 * unavailable (blocked cookies, sandboxed frames): the chat still works, it only forgets on reload.
 */
export function createSessionStore(apiUrl: string, storage?: Storage): SessionStore {
  const key = `org-chat-widget:session:${apiUrl}`;
  let memory: string | undefined;
  const store = (): Storage | undefined => {
    try {
      return storage ?? window.localStorage;
    } catch {
      return undefined;
    }
  };
  return {
    load() {
      try {
        return store()?.getItem(key) ?? memory;
      } catch {
        return memory;
      }
    },
    save(sessionId) {
      memory = sessionId;
      try {
        store()?.setItem(key, sessionId);
      } catch {
        // Storage full or blocked: memory keeps it for this page.
      }
    },
    clear() {
      memory = undefined;
      try {
        store()?.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}
