import { afterEach, describe, expect, it } from 'vitest';
import type { VoipbinApiError } from '../client/request';
import { action, type FakeGateway, startFakeGateway, waitForEvent } from './fake-gateway';
import type { SimulatorOptions } from './simulator';

let harness: FakeGateway | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A caller parked in its conference by the fetch loop, ready to be handed to a person. */
async function setup(options: SimulatorOptions = {}) {
  const gateway = await startFakeGateway(options);
  harness = gateway;
  const { id: conferenceId } = await gateway.client.conferences.create({
    type: 'conference',
    name: 'park',
    timeout: 0,
  });
  gateway.gateway.onFetch = () => [action('conference_join', { conference_id: conferenceId })];
  const caller = await gateway.simulator.startCall({ fetchUrl: gateway.fetchUrl });
  await caller.waitForConference();
  const dial = () =>
    gateway.client.calls.create({
      source: { type: 'tel', target: '+15550100' },
      destinations: [{ type: 'tel', target: '+15559876543' }],
      actions: [
        { type: 'talk', option: { text: 'Caller wants a refund.', language: 'en-US' } },
        { type: 'conference_join', option: { conference_id: conferenceId } },
      ],
    });
  const participants = () =>
    gateway.simulator.state.conferences.get(conferenceId)?.conferencecall_ids.length;
  return { ...gateway, conferenceId, caller, dial, participants };
}

