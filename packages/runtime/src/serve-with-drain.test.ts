import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Logger } from './logger';
import { type ServeOptions, serveWithDrain } from './serve-with-drain';

function recordingLogger() {
  const lines: { msg: string | undefined; [key: string]: unknown }[] = [];
  const at =
    (level: string) =>
    (object: object, message?: string): void =>
      void lines.push({ level, ...object, msg: message });
  let flushed = 0;
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    flush: () => {
      flushed += 1;
    },
  };
  return { logger, lines, flushed: () => flushed };
}

/** Serves `fetch` on a free loopback port, with exit recorded instead of ending vitest. */
async function start(
  fetch: (request: Request) => Response | Promise<Response>,
  options: Partial<ServeOptions> = {},
) {
  const { logger, lines, flushed } = recordingLogger();
  const exits: number[] = [];
  const serving = await serveWithDrain(fetch, {
    port: 0,
    host: '127.0.0.1',
    logger,
    name: 'test-app',
    signals: [],
    exit: (code) => void exits.push(code),
    ...options,
  });
  return { serving, lines, exits, flushed };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('serveWithDrain', () => {
  it('logs where it listens, with the fields given', async () => {
    const { serving, lines } = await start(() => new Response('hi'), {
      fields: { model: 'knowledge (offline)' },
    });
    expect(lines[0]).toEqual({
      level: 'info',
      url: `http://localhost:${serving.port}`,
      model: 'knowledge (offline)',
      msg: `test-app listening on http://localhost:${serving.port}`,
    });
    expect(await (await fetch(`${serving.url}/`)).text()).toBe('hi');
    await serving.stop();
  });

  it('answers a request Node cannot parse with a JSON 400', async () => {
    const { serving } = await start(() => new Response('hi'));
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(serving.port, '127.0.0.1', () =>
        socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('"code":"bad_request"');
    await serving.stop();
  });

  it('stops accepting, lets a request in flight finish, drains, flushes and exits 0', async () => {
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const order: string[] = [];
    const { serving, lines, exits, flushed } = await start(
      async () => {
        entered();
        await wait(200);
        order.push('request answered');
        return new Response('done');
      },
      {
        drain: async ({ requestsFinished }) => {
          await requestsFinished;
          order.push('drained');
        },
      },
    );
    const slow = fetch(`${serving.url}/slow`);
    await inside;
    const stopped = serving.stop('SIGTERM');
    await expect(fetch(`${serving.url}/new`)).rejects.toThrow();
    expect(await (await slow).text()).toBe('done');
    await stopped;
    expect(order).toEqual(['request answered', 'drained']);
    expect(lines.map((line) => line.msg).slice(1)).toEqual(['shutting down', 'stopped']);
    expect(lines[1]).toMatchObject({ signal: 'SIGTERM', timeoutMs: 10_000 });
    expect(flushed()).toBe(1);
    expect(exits).toEqual([0]);
    expect(serving.stop()).toBe(stopped);
  });

  it('aborts the deadline after timeoutMs, so the app ends what is still running', async () => {
    const turns = new AbortController();
    const { serving, lines, exits } = await start(
      () =>
        new Promise<Response>((resolve) => {
          turns.signal.addEventListener('abort', () =>
            resolve(Response.json({ error: { code: 'shutting_down' } }, { status: 503 })),
          );
        }),
      {
        timeoutMs: 100,
        graceMs: 5000,
        drain: ({ deadline }) => deadline.addEventListener('abort', () => turns.abort()),
      },
    );
    const pending = fetch(`${serving.url}/turn`);
    await wait(50);
    const started = Date.now();
    await serving.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await pending).status).toBe(503);
    expect(lines.some((line) => line.msg?.startsWith('shutdown timeout'))).toBe(true);
    expect(exits).toEqual([0]);
  });

  it('exits graceMs after the deadline even when a request or the drain hangs', async () => {
    const { serving, exits, lines } = await start(() => new Promise<Response>(() => {}), {
      timeoutMs: 50,
      graceMs: 100,
      drain: () => new Promise<void>(() => {}),
    });
    const hung = fetch(`${serving.url}/hang`).catch((error: unknown) => error);
    await wait(50);
    const started = Date.now();
    await serving.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(exits).toEqual([0]);
    expect(lines.at(-1)?.msg).toBe('stopped');
    expect(await hung).toBeInstanceOf(Error);
  });

  it('shuts down on the signals it was given', async () => {
    const { serving, exits } = await start(() => new Response('hi'), { signals: ['SIGUSR2'] });
    process.emit('SIGUSR2');
    await expect.poll(() => exits).toEqual([0]);
    await expect(fetch(`${serving.url}/`)).rejects.toThrow();
  });

  it('logs a drain hook that fails, and still exits 0', async () => {
    const { serving, exits, lines } = await start(() => new Response('hi'), {
      drain: () => {
        throw new Error('engine broke');
      },
    });
    await serving.stop();
    expect(lines.find((line) => line.msg === 'drain failed')).toBeDefined();
    expect(exits).toEqual([0]);
  });
});
