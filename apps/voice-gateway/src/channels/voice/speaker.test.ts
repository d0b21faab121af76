import { createVoipbinClient } from '@org/voipbin';
import { type Simulator, startSimulator } from '@org/voipbin/test';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStateStore } from '../../state/state-store';
import { createCallStates } from './call-state';
import { createSpeaker } from './speaker';

let simulator: Simulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function setup() {
  simulator = await startSimulator({ accessKey: 'vb_test', retryDelayMs: 50 });
  const sim = simulator;
  const call = await sim.startCall();
  // The gateway is not involved: open the call's Speaking session directly.
  const voipbin = createVoipbinClient({
    baseUrl: sim.url,
    accessKey: 'vb_test',
    timeoutMs: 200,
    retries: 2,
    backoffMs: 1,
  });
  const speaking = await voipbin.speakings.create({
    reference_type: 'call',
    reference_id: call.id,
    language: 'en-US',
    direction: 'both',
  });
  const states = createCallStates(createMemoryStateStore(), 60_000);
  await states.claimSpeaking(call.id, speaking.id);
  const speaker = createSpeaker({
    voipbin,
    states,
    logger: pino({ level: 'silent' }),
    language: 'en-US',
    msPerChar: 65,
    now: Date.now,
  });
  const requests = (suffix: string) => sim.state.requests.filter((r) => r.path.endsWith(suffix));
  return { sim, call, speaker, states, requests };
}

describe('createSpeaker', () => {
  it('says an answer once when VoIPBin queues it but answers after the timeout', async () => {
    const { sim, call, speaker, requests } = await setup();
    // VoIPBin takes the text, but its answer comes later than the client's timeout.
    sim.fail({ method: 'POST', path: /\/say$/, delayMs: 600, times: 3 });
    await speaker.say(call.id, 'We open at nine.');
    expect(requests('/say')).toHaveLength(1);
    expect(requests('/talk')).toHaveLength(0);
    await call.waitForLines(1);
    expect(call.lines().map((line) => line.text)).toEqual(['We open at nine.']);
  });

  it('falls back to talk only when say definitely failed', async () => {
    const { sim, call, speaker, states, requests } = await setup();
    sim.fail({ method: 'POST', path: /\/say$/, status: 400, times: 1 });
    expect(await speaker.say(call.id, 'We open at nine.')).toBe(true);
    expect(requests('/say')).toHaveLength(1);
    expect(call.lines()).toMatchObject([{ text: 'We open at nine.', via: 'talk' }]);
    expect(await states.speakingUntil(call.id)).toBeGreaterThan(Date.now());
  });

  it('stops a Speaking session whose creation timed out but succeeded later', async () => {
    const { sim, call, speaker, states } = await setup();
    // A fresh call: its create reaches VoIPBin, whose answer comes after the client gave up.
    const late = await sim.startCall();
    sim.fail({ method: 'POST', path: /^\/speakings$/, delayMs: 500, times: 1 });
    expect(await speaker.open(late.id)).toBe(false);
    await sim.waitUntil(() =>
      [...sim.state.speakings.values()].some((s) => s.reference_id === late.id),
    );
    // The greeting goes through it once it is found, and the hang-up stops it.
    expect(await speaker.say(late.id, 'Hello there.')).toBe(true);
    expect(late.lines()).toMatchObject([{ text: 'Hello there.', via: 'speaking' }]);
    await speaker.stop(late.id);
    const sessions = [...sim.state.speakings.values()].filter((s) => s.reference_id === late.id);
    expect(sessions.map((s) => s.status)).toEqual(['stopped']);
    expect(await states.speakingId(call.id)).toEqual(expect.any(String));
  });

  it('stops a late session at hang-up even when nothing was said', async () => {
    const { sim, speaker } = await setup();
    const late = await sim.startCall();
    sim.fail({ method: 'POST', path: /^\/speakings$/, delayMs: 500, times: 1 });
    expect(await speaker.open(late.id)).toBe(false);
    await sim.waitUntil(() =>
      [...sim.state.speakings.values()].some((s) => s.reference_id === late.id),
    );
    await speaker.stop(late.id);
    const sessions = [...sim.state.speakings.values()].filter((s) => s.reference_id === late.id);
    expect(sessions.map((s) => s.status)).toEqual(['stopped']);
  });
});