describe('simulator: dialing a person into the caller conference (HANDOFF.md §1.3)', () => {
  it('answer: ringing, answered, briefed, then bridged with the caller', async () => {
    const { simulator, dial, story, conferenceId, caller, participants } = await setup();
    const { calls, groupcalls } = await dial();
    expect(groupcalls).toEqual([]);
    expect(calls).toEqual([
      expect.objectContaining({ direction: 'outgoing', status: 'dialing', tm_progressing: null }),
    ]);
    const humanId = calls[0]?.id ?? '';
    const [leg] = await simulator.humans.waitForLegs(1);
    expect(leg?.id).toBe(humanId);
    await simulator.waitUntil(() => participants() === 2);
    await waitForEvent(
      harness as FakeGateway,
      (event) => event.type === 'conference_updated' && event.data.conferencecall_ids.length === 2,
      'the bridge',
    );
    expect(story(humanId)).toEqual([
      'call_created:dialing',
      'call_dialing:dialing',
      'call_ringing:ringing',
      'call_progressing:progressing',
      'call_updated:progressing',
    ]);
    const events = (harness as FakeGateway).events.filter((event) => event.data.id === humanId);
    expect(events[0]?.data).toMatchObject({
      direction: 'outgoing',
      source: { target: '+15550100' },
      destination: { target: '+15559876543' },
    });
    expect(events[3]?.data).toMatchObject({ tm_progressing: expect.any(String) });
    expect(events[4]?.data).toMatchObject({ action: { type: 'confbridge_join' } });
    expect(simulator.state.outboundCalls.get(humanId)).toMatchObject({
      status: 'progressing',
      outcome: 'answer',
      heard: ['Caller wants a refund.'],
      conferenceId,
      source: '+15550100',
      destination: '+15559876543',
    });
    expect(caller.conferenceId()).toBe(conferenceId);
    expect(caller.lines()).toEqual([]);
  });

  it.each(['noanswer', 'busy', 'failed'] as const)(
    '%s: call_hangup with no tm_progressing, the caller stays alone',
    async (outcome) => {
      const { simulator, dial, story, participants } = await setup();
      simulator.humans.next(outcome, { ringMs: 10 });
      const { calls } = await dial();
      const humanId = calls[0]?.id ?? '';
      await waitForEvent(harness as FakeGateway, (event) => event.type === 'call_hangup', 'hangup');
      expect(story(humanId)).toEqual([
        'call_created:dialing',
        'call_dialing:dialing',
        'call_ringing:ringing',
        'call_hangup:hangup',
      ]);
      const hangup = (harness as FakeGateway).ofType('call_hangup')[0];
      expect(hangup?.data).toMatchObject({ hangup_reason: outcome, hangup_by: 'remote' });
      expect(hangup?.data.tm_progressing).toBeNull();
      expect(simulator.state.outboundCalls.get(humanId)).toMatchObject({
        status: 'hangup',
        heard: [],
        hangupReason: outcome,
      });
      expect(participants()).toBe(1);
    },
  );

  it('the person hangs up later: call_hangup after answer, then the conference holds the caller only', async () => {
    const { simulator, dial, participants } = await setup();
    await dial();
    const [leg] = await simulator.humans.waitForLegs(1);
    await simulator.waitUntil(() => participants() === 2);
    await leg?.hangup();
    expect(participants()).toBe(1);
    expect(leg?.record).toMatchObject({
      status: 'hangup',
      hangupBy: 'remote',
      conferenceId: undefined,
    });
    const types = (harness as FakeGateway).events.map((event) => event.type);
    expect(types.slice(-2)).toEqual(['call_hangup', 'conference_updated']);
    const hangup = (harness as FakeGateway).ofType('call_hangup')[0];
    expect(hangup?.data).toMatchObject({
      hangup_reason: 'normal',
      tm_progressing: expect.any(String),
    });
  });

  it('deleting the conference kicks both: the person is hung up, the caller fetches again', async () => {
    const { simulator, client, dial, conferenceId, caller, gateway } = await setup();
    await dial();
    const [leg] = await simulator.humans.waitForLegs(1);
    await simulator.waitUntil(() => leg?.record.conferenceId === conferenceId);
    gateway.onFetch = () => [action('hangup')];
    await client.conferences.delete(conferenceId);
    await simulator.waitUntil(() => leg?.record.status === 'hangup');
    expect(leg?.record).toMatchObject({ hangupBy: 'local', hangupReason: 'normal' });
    await simulator.waitUntil(() => simulator.state.calls.get(caller.id)?.status === 'hangup');
    expect(caller.fetches()).toHaveLength(2);
  });

  it('ring: rings until answer(); a ringing leg hung up by the API is cancelled', async () => {
    const { simulator, client, dial, participants } = await setup();
    simulator.humans.next('ring');
    simulator.humans.next('ring');
    await dial();
    const second = await dial();
    const [first, other] = await simulator.humans.waitForLegs(2);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(first?.record.status).toBe('ringing');
    await first?.answer();
    await simulator.waitUntil(() => participants() === 2);

    await client.calls.hangup(second.calls[0]?.id ?? '');
    await simulator.waitUntil(() => other?.record.status === 'hangup');
    expect(other?.record).toMatchObject({ hangupBy: 'local', hangupReason: 'cancel' });
    const cancelled = (harness as FakeGateway)
      .ofType('call_hangup')
      .find((event) => event.data.id === other?.id);
    expect(cancelled?.data.tm_progressing).toBeNull();
  });

  it('the default outcome comes from the simulator options', async () => {
    const { simulator, dial } = await setup({ humans: { outcome: 'busy', ringMs: 5 } });
    await dial();
    const [leg] = await simulator.humans.waitForLegs(1);
    await simulator.waitUntil(() => leg?.record.status === 'hangup');
    expect(leg?.record.hangupReason).toBe('busy');
  });

  it('refuses a source that is not our number and a call with no actions', async () => {
    const { client, simulator } = await setup();
    const destinations = [{ type: 'tel', target: '+15559876543' }];
    const stranger = (await client.calls
      .create({
        source: { type: 'tel', target: '+15557654321' },
        destinations,
        actions: [action('hangup')],
      })
      .catch((error: unknown) => error)) as VoipbinApiError;
    expect(stranger.status).toBe(400);
    const empty = (await client.calls
      .create({ source: { type: 'tel', target: '+15550100' }, destinations, actions: [] })
      .catch((error: unknown) => error)) as VoipbinApiError;
    expect(empty.status).toBe(400);
    expect(simulator.state.outboundCalls.size).toBe(0);
  });

  it('applies faults: a POST /calls that timed out still dials the person', async () => {
    const { simulator, dial } = await setup();
    simulator.fail({ method: 'POST', path: /^\/calls$/, delayMs: 500, times: 1 });
    const error = (await dial().catch((caught: unknown) => caught)) as VoipbinApiError;
    expect(error.mayHaveTakenEffect).toBe(true);
    expect(simulator.state.requests.filter((request) => request.path === '/calls')).toHaveLength(1);
    await simulator.humans.waitForLegs(1, 2000);
    expect(simulator.state.outboundCalls.size).toBe(1);
  });
});

describe('simulator: music on hold', () => {
  it('records POST and DELETE /calls/{id}/moh; refuses an unknown or ended call', async () => {
    const { simulator, client, caller } = await setup();
    await client.calls.startMusicOnHold(caller.id);
    await client.calls.stopMusicOnHold(caller.id);
    expect(simulator.state.musicOnHold.map(({ callId, on }) => ({ callId, on }))).toEqual([
      { callId: caller.id, on: true },
      { callId: caller.id, on: false },
    ]);
    const unknown = (await client.calls
      .startMusicOnHold('nope')
      .catch((error: unknown) => error)) as VoipbinApiError;
    expect(unknown.status).toBe(404);
    await caller.hangup();
    const ended = (await client.calls
      .startMusicOnHold(caller.id)
      .catch((error: unknown) => error)) as VoipbinApiError;
    expect(ended.status).toBe(409);
  });
});
