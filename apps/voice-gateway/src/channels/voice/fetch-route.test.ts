import type { VoipbinAction } from '@org/voipbin';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rig, startRig } from '../../simulator/rig';

const greeting = 'Hello, Harbor Lane Books, how can I help?';
const settings = { quietMs: 100, msPerChar: 0, greeting };
const fetchSecret = 'simulated-fetch-secret-0123456789';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function fetchActions(url: string, callId: string): Promise<VoipbinAction[]> {
  const response = await fetch(`${url}/voipbin/fetch/${fetchSecret}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ activeflow_id: 'af-1', reference_id: callId }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as VoipbinAction[];
}

describe('greeting through a fetch action', () => {
  it('is heard exactly once when POST /speakings is slow and the fetch comes meanwhile', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const { simulator, gateway } = rig;
    // Opening the Speaking session takes longer than the fetch route's budget.
    simulator.fail({ method: 'POST', path: /^\/speakings$/, delayMs: 1500 });
    const call = await simulator.startCall();
    await simulator.waitUntil(
      () => simulator.state.requests.some((r) => r.path === '/speakings'),
      15_000,
      'POST /speakings',
    );

    const actions = await fetchActions(rig.url, call.id);
    await gateway.engine.settled();

    const viaFetch = actions.filter((a) => a.type === 'talk' && a.option?.text === greeting);
    const viaApi = call.lines().filter((line) => line.text === greeting);
    expect(viaFetch.length + viaApi.length).toBe(1);
    expect(viaFetch).toHaveLength(1);
    // A fresh action id, and the call goes on normally afterwards.
    expect(viaFetch[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    await call.say('What are your opening hours?');
    const lines = await call.waitForLines(1);
    expect(lines[0]?.via).toBe('speaking');
  });

  it('answers [] to a second fetch and the greeting is not said again on answer', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const { simulator, gateway } = rig;
    const call = await simulator.startCall();
    await gateway.engine.settled();
    const first = await fetchActions(rig.url, call.id);
    const second = await fetchActions(rig.url, call.id);
    const greetings =
      first.filter((a) => a.type === 'talk').length +
      second.filter((a) => a.type === 'talk').length +
      call.lines().filter((line) => line.text === greeting).length;
    expect(greetings).toBe(1);
  });
});
