/**
 * Resolves after `ms` (never, for `Infinity`); rejects with the signal's reason as soon as it
 * aborts, leaving no listener or timer behind either way.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = Number.isFinite(ms)
      ? setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms)
      : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The text of the last user message ('' when there is none). */
export function lastUserText(messages: readonly { role: string; content: unknown }[]): string {
  const content = messages.findLast((message) => message.role === 'user')?.content;
  return typeof content === 'string' ? content : '';
}
