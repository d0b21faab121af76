type Handoff<T> = { value: T; take: () => void; refuse: (reason: unknown) => void };
type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Turns a producer that pushes values through `emit` into an async generator the reader pulls
 * from. `emit` resolves only when the reader asks for the next value, so the producer never
 * runs ahead of its reader. When the reader stops early, `stop` aborts with `stopReason`, the
 * pending `emit` rejects with it, and the generator waits for the producer to wind down (its
 * error, expected then, is dropped). The producer's result is the generator's return value.
 */
export async function* pull<T, R>(
  produce: (emit: (value: T) => Promise<void>, stop: AbortSignal) => Promise<R>,
  stopReason: () => unknown,
): AsyncGenerator<T, R> {
  const stop = new AbortController();
  let offered: Handoff<T> | undefined;
  let held: Handoff<T> | undefined;
  let outcome: Outcome<R> | undefined;
  let wake: (() => void) | undefined;
  const emit = (value: T) =>
    new Promise<void>((take, refuse) => {
      offered = { value, take, refuse };
      wake?.();
    });
  const finished = produce(emit, stop.signal).then(
    (value) => {
      outcome = { ok: true, value };
      wake?.();
    },
    (error: unknown) => {
      outcome = { ok: false, error };
      wake?.();
    },
  );
  try {
    for (;;) {
      if (!offered && !outcome) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      wake = undefined;
      if (offered) {
        held = offered;
        offered = undefined;
        yield held.value;
        held.take();
        held = undefined;
        continue;
      }
      if (!outcome) continue;
      if (outcome.ok) return outcome.value;
      throw outcome.error;
    }
  } finally {
    if (!outcome) {
      const reason = stopReason();
      stop.abort(reason);
      held?.refuse(reason);
      offered?.refuse(reason);
      await finished;
    }
  }
}
