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
});
