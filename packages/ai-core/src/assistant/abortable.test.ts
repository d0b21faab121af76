import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { abortable } from './abortable';

/** A source that ignores every signal: yields `values`, then never settles. */
async function* deaf(values: string[]): AsyncGenerator<string> {
  yield* values;
  await new Promise(() => {});
}

describe('abortable', () => {
  it('passes values through and ends with the source', async () => {
    const seen: string[] = [];
    async function* source() {
      yield* ['a', 'b'];
    }
    for await (const value of abortable(source(), new AbortController().signal)) seen.push(value);
    expect(seen).toEqual(['a', 'b']);
  });

  it('rejects the pending next() with the reason when the signal aborts', async () => {
    const controller = new AbortController();
    const values = abortable(deaf(['a']), controller.signal);
    expect(await values.next()).toEqual({ done: false, value: 'a' });
    const pending = values.next();
    controller.abort(new Error('deadline'));
    await expect(pending).rejects.toThrow('deadline');
  });

  it('rejects the next next() when the signal aborted between two reads', async () => {
    const controller = new AbortController();
    const values = abortable(deaf(['a', 'b']), controller.signal);
    await values.next();
    controller.abort(new Error('deadline'));
    await expect(values.next()).rejects.toThrow('deadline');
  });

  it('leaves no listener on the signal once done, stopped or aborted', async () => {
    const controller = new AbortController();
    async function* source() {
      yield 'a';
    }
    for await (const _ of abortable(source(), controller.signal)) {
      // drain
    }
    for await (const _ of abortable(deaf(['a', 'b']), controller.signal)) break;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);

    const values = abortable(deaf([]), controller.signal);
    const pending = values.next();
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
