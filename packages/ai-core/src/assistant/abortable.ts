/**
 * Iterates `source` but stops as soon as `signal` aborts, even if the source ignores the signal
 * (a hung model must not hang the turn). Throws the signal's reason on abort.
 */
export async function* abortable<T>(
  source: AsyncIterable<T>,
  signal: AbortSignal,
): AsyncGenerator<T> {
  signal.throwIfAborted();
  const iterator = source[Symbol.asyncIterator]();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => {});
  try {
    while (true) {
      const result = await Promise.race([iterator.next(), aborted]);
      if (result.done) return;
      yield result.value;
    }
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
    // Do not await: a source that ignores the signal may never settle its return().
    iterator.return?.()?.catch(() => {});
  }
}
