import { afterEach, describe, expect, it } from 'vitest';
import { createVoipbinClient } from '../client/client';
import { VoipbinApiError } from '../client/request';
import { type Simulator, startSimulator } from './simulator';

let simulator: Simulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function setup() {
  const sim = await startSimulator({ accessKey: 'vb_voice', retryDelayMs: 20 });
  simulator = sim;
  const client = createVoipbinClient({
    baseUrl: sim.url,
    accessKey: 'vb_voice',
    timeoutMs: 200,
    backoffMs: 1,
  });
  const call = await sim.startCall();
  const input = {
    reference_type: 'call',
    reference_id: call.id,
    language: 'en-US',
    direction: 'both',
  } as const;
  return { sim, client, call, input };
}

describe('simulator: Speaking sessions (SPEC.md §3)', () => {
  it('lists the sessions, newest last, and refuses a second active one per call', async () => {
    const { client, input } = await setup();
    expect(await client.speakings.list()).toEqual({ result: [], next_page_token: '' });
    const first = await client.speakings.create(input);
    expect(first.status).toBe('active');
    const second = await client.speakings.create(input).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(VoipbinApiError);
    expect((second as VoipbinApiError).status).toBe(400);
    await client.speakings.stop(first.id);
    const third = await client.speakings.create(input);
    const { result } = await client.speakings.list();
    expect(result.map((speaking) => [speaking.id, speaking.status])).toEqual([
      [first.id, 'stopped'],
      [third.id, 'active'],
    ]);
  });

  it('a create that timed out still takes effect: the session is listed and can be stopped', async () => {
    const { sim, client, call, input } = await setup();
    sim.fail({ method: 'POST', path: /^\/speakings$/, delayMs: 500 });
    const error = await client.speakings.create(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VoipbinApiError);
    expect((error as VoipbinApiError).mayHaveTakenEffect).toBe(true);
    expect(sim.state.speakings.size).toBe(0);
    expect(sim.state.requests.filter((request) => request.method === 'POST')).toHaveLength(1);

    // VoIPBin acts once the delay is over, though nobody is waiting for the answer any more.
    await sim.waitUntil(() => sim.state.speakings.size === 1, 2000, 'the late session');
    sim.state.faults.length = 0;
    const { result } = await client.speakings.list();
    expect(result).toHaveLength(1);
    const [late] = result;
    expect(late).toMatchObject({ reference_id: call.id, status: 'active' });
    expect(sim.state.speakings.get(late?.id ?? '')?.status).toBe('active');
    // The late session holds the call's one slot, as on VoIPBin.
    const again = (await client.speakings
      .create(input)
      .catch((caught: unknown) => caught)) as VoipbinApiError;
    expect(again.status).toBe(400);

    await expect(client.speakings.stop(late?.id ?? '')).resolves.toMatchObject({
      status: 'stopped',
    });
    expect(sim.state.speakings.get(late?.id ?? '')?.status).toBe('stopped');
  });
});
