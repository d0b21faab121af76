import type { Listening } from '@org/runtime';
import type { Simulator } from '@org/voipbin/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instances, startInstances } from '../../simulator/instances';

const fetchSecret = 'shared-fetch-secret-0123456789';
let instances: Instances;
let simulator: Simulator;
let balancer: Listening;

beforeAll(async () => {
  instances = await startInstances({
    env: { VOIPBIN_FETCH_SECRET: fetchSecret, HANDOFF_PHONE_NUMBER: '+15559876543' },
    overrides: {
      // The ring timer lives on the instance that dialed, and is left to run out (doing nothing)
      // when the other one hears the answer: short, so that `settled` does not wait long.
      settings: { quietMs: 100, msPerChar: 0, handoffRingTimeoutMs: 1500 },
    },
  });
  ({ simulator, balancer } = instances);
}, 30_000);

afterAll(async () => {
  await instances?.close();
});

const settled = () => instances.settled();

describe('two gateway instances sharing Upstash', () => {
  it('hand one call to a person between them, and clean up after it', async () => {
    simulator.humans.next('answer', { ringMs: 200 });
    const call = await simulator.startCall({
      fetchUrl: `${balancer.url}/voipbin/fetch/${fetchSecret}`,
    });
    const conferenceId = await call.waitForConference();
    await call.waitForLines(1);
    await settled();
    // One conference for the call, whichever instance created it.
    expect(simulator.state.conferences.size).toBe(1);

    await call.say('Can I talk to a real person please?');
    await simulator.humans.waitForLegs(1);
    await simulator.waitUntil(
      () => simulator.state.conferences.get(conferenceId)?.conferencecall_ids.length === 2,
      5000,
      'the bridge',
    );
    await settled();
    const lines = call.lines().length;
    expect(call.lines().at(-1)?.text).toMatch(/connect you with a colleague/);
    await call.say('Hello? Are you the shop?');
    await settled();
    expect(call.lines()).toHaveLength(lines);
    expect(simulator.humans.legs()).toHaveLength(1);

    await call.hangup();
    await settled();
    expect(simulator.state.conferences.get(conferenceId)?.status).toBe('terminated');
    expect(simulator.humans.legs()[0]?.record.status).toBe('hangup');
  });
});
