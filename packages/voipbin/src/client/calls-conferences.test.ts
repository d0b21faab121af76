import { describe, expect, it } from 'vitest';
import { nilUuid } from '../wire';
import { createVoipbinClient } from './client';
import { VoipbinApiError } from './request';
import { json, type Step, scriptedFetch } from './scripted-fetch';

const bodyOf = (init: RequestInit | undefined): unknown => JSON.parse(String(init?.body));

const conferenceId = '9d2c4b1a-7e6f-4a3b-8c2d-1e0f9a8b7c6d';
const conference = {
  id: conferenceId,
  customer_id: '5e4a0680-804e-11ec-8477-2fea5968d85b',
  type: 'conference',
  status: 'progressing',
  name: 'park call-1',
  detail: '',
  data: {},
  timeout: 7200,
  pre_flow_id: nilUuid,
  post_flow_id: nilUuid,
  conferencecall_ids: [],
  tm_end: null,
  tm_create: '2026-08-22T10:15:28.301772Z',
  tm_update: '2026-08-22T10:15:28.301772Z',
  tm_delete: null,
};
const humanLeg = {
  id: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d',
  status: 'dialing',
  direction: 'outgoing',
  source: { type: 'tel', target: '+15550100' },
  destination: { type: 'tel', target: '+15559876543' },
  tm_progressing: null,
  tm_update: '2026-08-22T10:16:39.551120Z',
};
const dialInput = {
  source: { type: 'tel', target: '+15550100' },
  destinations: [{ type: 'tel', target: '+15559876543' }],
  actions: [
    { type: 'talk', option: { text: 'Caller wants a refund.', language: 'en-US' } },
    { type: 'conference_join', option: { conference_id: conferenceId } },
  ],
};
const reset = Object.assign(new TypeError('fetch failed'), {
  cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
});

describe('conferences', () => {
  it('create: POST /conferences, the fields left out sent empty', async () => {
    const { calls, fetch } = scriptedFetch([json(200, conference)]);
    const client = createVoipbinClient({ baseUrl: 'http://vb.test/v1.0', accessKey: 'k', fetch });
    const created = await client.conferences.create({
      type: 'conference',
      name: 'park call-1',
      timeout: 7200,
    });
    expect(created).toMatchObject({ id: conferenceId, status: 'progressing' });
    expect(created.conferencecall_ids).toEqual([]);
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.url.pathname).toBe('/v1.0/conferences');
    expect(calls[0]?.url.searchParams.get('accesskey')).toBe('k');
    expect(bodyOf(calls[0]?.init)).toEqual({
      type: 'conference',
      name: 'park call-1',
      detail: '',
      timeout: 7200,
      data: {},
      pre_flow_id: '',
      post_flow_id: '',
    });
  });

  it('create is never repeated once it may have taken effect, only when refused', async () => {
    for (const step of ['hang', json(500, {}), reset] as Step[]) {
      const { calls, fetch } = scriptedFetch([step, json(200, conference)]);
      const client = createVoipbinClient({ fetch, timeoutMs: 50, retries: 2, backoffMs: 1 });
      const error = (await client.conferences
        .create({ type: 'conference', name: 'x', timeout: 0 })
        .catch((caught: unknown) => caught)) as VoipbinApiError;
      expect(error).toBeInstanceOf(VoipbinApiError);
      expect(error.mayHaveTakenEffect).toBe(true);
      expect(calls).toHaveLength(1);
    }
    const { calls, fetch } = scriptedFetch([json(503, {}), json(200, conference)]);
    const client = createVoipbinClient({ fetch, retries: 2, backoffMs: 1 });
    await client.conferences.create({
      type: 'conference',
      name: 'x',
      timeout: 0,
      id: conferenceId,
    });
    expect(calls).toHaveLength(2);
    expect(bodyOf(calls[1]?.init)).toMatchObject({ id: conferenceId });
  });

  it('get: GET /conferences/{id}', async () => {
    const { calls, fetch } = scriptedFetch([json(200, conference)]);
    const client = createVoipbinClient({ baseUrl: 'http://vb.test/v1.0', fetch });
    await expect(client.conferences.get(conferenceId)).resolves.toMatchObject({ id: conferenceId });
    expect(calls[0]?.init?.method).toBe('GET');
    expect(calls[0]?.url.pathname).toBe(`/v1.0/conferences/${conferenceId}`);
  });

  it('delete: DELETE /conferences/{id}, idempotent so retried on a 500, a timeout and a reset', async () => {
    const deleted = { ...conference, status: 'terminated', tm_delete: '2026-08-22T10:20:00Z' };
    const { calls, fetch } = scriptedFetch([json(500, {}), 'hang', reset, json(200, deleted)]);
    const client = createVoipbinClient({ fetch, timeoutMs: 50, retries: 3, backoffMs: 1 });
    await expect(client.conferences.delete(conferenceId)).resolves.toMatchObject({
      status: 'terminated',
    });
    expect(calls).toHaveLength(4);
    expect(calls.every((call) => call.init?.method === 'DELETE')).toBe(true);
    expect(calls[0]?.url.pathname).toBe(`/v1.0/conferences/${conferenceId}`);
  });
});

