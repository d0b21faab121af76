import { afterEach, describe, expect, it } from 'vitest';
import type { VoipbinApiError } from '../client/request';
import { type FakeGateway, startFakeGateway, waitForEvent } from './fake-gateway';

let harness: FakeGateway | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function setup() {
  harness = await startFakeGateway();
  return harness;
}

describe('simulator: conferences (HANDOFF.md §1.2)', () => {
  it('creates, reads and lists a conference, and delivers conference_created', async () => {
    const { client, simulator, story } = await setup();
    const conference = await client.conferences.create({
      type: 'conference',
      name: 'park call-1',
      timeout: 7200,
    });
    expect(conference).toMatchObject({
      type: 'conference',
      status: 'progressing',
      name: 'park call-1',
      timeout: 7200,
      conferencecall_ids: [],
      tm_delete: null,
    });
    await expect(client.conferences.get(conference.id)).resolves.toMatchObject({
      id: conference.id,
      status: 'progressing',
    });
    expect(simulator.state.conferences.get(conference.id)?.customer_id).toBe(
      simulator.state.customer.id,
    );
    await simulator.waitUntil(() => story(conference.id).length === 1);
    expect(story(conference.id)).toEqual(['conference_created:progressing']);
  });

  it('takes a client-chosen id once, and turns a timeout under a minute into a day', async () => {
    const { client } = await setup();
    const id = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
    const conference = await client.conferences.create({
      type: 'conference',
      name: 'x',
      timeout: 30,
      id,
    });
    expect(conference).toMatchObject({ id, timeout: 86_400 });
    const again = (await client.conferences
      .create({ type: 'conference', name: 'x', timeout: 0, id })
      .catch((error: unknown) => error)) as VoipbinApiError;
    expect(again.status).toBe(409);
    const odd = (await client.conferences
      .create({ type: 'lecture' as 'conference', name: 'x', timeout: 0 })
      .catch((error: unknown) => error)) as VoipbinApiError;
    expect(odd.status).toBe(400);
  });

  it('delete: terminating, then terminated with conference_deleted; deleting again changes nothing', async () => {
    const { client, simulator, story } = await setup();
    const { id } = await client.conferences.create({ type: 'conference', name: 'x', timeout: 0 });
    const deleted = await client.conferences.delete(id);
    expect(deleted.status).toBe('terminated');
    expect(deleted.tm_delete).toEqual(expect.any(String));
    await simulator.waitUntil(() => story(id).length === 3);
    expect(story(id)).toEqual([
      'conference_created:progressing',
      'conference_updated:terminating',
      'conference_deleted:terminated',
    ]);
    await expect(client.conferences.delete(id)).resolves.toMatchObject({ status: 'terminated' });
    await expect(client.conferences.get(id)).resolves.toMatchObject({ status: 'terminated' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(story(id)).toHaveLength(3);
  });

  it('answers 404 for an unknown conference', async () => {
    const { client } = await setup();
    for (const request of [client.conferences.get('nope'), client.conferences.delete('nope')]) {
      const error = (await request.catch((caught: unknown) => caught)) as VoipbinApiError;
      expect(error.status).toBe(404);
    }
  });

  it('applies faults: a refused create makes nothing, a slow one still takes effect', async () => {
    const { client, simulator } = await setup();
    simulator.fail({ method: 'POST', path: /^\/conferences$/, status: 503, times: 3 });
    const refused = (await client.conferences
      .create({ type: 'conference', name: 'x', timeout: 0 })
      .catch((error: unknown) => error)) as VoipbinApiError;
    expect(refused.status).toBe(503);
    expect(simulator.state.conferences.size).toBe(0);

    simulator.fail({ method: 'POST', path: /^\/conferences$/, delayMs: 500, times: 1 });
    const slow = (await client.conferences
      .create({ type: 'conference', name: 'late', timeout: 0 })
      .catch((error: unknown) => error)) as VoipbinApiError;
    expect(slow.mayHaveTakenEffect).toBe(true);
    await simulator.waitUntil(() => simulator.state.conferences.size === 1, 2000);
    const [late] = simulator.state.conferences.values();
    await waitForEvent(
      harness as FakeGateway,
      (event) => event.type === 'conference_created',
      'the late create',
    );
    expect(late?.name).toBe('late');
  });
});
