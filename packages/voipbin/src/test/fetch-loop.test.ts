import { afterEach, describe, expect, it } from 'vitest';
import { nilUuid } from '../wire';
import { action, type FakeGateway, startFakeGateway, waitForEvent } from './fake-gateway';

let harness: FakeGateway | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function setup() {
  harness = await startFakeGateway();
  const { id: conferenceId } = await harness.client.conferences.create({
    type: 'conference',
    name: 'park',
    timeout: 0,
  });
  return { ...harness, conferenceId };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('simulator: a call parked by its fetch loop (HANDOFF.md §1.2, SPEC.md §2)', () => {
  it('makes no fetch without fetchUrl (the default call is unchanged)', async () => {
    const { simulator, fetches } = await setup();
    const call = await simulator.startCall();
    await sleep(350);
    expect(fetches).toHaveLength(0);
    expect(call.fetches()).toEqual([]);
    expect(call.conferenceId()).toBeUndefined();
  });

  it('POSTs { activeflow_id, reference_id } to the URL (call id substituted), runs talk and conference_join', async () => {
    const { simulator, gateway, fetches, fetchUrl, conferenceId, events } = await setup();
    gateway.onFetch = () => [
      action('talk', { text: 'One moment.', language: 'en-US' }),
      action('conference_join', { conference_id: conferenceId }),
    ];
    const call = await simulator.startCall({
      fetchUrl: `${fetchUrl}?call_id=\${voipbin.call.id}&k=secret`,
    });
    await expect(call.waitForConference()).resolves.toBe(conferenceId);
    expect(fetches).toHaveLength(1);
    const [first] = fetches;
    expect(first?.query).toEqual({ call_id: call.id, k: 'secret' });
    expect(first?.contentType).toContain('application/json');
    const created = events.find((event) => event.type === 'call_created');
    const activeflowId = (created?.data as { activeflow_id?: string } | undefined)?.activeflow_id;
    expect(first?.body).toEqual({ activeflow_id: activeflowId, reference_id: call.id });
    expect(call.lines()).toEqual([expect.objectContaining({ text: 'One moment.', via: 'talk' })]);
    expect(call.fetches()).toEqual([
      expect.objectContaining({
        status: 200,
        outcome: 'executed',
        url: expect.stringContaining(call.id),
      }),
    ]);
    await waitForEvent(
      harness as FakeGateway,
      (event) => event.type === 'conference_updated' && event.data.conferencecall_ids.length === 1,
      'the join',
    );
    const bridged = events.find((event) => event.type === 'call_updated');
    expect(bridged?.data).toMatchObject({ id: call.id, action: { type: 'confbridge_join' } });
  });

  it('fetches again when kicked (the conference deleted), and runs the new answer', async () => {
    const { simulator, gateway, client, fetchUrl, conferenceId, story } = await setup();
    gateway.onFetch = () => [action('conference_join', { conference_id: conferenceId })];
    const call = await simulator.startCall({ fetchUrl });
    await call.waitForConference();
    gateway.onFetch = () => [
      action('talk', { text: 'Goodbye!', language: 'en-US' }),
      action('hangup'),
    ];
    await client.conferences.delete(conferenceId);
    await simulator.waitUntil(() => simulator.state.calls.get(call.id)?.status === 'hangup');
    expect(call.fetches().map((fetched) => fetched.outcome)).toEqual(['executed', 'executed']);
    expect(call.lines().map((line) => line.text)).toEqual(['Goodbye!']);
    expect(call.conferenceId()).toBeUndefined();
    await simulator.waitUntil(() => story(conferenceId).length === 5);
    expect(story(conferenceId)).toEqual([
      'conference_created:progressing',
      'conference_updated:progressing',
      'conference_updated:terminating',
      'conference_updated:terminating',
      'conference_deleted:terminated',
    ]);
    const updates = (harness as FakeGateway).ofType('conference_updated');
    expect(updates.map((event) => event.data.conferencecall_ids.length)).toEqual([1, 1, 0]);
    await waitForEvent(harness as FakeGateway, (event) => event.type === 'call_hangup', 'hangup');
    const hangup = (harness as FakeGateway).ofType('call_hangup')[0];
    expect(hangup?.data).toMatchObject({
      id: call.id,
      hangup_by: 'local',
      hangup_reason: 'normal',
    });
  });

  it('loops at most 1 + fetchLoops times, then the flow hangs up', async () => {
    const { simulator, fetchUrl, fetches } = await setup();
    const call = await simulator.startCall({ fetchUrl, fetchLoops: 2 });
    await simulator.waitUntil(() => simulator.state.calls.get(call.id)?.status === 'hangup');
    expect(fetches).toHaveLength(3);
  });

  it('waits out a sleep action before the next one', async () => {
    const { simulator, gateway, fetchUrl } = await setup();
    gateway.onFetch = () => [
      action('sleep', { duration: 150 }),
      action('talk', { text: 'Still there?' }),
      action('hangup'),
    ];
    const call = await simulator.startCall({ fetchUrl });
    await call.waitForLines(1);
    const [fetched] = call.fetches();
    const [line] = call.lines();
    expect(
      (line?.at ?? 0) - (fetched?.at ?? 0) - (fetched?.durationMs ?? 0),
    ).toBeGreaterThanOrEqual(140);
  });

  it('hangs up on a failed fetch: not 200, or not a bare array', async () => {
    const { simulator, gateway, fetchUrl } = await setup();
    const answers = [new Response('[]', { status: 201 }), { actions: [] }];
    for (const answer of answers) {
      gateway.onFetch = () => answer;
      const call = await simulator.startCall({ fetchUrl });
      await simulator.waitUntil(() => simulator.state.calls.get(call.id)?.status === 'hangup');
      expect(call.fetches().map((fetched) => fetched.outcome)).toEqual(['failed']);
    }
  });

  it('skips an answer whose first action has no id, as VoIPBin resumes after the fetch', async () => {
    const { simulator, gateway, fetchUrl } = await setup();
    gateway.onFetch = () => [{ type: 'talk', option: { text: 'Lost.' } }];
    const call = await simulator.startCall({ fetchUrl, fetchLoops: 1 });
    await simulator.waitUntil(() => simulator.state.calls.get(call.id)?.status === 'hangup');
    expect(call.fetches().map((fetched) => fetched.outcome)).toEqual(['skipped', 'skipped']);
    expect(call.lines()).toEqual([]);
    gateway.onFetch = () => [{ id: nilUuid, type: 'hangup' }];
    const again = await simulator.startCall({ fetchUrl, fetchLoops: 0 });
    await simulator.waitUntil(() => again.fetches().length === 1);
    expect(again.fetches()[0]?.outcome).toBe('skipped');
  });

  it('hangs up when told to join a conference that is gone', async () => {
    const { simulator, gateway, client, fetchUrl, conferenceId } = await setup();
    await client.conferences.delete(conferenceId);
    gateway.onFetch = () => [action('conference_join', { conference_id: conferenceId })];
    const call = await simulator.startCall({ fetchUrl });
    await simulator.waitUntil(() => simulator.state.calls.get(call.id)?.status === 'hangup');
    expect(call.fetches()).toHaveLength(1);
  });

  it('the caller hanging up leaves the conference and ends the loop', async () => {
    const { simulator, gateway, fetchUrl, conferenceId, fetches } = await setup();
    gateway.onFetch = () => [action('conference_join', { conference_id: conferenceId })];
    const call = await simulator.startCall({ fetchUrl });
    await call.waitForConference();
    await call.hangup();
    expect(call.conferenceId()).toBeUndefined();
    expect(simulator.state.conferences.get(conferenceId)?.conferencecall_ids).toEqual([]);
    await waitForEvent(
      harness as FakeGateway,
      (event) =>
        event.type === 'conference_updated' &&
        event.data.conferencecall_ids.length === 0 &&
        event.data.status === 'progressing',
      'the leave',
    );
    await sleep(100);
    expect(fetches).toHaveLength(1);
  });

  it('a fetch answered after the 3 s budget leaves the call in silence', async () => {
    const { simulator, gateway, fetchUrl, fetches } = await setup();
    gateway.onFetch = async () => {
      await sleep(3100);
      return [action('talk', { text: 'Too late.' })];
    };
    const call = await simulator.startCall({ fetchUrl });
    await simulator.waitUntil(() => call.fetches().length === 1, 5000);
    expect(call.fetches()[0]?.outcome).toBe('late');
    await sleep(100);
    expect(fetches).toHaveLength(1);
    expect(call.lines()).toEqual([]);
    expect(simulator.state.calls.get(call.id)?.status).toBe('progressing');
  });
});
