import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../channels/voice/call-state';
import { defaultVoiceSettings } from '../channels/voice/settings';
import { createMemoryStateStore } from '../state/state-store';
import { type Rig, startRig } from './rig';

// Small quiet time, instant "speech": these tests are about the conversation, not barge-in.
const settings = {
  quietMs: 100,
  msPerChar: 0,
  greeting: 'Hello, Harbor Lane Books, how can I help?',
};
const questions = [
  'What are your opening hours on Sunday?',
  'How much does shipping cost?',
  'Can I return a book?',
];

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('a whole call through the simulator (offline knowledge model)', () => {
  it('answers, greets, takes three turns from knowledge/ and hangs up cleanly', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const { simulator, gateway } = rig;
    const call = await simulator.startCall();

    const [greeting] = await call.waitForLines(1);
    expect(greeting).toMatchObject({ text: settings.greeting, via: 'speaking' });
    const speaking = [...simulator.state.speakings.values()].find(
      (s) => s.reference_id === call.id,
    );
    expect(speaking).toMatchObject({ status: 'active', direction: 'both' });

    for (const [index, question] of questions.entries()) {
      await call.say(question);
      const lines = await call.waitForLines(index + 2);
      const answer = lines.at(-1);
      expect(answer?.via).toBe('speaking');
      expect(answer?.text).not.toBe(defaultVoiceSettings.fallbackText);
      expect(answer?.text.length).toBeGreaterThan(0);
    }

    await call.hangup();
    await gateway.engine.settled();
    expect(speaking?.status).toBe('stopped');
    // Per-call state dropped, history kept: three caller turns and the three answers spoken.
    const { messages } = await gateway.history.load(call.id, { limit: 20 });
    expect(messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(questions);
    const spokenAnswers = call
      .lines()
      .slice(1)
      .map((line) => line.text);
    expect(messages.filter((m) => m.role === 'assistant').map((m) => m.content)).toEqual(
      spokenAnswers,
    );
    expect(messages.every((m) => m.channel === 'voice')).toBe(true);
    // The hours answer comes from knowledge/opening-hours.md, made speakable ("8 AM to 6 PM").
    expect(spokenAnswers[0]).toMatch(/\d+ AM to \d+ PM/);
    expect(simulator.deliveries.every((d) => d.status === 200)).toBe(true);
  });

  it('turns several final segments of one utterance into one turn', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const call = await rig.simulator.startCall();
    await call.waitForLines(1);
    await call.say('', { segments: ['What time do you open', 'on Sunday?'] });
    await call.waitForLines(2);
    await rig.gateway.engine.settled();
    const { messages } = await rig.gateway.history.load(call.id, { limit: 20 });
    expect(messages.map((m) => m.content)[0]).toBe('What time do you open on Sunday?');
    expect(messages).toHaveLength(2);
  });

  it('drops the call state at hang-up and ignores late events', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const call = await rig.simulator.startCall();
    await call.waitForLines(1);
    await call.hangup();
    await call.say('Are you still there?');
    await rig.gateway.engine.settled();
    expect(call.lines()).toHaveLength(1);
    const { messages } = await rig.gateway.history.load(call.id, { limit: 20 });
    expect(messages).toHaveLength(0);
  });
});

