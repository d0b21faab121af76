import { createOpenAITestServer, type OpenAITestServer } from '@org/ai-core/test';
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../channels/voice/call-state';
import { defaultVoiceSettings } from '../channels/voice/settings';
import { createMemoryStateStore } from '../state/state-store';
import { type Rig, saidAfter, startRig } from './rig';

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

    const spokenAnswers: string[] = [];
    for (const question of questions) {
      const answer = await rig.ask(call, question);
      expect(answer).not.toBe(defaultVoiceSettings.fallbackText);
      expect(answer.length).toBeGreaterThan(0);
      spokenAnswers.push(answer);
    }
    expect(call.lines().every((line) => line.via === 'speaking')).toBe(true);

    await call.hangup();
    await gateway.engine.settled();
    expect(speaking?.status).toBe('stopped');
    // Per-call state dropped, history kept: three caller turns and the three answers spoken.
    const { messages } = await gateway.history.load(call.id, { limit: 20 });
    expect(messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(questions);
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
    const answers = [
      await rig.ask(call, questions[0] ?? ''),
      await rig.ask(call, questions[1] ?? ''),
    ];
    await call.hangup();
    await gateway.engine.settled();

    expect(simulator.state.speakings.size).toBe(1);
    const { messages } = await gateway.history.load(call.id, { limit: 20 });
    expect(messages.filter((m) => m.role === 'user')).toHaveLength(2);
    // Each answer said once: the lines after the greeting are the two stored answers, no more.
    expect(messages.filter((m) => m.role === 'assistant').map((m) => m.content)).toEqual(answers);
    expect(saidAfter(call, 1)).toBe(answers.join(' '));
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
    await rig.ask(call, 'When do you close on Saturday?');
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
    await rig.ask(call, questions[0] ?? '');
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

describe('speaking early (a model streaming 20 tokens a second)', () => {
  let model: OpenAITestServer | undefined;
  afterEach(async () => {
    await model?.close();
    model = undefined;
  });
  const lastUser = (body: { messages?: { role: string; content?: unknown }[] }) =>
    String(body.messages?.findLast((m) => m.role === 'user')?.content ?? '');

  async function start(respond: (question: string) => string) {
    model = await createOpenAITestServer({
      tokensPerSecond: 20,
      respond: (request) => ({ text: respond(lastUser(request)) }),
    });
    rig = await startRig({
      settings: { ...settings, completeQuietMs: 100, quietMs: 200, trailingQuietMs: 1200 },
      simulator: { retryDelayMs: 50 },
      env: { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'test' },
    });
    return { rig, model };
  }

  it('says the first sentence while the model still writes the second', async () => {
    const { rig } = await start(
      () => 'We are open every day of the week. On Sunday we open at ten and close at four.',
    );
    const call = await rig.simulator.startCall();
    await call.waitForLines(1);
    await rig.ask(call, 'When are you open?');
    const [first, second] = call.lines().slice(1);
    expect(first?.text).toBe('We are open every day of the week.');
    expect(second?.text).toBe('On Sunday we open at ten and close at four.');
    // The second sentence is 11 tokens: about 550 ms of streaming after the first was said.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThan(300);
    const { messages } = await rig.gateway.history.load(call.id, { limit: 10 });
    expect(messages.at(-1)?.content).toBe(`${first?.text} ${second?.text}`);
  });

  it('gives a caller who pauses mid-sentence one reply to the whole utterance', async () => {
    const { rig, model } = await start((question) => `You asked: ${question} Anything else?`);
    const call = await rig.simulator.startCall();
    await call.waitForLines(1);
    await call.say('I bought a mug last week and');
    // Longer than a complete utterance's quiet time, shorter than a trailing one's.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await call.say('it arrived broken.');
    await rig.gateway.settled();

    const answer = saidAfter(call, 1);
    expect(answer).toBe(
      'You asked: I bought a mug last week and it arrived broken. Anything else?',
    );
    // The half was tried silently and withdrawn: nothing said to it, nothing stored.
    expect(model.requests.map((request) => lastUser(request))).toContain(
      'I bought a mug last week and',
    );
    expect(rig.gateway.engine.stats()).toMatchObject({ withdrawn: 1 });
    const { messages } = await rig.gateway.history.load(call.id, { limit: 10 });
    expect(messages.map((m) => m.content)).toEqual([
      'I bought a mug last week and it arrived broken.',
      answer,
    ]);
  });

  it('uses the speculative run when the caller had finished', async () => {
    const { rig, model } = await start((question) => `You asked: ${question}. Anything else?`);
    const call = await rig.simulator.startCall();
    await call.waitForLines(1);
    await rig.ask(call, 'Do you ship to Canada?');
    expect(model.requests).toHaveLength(1);
    expect(rig.gateway.engine.stats()).toMatchObject({ speculative: 1, used: 1, withdrawn: 0 });
  });
});

describe('the end of a call', () => {
  it('hangs up once the farewell to a goodbye has been spoken', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const { simulator, gateway } = rig;
    const call = await simulator.startCall();
    await call.waitForLines(1);
    const farewell = await rig.ask(call, 'Thanks, that is all. Goodbye!');
    expect(farewell).toMatch(/goodbye/i);
    await gateway.settled();
    const hangups = simulator.state.requests.filter((r) => r.path === `/calls/${call.id}/hangup`);
    expect(hangups).toHaveLength(1);
    expect(simulator.state.calls.get(call.id)?.status).toBe('hangup');
    expect([...simulator.state.speakings.values()][0]?.status).toBe('stopped');
  });

  it('does not hang up when the caller only thanks the assistant', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const call = await rig.simulator.startCall();
    await call.waitForLines(1);
    await rig.ask(call, 'Thank you!');
    expect(rig.simulator.state.requests.some((r) => r.path.endsWith('/hangup'))).toBe(false);
  });
});
