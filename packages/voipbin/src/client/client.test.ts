import { describe, expect, it } from 'vitest';
import { createVoipbinClient } from './client';
import { VoipbinApiError } from './request';
import { json, scriptedFetch } from './scripted-fetch';

const speaking = { id: 'sp-1', reference_type: 'call', reference_id: 'call-1', status: 'active' };

describe('createVoipbinClient', () => {
  it('sends the access key as ?accesskey= and the JSON body, and validates the answer', async () => {
    const { calls, fetch } = scriptedFetch([json(200, speaking)]);
    const client = createVoipbinClient({
      baseUrl: 'http://vb.test/v1.0/',
      accessKey: 'vb_key',
      fetch,
    });
    const result = await client.speakings.say('sp-1', 'Hello there.');
    expect(result.id).toBe('sp-1');
    const [call] = calls;
    expect(call?.url.pathname).toBe('/v1.0/speakings/sp-1/say');
    expect(call?.url.searchParams.get('accesskey')).toBe('vb_key');
    expect(call?.init?.method).toBe('POST');
    expect(JSON.parse(String(call?.init?.body))).toEqual({ text: 'Hello there.' });
    const headers = new Headers(call?.init?.headers);
    expect(headers.get('authorization')).toBeNull();
  });

  it('retries 429, 5xx and network errors with backoff, then succeeds', async () => {
    const steps = [
      json(429, {}),
      json(503, {}),
      new TypeError('fetch failed'),
      json(200, speaking),
    ];
    const { calls, fetch } = scriptedFetch(steps);
    const retries: number[] = [];
    const client = createVoipbinClient({
      fetch,
      retries: 3,
      backoffMs: 1,
      onRetry: ({ attempt }) => retries.push(attempt),
    });
    await expect(client.speakings.flush('sp-1')).resolves.toMatchObject({ id: 'sp-1' });
    expect(calls).toHaveLength(4);
    expect(retries).toEqual([1, 2, 3]);
  });

  it('gives up after the bounded number of retries', async () => {
    const { calls, fetch } = scriptedFetch([
      json(500, {}),
      json(502, {}),
      json(500, {}),
      json(200, speaking),
    ]);
    const client = createVoipbinClient({ fetch, retries: 2, backoffMs: 1 });
    const error = await client.speakings.stop('sp-1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VoipbinApiError);
    expect((error as VoipbinApiError).status).toBe(500);
    expect(calls).toHaveLength(3);
  });

  it('does not retry other 4xx and reports the VoIPBin error message', async () => {
    const body = { error: { status: 409, reason: 'conflict', message: 'speaking already exists' } };
    const { calls, fetch } = scriptedFetch([json(409, body), json(201, speaking)]);
    const client = createVoipbinClient({ fetch, backoffMs: 1 });
    const input = {
      reference_type: 'call',
      reference_id: 'c',
      language: 'en-US',
      direction: 'both',
    } as const;
    const error = (await client.speakings
      .create(input)
      .catch((caught: unknown) => caught)) as VoipbinApiError;
    expect(error.status).toBe(409);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('speaking already exists');
    expect(calls).toHaveLength(1);
  });

  it('times out a hung idempotent attempt and retries it', async () => {
    const transcribe = { id: 't1', reference_type: 'call', reference_id: 'c1' };
    const { calls, fetch } = scriptedFetch(['hang', json(200, transcribe)]);
    const client = createVoipbinClient({ fetch, timeoutMs: 50, retries: 1, backoffMs: 1 });
    await expect(client.transcribes.get('t1')).resolves.toMatchObject({ id: 't1' });
    expect(calls).toHaveLength(2);
  });

  it('never retries a non-idempotent POST that timed out after sending', async () => {
    for (const send of [
      (client: ReturnType<typeof createVoipbinClient>) => client.speakings.say('sp-1', 'hi'),
      (client: ReturnType<typeof createVoipbinClient>) =>
        client.calls.talk('call-1', { text: 'hi', language: 'en-US' }),
      (client: ReturnType<typeof createVoipbinClient>) =>
        client.speakings.create({
          reference_type: 'call',
          reference_id: 'call-1',
          language: 'en-US',
          direction: 'both',
        }),
    ]) {
      const { calls, fetch } = scriptedFetch(['hang', json(200, speaking)]);
      const client = createVoipbinClient({ fetch, timeoutMs: 50, retries: 2, backoffMs: 1 });
      const error = (await send(client).catch((caught: unknown) => caught)) as VoipbinApiError;
      expect(error).toBeInstanceOf(VoipbinApiError);
      expect(error.mayHaveTakenEffect).toBe(true);
      expect(calls).toHaveLength(1);
    }
  });

  it('never retries a non-idempotent POST on a 500 or a reset, only when refused', async () => {
    const reset = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    for (const step of [json(500, {}), json(502, {}), reset]) {
      const { calls, fetch } = scriptedFetch([step, json(200, speaking)]);
      const client = createVoipbinClient({ fetch, retries: 2, backoffMs: 1 });
      const error = (await client.speakings
        .say('sp-1', 'hi')
        .catch((e: unknown) => e)) as VoipbinApiError;
      expect(error.mayHaveTakenEffect).toBe(true);
      expect(calls).toHaveLength(1);
    }
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    const { calls, fetch } = scriptedFetch([
      json(429, {}),
      json(503, {}),
      refused,
      json(200, speaking),
    ]);
    const client = createVoipbinClient({ fetch, retries: 3, backoffMs: 1 });
    await expect(client.speakings.say('sp-1', 'hi')).resolves.toMatchObject({ id: 'sp-1' });
    expect(calls).toHaveLength(4);
  });

  it('marks a refused or rejected request as not having taken effect', async () => {
    const { fetch } = scriptedFetch([json(503, {}), json(503, {}), json(400, {})]);
    const client = createVoipbinClient({ fetch, retries: 1, backoffMs: 1 });
    const refused = (await client.speakings
      .say('sp-1', 'hi')
      .catch((e: unknown) => e)) as VoipbinApiError;
    expect(refused.status).toBe(503);
    expect(refused.mayHaveTakenEffect).toBe(false);
    const rejected = (await client.speakings
      .say('sp-1', 'hi')
      .catch((e: unknown) => e)) as VoipbinApiError;
    expect(rejected.status).toBe(400);
    expect(rejected.mayHaveTakenEffect).toBe(false);
  });

  it('rejects an answer of the wrong shape without retrying', async () => {
    const { calls, fetch } = scriptedFetch([json(200, { reference_id: 'c' }), json(200, {})]);
    const client = createVoipbinClient({ fetch, backoffMs: 1 });
    await expect(client.transcribes.get('t1')).rejects.toThrow(/unexpected answer/);
    expect(calls).toHaveLength(1);
  });

  it('reads lists from result and passes page tokens', async () => {
    const { calls, fetch } = scriptedFetch([
      json(200, { result: [{ id: 'f1', name: 'x' }], next_page_token: '' }),
    ]);
    const client = createVoipbinClient({ fetch });
    const page = await client.flows.list('tok');
    expect(page.result.map((flow) => flow.id)).toEqual(['f1']);
    expect(calls[0]?.url.searchParams.get('page_token')).toBe('tok');
  });
});