describe('deliveries as VoIPBin makes them', () => {
  it('every event delivered three times: one greeting, one turn and one reply per utterance', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const { simulator, gateway } = rig;
    simulator.delivery = { copies: 3 };
    const call = await simulator.startCall();
    await call.waitForLines(1);
    await call.say(questions[0] ?? '');
    await call.waitForLines(2);
    await call.say(questions[1] ?? '');
    await call.waitForLines(3);
    await call.hangup();
    await gateway.engine.settled();

    expect(call.lines()).toHaveLength(3);
    expect(simulator.state.speakings.size).toBe(1);
    const { messages } = await gateway.history.load(call.id, { limit: 20 });
    expect(messages.filter((m) => m.role === 'user')).toHaveLength(2);
    const transcripts = simulator.deliveries.filter((d) => d.type === 'transcript_created');
    expect(transcripts).toHaveLength(6);
    expect(transcripts.every((d) => d.status === 200)).toBe(true);
    const bodies = transcripts.map((d) => JSON.parse(d.body) as { data: { id: string } });
    expect(new Set(bodies.map((b) => b.data.id)).size).toBe(2);
  });

  it('holds transcripts that arrive before transcribe_created, even in reverse order', async () => {
    rig = await startRig({
      settings: { ...settings, mappingLookupMs: 60_000 },
      simulator: { retryDelayMs: 50 },
    });
    const call = await rig.simulator.startCall({ transcribeCreated: 'late' });
    await call.waitForLines(1);
    await call.say('', {
      segments: ['Do you ship', 'to Canada?'],
      delivery: { order: 'reversed' },
    });
    await call.waitForLines(2);
    await rig.gateway.engine.settled();
    const { messages } = await rig.gateway.history.load(call.id, { limit: 20 });
    expect(messages[0]?.content).toBe('Do you ship to Canada?');
    // Mapped by the late transcribe_created, not by asking the API.
    expect(rig.simulator.state.requests.some((r) => r.path.startsWith('/transcribes/'))).toBe(
      false,
    );
  });

  it('asks GET /transcribes/{id} when transcribe_created never comes', async () => {
    rig = await startRig({
      settings: { ...settings, mappingLookupMs: 50 },
      simulator: { retryDelayMs: 50 },
    });
    const call = await rig.simulator.startCall({ transcribeCreated: 'never' });
    await call.waitForLines(1);
    await call.say('When do you close on Saturday?');
    await call.waitForLines(2);
    const lookups = rig.simulator.state.requests.filter(
      (r) => r.path === `/transcribes/${call.transcribeId}`,
    );
    expect(lookups).toHaveLength(1);
    const { messages } = await rig.gateway.history.load(call.id, { limit: 20 });
    expect(messages[0]?.content).toBe('When do you close on Saturday?');
  });

  it('refuses a wrong or missing signature with 401 and no effect', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const { simulator, gateway } = rig;
    await simulator.startCall({ delivery: { signature: 'wrong' } });
    await simulator.startCall({ delivery: { signature: 'missing' } });
    await gateway.engine.settled();
    expect(simulator.deliveries.length).toBeGreaterThan(0);
    expect(simulator.deliveries.every((d) => d.status === 401)).toBe(true);
    // 401 is not retried (only transport errors and 5xx are).
    expect(simulator.deliveries.every((d) => d.attempt === 1)).toBe(true);
    expect(simulator.state.speakings.size).toBe(0);
    expect(simulator.state.spoken).toHaveLength(0);
    expect(simulator.state.requests).toHaveLength(0);
  });
});

describe('call state', () => {
  it('keeps nothing of a finished call but its history', async () => {
    const store = createMemoryStateStore();
    rig = await startRig({ settings, store, simulator: { retryDelayMs: 50 } });
    const call = await rig.simulator.startCall();
    await call.waitForLines(1);
    await call.say(questions[0] ?? '');
    await call.waitForLines(2);
    expect(await store.list(keys.transcribes(call.id))).toEqual([call.transcribeId]);
    expect(await store.get(keys.speaking(call.id))).toEqual(expect.any(String));
    expect(await store.get(keys.transcribe(call.transcribeId))).toBe(call.id);
    await call.hangup();
    await rig.gateway.engine.settled();
    expect(await store.get(keys.speaking(call.id))).toBeUndefined();
    expect(await store.get(keys.speakingUntil(call.id))).toBeUndefined();
    expect(await store.list(keys.transcribes(call.id))).toEqual([]);
    expect(await store.get(keys.transcribe(call.transcribeId))).toBeUndefined();
    expect(await store.take(keys.segments(call.id))).toEqual([]);
    const { messages } = await rig.gateway.history.load(call.id, { limit: 20 });
    expect(messages).toHaveLength(2);
  });
});
