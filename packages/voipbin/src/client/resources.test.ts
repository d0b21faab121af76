import { describe, expect, it } from 'vitest';
import { nilUuid } from '../wire';
import { createVoipbinClient } from './client';
import { VoipbinApiError } from './request';
import { json, type Step, scriptedFetch } from './scripted-fetch';

const conversationId = '7a3c1d2e-4b5f-4a6b-8c7d-9e0f1a2b3c4d';
const tel = (target: string) => ({ type: 'tel', target });
const conversation = {
  id: conversationId,
  customer_id: '5e4a0680-804e-11ec-8477-2fea5968d85b',
  owner_type: '',
  owner_id: nilUuid,
  account_id: nilUuid,
  name: 'SMS · +15557654321',
  type: 'message',
  self: tel('+15550100'),
  peer: tel('+15557654321'),
  tm_create: '2026-08-22T10:15:30.481223Z',
  tm_update: null,
  tm_delete: null,
};
const sent = {
  id: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
  conversation_id: conversationId,
  direction: 'outgoing',
  status: 'progressing',
  reference_type: 'message',
  reference_id: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
  source: tel('+15550100'),
  destination: tel('+15557654321'),
  text: 'We open at nine.',
  tm_create: '2026-08-22T10:15:31.000000Z',
  tm_update: null,
  tm_delete: null,
};

describe('conversations', () => {
  it('get: GET /conversations/{id}, validated', async () => {
    const { calls, fetch } = scriptedFetch([json(200, conversation)]);
    const client = createVoipbinClient({ baseUrl: 'http://vb.test/v1.0', accessKey: 'k', fetch });
    const result = await client.conversations.get(conversationId);
    expect(result).toMatchObject({ id: conversationId, owner_type: '', type: 'message' });
    expect(calls[0]?.init?.method).toBe('GET');
    expect(calls[0]?.url.pathname).toBe(`/v1.0/conversations/${conversationId}`);
    expect(calls[0]?.url.searchParams.get('accesskey')).toBe('k');
  });

  it('sendMessage: POST /conversations/{id}/messages with {text, medias: []}', async () => {
    const { calls, fetch } = scriptedFetch([json(200, sent)]);
    const client = createVoipbinClient({ baseUrl: 'http://vb.test/v1.0', fetch });
    const message = await client.conversations.sendMessage(conversationId, 'We open at nine.');
    expect(message).toMatchObject({ status: 'progressing', direction: 'outgoing' });
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.url.pathname).toBe(`/v1.0/conversations/${conversationId}/messages`);
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      text: 'We open at nine.',
      medias: [],
    });
  });

  it('sendMessage is never repeated once it may have been sent (timeout, 500, reset)', async () => {
    const reset = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    for (const step of ['hang', json(500, {}), reset] as Step[]) {
      const { calls, fetch } = scriptedFetch([step, json(200, sent)]);
      const client = createVoipbinClient({ fetch, timeoutMs: 50, retries: 3, backoffMs: 1 });
      const error = await client.conversations
        .sendMessage(conversationId, 'hi')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(VoipbinApiError);
      expect((error as VoipbinApiError).mayHaveTakenEffect).toBe(true);
      expect(calls).toHaveLength(1);
    }
  });

  it('sendMessage is retried when certainly not sent (429, 503, refused connect)', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    const { calls, fetch } = scriptedFetch([
      json(429, {}),
      json(503, {}),
      refused,
      json(200, sent),
    ]);
    const client = createVoipbinClient({ fetch, retries: 3, backoffMs: 1 });
    await expect(client.conversations.sendMessage(conversationId, 'hi')).resolves.toMatchObject({
      id: sent.id,
    });
    expect(calls).toHaveLength(4);
  });

  it('a 404 for an unknown conversation is final and had no effect', async () => {
    const { calls, fetch } = scriptedFetch([json(404, { error: { message: 'not found' } })]);
    const client = createVoipbinClient({ fetch, backoffMs: 1 });
    const error = (await client.conversations
      .sendMessage(conversationId, 'hi')
      .catch((caught: unknown) => caught)) as VoipbinApiError;
    expect(error.status).toBe(404);
    expect(error.mayHaveTakenEffect).toBe(false);
    expect(calls).toHaveLength(1);
  });
});

describe('messages', () => {
  it('send: POST /messages with source, destinations and text', async () => {
    const answer = {
      id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
      customer_id: '5e4a0680-804e-11ec-8477-2fea5968d85b',
      type: 'sms',
      source: tel('+15550100'),
      targets: [{ destination: tel('+15557654321'), status: 'queued', parts: 0, tm_update: null }],
      text: 'Your order shipped.',
      direction: 'outbound',
      tm_create: '2026-08-22T10:15:31.000000Z',
      tm_update: null,
      tm_delete: null,
    };
    const { calls, fetch } = scriptedFetch([json(200, answer)]);
    const client = createVoipbinClient({ baseUrl: 'http://vb.test/v1.0', fetch });
    const input = {
      source: tel('+15550100'),
      destinations: [tel('+15557654321')],
      text: 'Your order shipped.',
    };
    const message = await client.messages.send(input);
    expect(message.direction).toBe('outbound');
    expect(message.targets[0]?.status).toBe('queued');
    expect(calls[0]?.url.pathname).toBe('/v1.0/messages');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual(input);
  });
});

describe('speakings', () => {
  const speaking = (id: string) => ({
    id,
    customer_id: '5e4a0680-804e-11ec-8477-2fea5968d85b',
    reference_type: 'call',
    reference_id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    status: 'active',
  });

  it('list: GET /speakings with page_size and page_token, read from result', async () => {
    const { calls, fetch } = scriptedFetch([
      json(200, { result: [speaking('s1'), speaking('s2')], next_page_token: 'next' }),
    ]);
    const client = createVoipbinClient({ baseUrl: 'http://vb.test/v1.0', accessKey: 'k', fetch });
    const page = await client.speakings.list('tok');
    expect(page.result.map((item) => item.id)).toEqual(['s1', 's2']);
    expect(page.next_page_token).toBe('next');
    expect(calls[0]?.init?.method).toBe('GET');
    expect(calls[0]?.url.pathname).toBe('/v1.0/speakings');
    expect(calls[0]?.url.searchParams.get('page_size')).toBe('100');
    expect(calls[0]?.url.searchParams.get('page_token')).toBe('tok');
    expect(calls[0]?.url.searchParams.get('accesskey')).toBe('k');
  });

  it('list: accepts the bare array of the OpenAPI, with no next page token', async () => {
    const { calls, fetch } = scriptedFetch([json(200, [speaking('s1')])]);
    const client = createVoipbinClient({ fetch });
    const page = await client.speakings.list();
    expect(page).toEqual({ result: [expect.objectContaining({ id: 's1', status: 'active' })] });
    expect(calls[0]?.url.searchParams.has('page_token')).toBe(false);
  });

  it('list is idempotent: retried on a 500 and a timeout', async () => {
    const { calls, fetch } = scriptedFetch([
      json(500, {}),
      'hang',
      json(200, { result: null, next_page_token: '' }),
    ]);
    const client = createVoipbinClient({ fetch, timeoutMs: 50, retries: 2, backoffMs: 1 });
    await expect(client.speakings.list()).resolves.toMatchObject({ result: [] });
    expect(calls).toHaveLength(3);
  });
});
