import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { jsonError, notFound, sendFailure, toErrorBody } from './json-error';

describe('JSON error bodies', () => {
  it('answers { error: { code, message } } with the status', async () => {
    const app = new Hono().get('/x', (c) => jsonError(c, 409, 'conflict', 'Already there'));
    const response = await app.request('/x');
    expect(response.status).toBe(409);
    expect(response.headers.get('Content-Type')).toContain('application/json');
    expect(await response.json()).toEqual({
      error: { code: 'conflict', message: 'Already there' },
    });
  });

  it('adds Retry-After when the client should come back, and a field when one is at fault', async () => {
    const app = new Hono().get('/x', (c) =>
      sendFailure(c, {
        status: 503,
        code: 'busy',
        message: 'Busy',
        field: 'message',
        retryAfterSeconds: 5,
      }),
    );
    const response = await app.request('/x');
    expect(response.headers.get('Retry-After')).toBe('5');
    expect(await response.json()).toEqual({
      error: { code: 'busy', message: 'Busy', field: 'message' },
    });
    expect(toErrorBody({ status: 400, code: 'a', message: 'b' })).toEqual({
      error: { code: 'a', message: 'b' },
    });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const app = new Hono().notFound(notFound);
    const response = await app.request('/nope', { method: 'DELETE' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No route for DELETE /nope' },
    });
  });
});
