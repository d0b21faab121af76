import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { apiError, apiFailureOf } from './api-error';

describe('apiError', () => {
  it('carries its failure', () => {
    const error = apiError(429, 'rate_limited', 'Slow down', { retryAfterSeconds: 7 });
    expect(error).toBeInstanceOf(HTTPException);
    expect(apiFailureOf(error)).toEqual({
      status: 429,
      code: 'rate_limited',
      message: 'Slow down',
      retryAfterSeconds: 7,
    });
    expect(apiFailureOf(new HTTPException(400))).toBeUndefined();
    expect(apiFailureOf(new Error('x'))).toBeUndefined();
  });

  it("is answered as JSON by Hono's default error handler too", async () => {
    const app = new Hono().get('/x', () => {
      throw apiError(403, 'invalid_session', 'Unknown session', { field: 'session_id' });
    });
    const response = await app.request('/x');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'invalid_session', message: 'Unknown session', field: 'session_id' },
    });
  });
});
