/**
 * Settles like `promise`, or rejects with the signal's reason as soon as it aborts, even if
 * `promise` never settles (a hung model or tool must not hang the turn). No listener outlives it.
 */
export function raceAbort<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Iterates `source` but stops as soon as `signal` aborts, even if the source ignores the signal:
 * the `next()` being awaited rejects with the signal's reason. One listener serves the whole
 * iteration, so nothing accumulates per chunk. A plain iterator rather than an async generator:
 * it sits on every streamed token, and each generator layer costs a few microtask turns.
 */
export function abortable<T>(
  source: AsyncIterable<T>,
  signal: AbortSignal,
): AsyncIterableIterator<T> {
  signal.throwIfAborted();
  const iterator = source[Symbol.asyncIterator]();
  let rejectPending: ((reason: unknown) => void) | undefined;
  let closed = false;
  const onAbort = () => rejectPending?.(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const close = () => {
    if (closed) return;
    closed = true;
    rejectPending = undefined;
    signal.removeEventListener('abort', onAbort);
    // Do not await: a source that ignores the signal may never settle its return().
    iterator.return?.()?.catch(() => {});
  };
  const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (closed) return Promise.resolve(done);
      if (signal.aborted) {
        close();
        return Promise.reject(signal.reason);
      }
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        rejectPending = (reason) => {
          close();
          reject(reason);
        };
        iterator.next().then(
          (result) => {
            rejectPending = undefined;
            if (result.done) close();
            resolve(result);
          },
          (error: unknown) => {
            close();
            reject(error);
          },
        );
      });
    },
    return() {
      close();
      return Promise.resolve(done);
    },
  };
}
