import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import { apiError } from './api-error';
import { createErrorHandler, toHttpFailure, wrapThrownValues } from './error-handler';
import type { Logger } from './logger';

function recordingLogger() {
  const entries: { level: string; object: object; message?: string | undefined }[] = [];
  const at =
    (level: string) =>
    (object: object, message?: string): void =>
      void entries.push({ level, object, message });
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
  return { logger, entries };
}

function appThrowing(
  error: unknown,
  toFailure?: Parameters<typeof createErrorHandler>[0]['toFailure'],
) {
  const { logger, entries } = recordingLogger();
  const app = new Hono()
    .use(requestId())
    .use(wrapThrownValues)
    .get('/x', () => {
      throw error;
    })
    .onError(createErrorHandler({ logger, ...(toFailure ? { toFailure } : {}) }));
  return { app, entries };
}

describe('toHttpFailure', () => {
  it('keeps an HTTPException status with a code for it, and hides server errors', () => {
    expect(toHttpFailure(new HTTPException(401, { message: 'No' }))).toEqual({
      status: 401,
      code: 'unauthorized',
      message: 'No',
    });
    expect(toHttpFailure(new HTTPException(400), { 400: 'invalid_json' }).code).toBe(
      'invalid_json',
    );
    expect(toHttpFailure(new HTTPException(418)).code).toBe('bad_request');
    expect(toHttpFailure(new HTTPException(502, { message: 'upstream x' })).code).toBe(
      'internal_error',
    );
    expect(toHttpFailure(new Error('db password wrong')).message).not.toContain('password');
  });
});

describe('createErrorHandler', () => {
  it('answers an apiError with its status, code and Retry-After, logged at debug', async () => {
    const { app, entries } = appThrowing(
      apiError(429, 'rate_limited', 'Slow', { retryAfterSeconds: 3 }),
    );
    const response = await app.request('/x', { headers: { 'X-Request-Id': 'req-1' } });
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('3');
    expect(await response.json()).toEqual({ error: { code: 'rate_limited', message: 'Slow' } });
    expect(entries).toEqual([
      { level: 'debug', object: { reqId: 'req-1', code: 'rate_limited' }, message: 'client error' },
    ]);
  });

  it('answers anything unknown with a generic 500 and logs the error once', async () => {
    const error = new Error('secret detail');
    const { app, entries } = appThrowing(error);
    const response = await app.request('/x');
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('secret');
    expect(entries).toEqual([
      {
        level: 'error',
        object: { reqId: expect.any(String), err: error },
        message: 'request failed',
      },
    ]);
  });

  it("uses the app's mapping, and wraps a thrown string into an Error first", async () => {
    const seen: unknown[] = [];
    const { app, entries } = appThrowing('aborted', (error) => {
      seen.push(error);
      return { status: 503, code: 'shutting_down', message: 'Restarting' };
    });
    const response = await app.request('/x');
    expect(response.status).toBe(503);
    expect(seen[0]).toBeInstanceOf(Error);
    expect(entries[0]?.level).toBe('warn');
  });
});
