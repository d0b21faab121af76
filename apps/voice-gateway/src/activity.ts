/**
 * Serialises work per key (one call's events run one at a time, in arrival order), owns the
 * named timers, and tells when everything started so far is done (`settled`, for tests,
 * benchmarks and graceful shutdown).
 */
export type Activity = {
  /** Runs `task` after the previous task of `key` has finished. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tracks a promise that is not tied to a key (e.g. a model turn). */
  track<T>(promise: Promise<T>): Promise<T>;
  /** (Re)arms the timer `name`: `fire` runs after `ms` unless re-armed or cleared first. */
  arm(name: string, ms: number, fire: () => Promise<void>): void;
  clear(name: string): void;
  /** Whether the timer `name` is armed. */
  armed(name: string): boolean;
  /** Resolves when no task runs and no timer is armed. */
  settled(): Promise<void>;
  /** Clears every timer. */
  close(): void;
};

/**
 * Creates an {@link Activity}. `onError` hears about timer tasks that fail (nobody awaits
 * them); default: nothing, so pass one that logs.
 */
export function createActivity(
  onError: (name: string, error: unknown) => void = () => {},
): Activity {
  const tails = new Map<string, Promise<void>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const waiters = new Set<() => void>();
  let busy = 0;

  const done = () => {
    busy -= 1;
    if (busy === 0 && timers.size === 0) for (const wake of [...waiters]) wake();
  };
  const track = <T>(promise: Promise<T>): Promise<T> => {
    busy += 1;
    promise.then(done, done);
    return promise;
  };

  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task);
      const tail = result.then(
        () => {},
        () => {},
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return track(result);
    },
    track,
    arm(name, ms, fire) {
      const previous = timers.get(name);
      if (previous) clearTimeout(previous);
      busy += 1;
      const timer = setTimeout(() => {
        timers.delete(name);
        // The task is tracked before the timer's own count drops, so `settled` cannot slip in.
        track(fire()).catch((error: unknown) => onError(name, error));
        done();
      }, ms);
      timers.set(name, timer);
      if (previous) done();
    },
    clear(name) {
      const timer = timers.get(name);
      if (!timer) return;
      clearTimeout(timer);
      timers.delete(name);
      done();
    },
    armed: (name) => timers.has(name),
    settled() {
      if (busy === 0 && timers.size === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
      });
    },
    close() {
      for (const name of [...timers.keys()]) this.clear(name);
    },
  };
}
