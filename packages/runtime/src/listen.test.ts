import { describe, expect, it } from 'vitest';
import { listen } from './listen';

describe('listen', () => {
  it('lets a request in flight finish on close, and refuses new connections', async () => {
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const server = await listen(async (request) => {
      if (new URL(request.url).pathname === '/slow') {
        entered();
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      return new Response('done');
    });
    const slow = fetch(`${server.url}/slow`);
    await inside;
    const closed = server.close();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('done');
    await closed;
    await expect(fetch(`${server.url}/fast`)).rejects.toThrow();
  });

  it('closes a request that outlives the grace period instead of hanging', async () => {
    const server = await listen(async () => new Promise<Response>(() => {}), { graceMs: 100 });
    const hung = fetch(`${server.url}/hang`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    expect(await hung).toBeInstanceOf(Error);
  });

  it('closes a keep-alive connection as soon as a stream started before close has ended', async () => {
    const server = await listen(
      () =>
        new Response(
          new ReadableStream({
            async start(controller) {
              controller.enqueue(new TextEncoder().encode('one '));
              await new Promise((resolve) => setTimeout(resolve, 200));
              controller.enqueue(new TextEncoder().encode('two'));
              controller.close();
            },
          }),
        ),
      { graceMs: 4000 },
    );
    const response = await fetch(`${server.url}/stream`);
    const started = Date.now();
    const closed = server.close();
    expect(await response.text()).toBe('one two');
    await closed;
    // Well before the grace period and node's 5 s keep-alive timeout.
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('hands out the node server', async () => {
    const server = await listen(() => new Response('ok'));
    expect(server.server.listening).toBe(true);
    await server.close();
  });
});