describe('calls: dialing a person and music on hold', () => {
  it('create: POST /calls with source, destinations and actions; reads the legs', async () => {
    const { calls, fetch } = scriptedFetch([json(200, { calls: [humanLeg], groupcalls: [] })]);
    const client = createVoipbinClient({ baseUrl: 'http://vb.test/v1.0', fetch });
    const created = await client.calls.create(dialInput);
    expect(created.calls.map((call) => [call.id, call.direction, call.status])).toEqual([
      [humanLeg.id, 'outgoing', 'dialing'],
    ]);
    expect(created.groupcalls).toEqual([]);
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.url.pathname).toBe('/v1.0/calls');
    expect(bodyOf(calls[0]?.init)).toEqual(dialInput);
  });

  it('create reads null lists as empty', async () => {
    const { fetch } = scriptedFetch([json(200, { calls: [humanLeg], groupcalls: null })]);
    const client = createVoipbinClient({ fetch });
    await expect(client.calls.create(dialInput)).resolves.toMatchObject({ groupcalls: [] });
  });

  it('create never dials twice once it may have taken effect (timeout, 500, reset)', async () => {
    for (const step of ['hang', json(500, {}), reset] as Step[]) {
      const { calls, fetch } = scriptedFetch([step, json(200, { calls: [humanLeg] })]);
      const client = createVoipbinClient({ fetch, timeoutMs: 50, retries: 3, backoffMs: 1 });
      const error = (await client.calls
        .create(dialInput)
        .catch((caught: unknown) => caught)) as VoipbinApiError;
      expect(error.mayHaveTakenEffect).toBe(true);
      expect(calls).toHaveLength(1);
    }
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    const { calls, fetch } = scriptedFetch([json(429, {}), refused, json(200, { calls: [] })]);
    const client = createVoipbinClient({ fetch, retries: 3, backoffMs: 1 });
    await expect(client.calls.create(dialInput)).resolves.toMatchObject({ calls: [] });
    expect(calls).toHaveLength(3);
  });

  it('startMusicOnHold / stopMusicOnHold: POST and DELETE /calls/{id}/moh, both retried', async () => {
    const { calls, fetch } = scriptedFetch([
      json(500, {}),
      new Response(null, { status: 200 }),
      'hang',
      new Response(null, { status: 200 }),
    ]);
    const client = createVoipbinClient({ fetch, timeoutMs: 50, retries: 1, backoffMs: 1 });
    await client.calls.startMusicOnHold('call-1');
    await client.calls.stopMusicOnHold('call-1');
    expect(calls.map((call) => `${call.init?.method} ${call.url.pathname}`)).toEqual([
      'POST /v1.0/calls/call-1/moh',
      'POST /v1.0/calls/call-1/moh',
      'DELETE /v1.0/calls/call-1/moh',
      'DELETE /v1.0/calls/call-1/moh',
    ]);
  });
});
