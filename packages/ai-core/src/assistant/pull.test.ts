import { describe, expect, it } from 'vitest';
import { pull } from './pull';

const stopped = () => new Error('stopped');

describe('pull', () => {
  it("yields what the producer emits, in order, and returns the producer's result", async () => {
    const values = pull<number, string>(async (emit) => {
      for (const value of [1, 2, 3]) await emit(value);
      return 'done';
    }, stopped);
    const seen: number[] = [];
    let next = await values.next();
    while (!next.done) {
      seen.push(next.value);
      next = await values.next();
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(next.value).toBe('done');
  });

  it('never lets the producer run ahead of the reader', async () => {
    const log: string[] = [];
    const values = pull<number, void>(async (emit) => {
      for (const value of [1, 2]) {
        log.push(`emit ${value}`);
        await emit(value);
        log.push(`taken ${value}`);
      }
    }, stopped);
    await values.next();
    // Give the producer every chance to go on: it must still wait for the reader.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(log).toEqual(['emit 1']);
    await values.next();
    expect(log).toEqual(['emit 1', 'taken 1', 'emit 2']);
  });

  it('stops the producer when the reader stops early, and waits for it to wind down', async () => {
    let stopSignal: AbortSignal | undefined;
    let emitError: unknown;
    let woundDown = false;
    const values = pull<number, void>(async (emit, stop) => {
      stopSignal = stop;
      try {
        await emit(1);
        await emit(2);
      } catch (error) {
        emitError = error;
        await new Promise((resolve) => setTimeout(resolve, 5));
        woundDown = true;
        throw error;
      }
    }, stopped);
    for await (const value of values) {
      expect(value).toBe(1);
      break;
    }
    expect(stopSignal?.aborted).toBe(true);
    expect(emitError).toEqual(new Error('stopped'));
    expect(woundDown).toBe(true);
  });

  it("throws the producer's error after the values it emitted", async () => {
    const seen: number[] = [];
    const run = async () => {
      for await (const value of pull<number, void>(async (emit) => {
        await emit(1);
        throw new Error('model failed');
      }, stopped)) {
        seen.push(value);
      }
    };
    await expect(run()).rejects.toThrow('model failed');
    expect(seen).toEqual([1]);
  });

  it('does not start the producer before the first read', async () => {
    let started = false;
    const values = pull<number, void>(async () => {
      started = true;
    }, stopped);
    expect(started).toBe(false);
    await values.next();
    expect(started).toBe(true);
  });
});
