import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBody } from './body-limit';
import { createErrorHandler } from './error-handler';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function createTestApp() {
  const reads: string[] = [];
  const app = new Hono()
    .use(limitBody(10))
    .post('/echo', async (c) => {
      reads.push(await c.req.text());
      return c.text('ok');
    })
    .get('/echo', (c) => c.text('got'))
    .onError(createErrorHandler({ logger: silent }));
  return { app, reads };
}

function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let index = 0; index < bytes.length; index += 4) {
        controller.enqueue(bytes.slice(index, index + 4));
      }
      controller.close();
    },
  });
}

const post = (app: Hono, body: RequestInit['body'], headers: Record<string, string> = {}) =>
  app.request('/echo', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('limitBody', () => {
  it('lets a body up to the limit through', async () => {
    const { app, reads } = createTestApp();
    expect((await post(app, '0123456789', { 'Content-Length': '10' })).status).toBe(200);
    expect((await post(app, chunked('0123456789'))).status).toBe(200);
    expect(reads).toEqual(['0123456789', '0123456789']);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { app, reads } = createTestApp();
    const response = await post(app, '01234567890', { 'Content-Length': '11' });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: 'payload_too_large', message: 'The body may be at most 10 bytes' },
    });
    expect(reads).toEqual([]);
  });

  it('refuses a malformed Content-Length', async () => {
    const { app } = createTestApp();
    expect((await post(app, '1', { 'Content-Length': '1e3' })).status).toBe(413);
  });

  it('counts a chunked body as it streams in', async () => {
    const { app, reads } = createTestApp();
    const response = await post(app, chunked('0123456789abcdef'));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    );
    expect(reads).toEqual([]);
  });

  it('lets a GET without a body pass', async () => {
    const { app } = createTestApp();
    expect(await (await app.request('/echo')).text()).toBe('got');
  });
});
