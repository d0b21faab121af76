import { createOpenAITestServer, type OpenAITestServer } from '@org/ai-core/test';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rig, saidAfter, startRig } from '../../simulator/rig';
import { defaultVoiceSettings } from './settings';

let rig: Rig | undefined;
let model: OpenAITestServer | undefined;
afterEach(async () => {
  await rig?.close();
  await model?.close();
  rig = undefined;
  model = undefined;
});

const fallback = defaultVoiceSettings.fallbackText;
const lastUser = (body: { messages?: { role: string; content?: unknown }[] }) =>
  String(body.messages?.findLast((m) => m.role === 'user')?.content ?? '');

describe('barge-in', () => {
  // Slow estimated speech (10 ms a character): the bot is still talking when the caller speaks.
  const settings = { quietMs: 100, msPerChar: 10 };

  it('flushes the bot when the caller starts talking over it, then answers', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const { simulator } = rig;
    const call = await simulator.startCall();
    await call.waitForLines(1);
    expect(simulator.state.flushes).toHaveLength(0);

    await call.say('Sorry, what are your opening hours?');
    await call.waitForLines(2);
    expect(simulator.state.flushes.map((f) => f.callId)).toEqual([call.id]);

    // 400 ms into the answer (10 ms a character): the caller heard its first words.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await call.say('Wait, do you sell coffee?');
    await rig.gateway.settled();
    expect(simulator.state.flushes).toHaveLength(2);
    const { messages } = await rig.gateway.history.load(call.id, { limit: 20 });
    expect(messages.filter((m) => m.role === 'user')).toHaveLength(2);
    // The first answer was cut off: history keeps what the caller heard of it, marked.
    const [first, second] = messages.filter((m) => m.role === 'assistant');
    expect(first).toMatchObject({ interrupted: true });
    const spokenFirst = call.lines()[1]?.text ?? '';
    expect(spokenFirst.startsWith(first?.content ?? '')).toBe(true);
    expect(first?.content.length).toBeGreaterThan(10);
    expect(first?.content.length).toBeLessThan(spokenFirst.length);
    expect(second?.interrupted).toBeUndefined();
  });

  it('does not flush or take a turn for a backchannel said while the bot talks', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const { simulator, gateway } = rig;
    const call = await simulator.startCall();
    await call.waitForLines(1);
    await call.say('How much is shipping?');
    await call.waitForLines(2);
    const flushes = simulator.state.flushes.length;
    const said = call.lines().length;

    await call.say('uh-huh');
    await call.say('okay');
    await call.say('', { segments: ['yeah', 'right'] });
    await gateway.engine.settled();

    expect(simulator.state.flushes).toHaveLength(flushes);
    expect(call.lines().length).toBeLessThanOrEqual(said + 1);
    const { messages } = await gateway.history.load(call.id, { limit: 20 });
    expect(messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual([
      'How much is shipping?',
    ]);
  });

  it('takes "yeah" as an answer when the bot is silent', async () => {
    rig = await startRig({
      settings: { quietMs: 100, msPerChar: 0 },
      simulator: { retryDelayMs: 50 },
    });
    const call = await rig.simulator.startCall();
    await call.waitForLines(1);
    await rig.ask(call, 'yeah');
    const { messages } = await rig.gateway.history.load(call.id, { limit: 20 });
    expect(messages[0]?.content).toBe('yeah');
  });
});

describe('never silent', () => {
  const settings = { quietMs: 100, msPerChar: 0, replyBudgetMs: 1000 };

  async function startWithModel() {
    model = await createOpenAITestServer({
      respond: (request) => ({ text: `You asked about ${lastUser(request)}. Anything else?` }),
    });
    rig = await startRig({
      settings,
      simulator: { retryDelayMs: 50 },
      env: { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'test' },
    });
    return rig;
  }

  it('speaks a fallback when the model fails mid-call, and the call goes on', async () => {
    const { simulator, gateway, ask } = await startWithModel();
    const server = model as OpenAITestServer;
    const call = await simulator.startCall();
    await call.waitForLines(1);
    expect(await ask(call, 'the hours')).toBe('You asked about the hours. Anything else?');

    server.setFault({ type: 'status', status: 500, times: 2 });
    expect(await ask(call, 'the prices')).toBe(fallback);

    expect(await ask(call, 'the returns')).toBe('You asked about the returns. Anything else?');
    await gateway.engine.settled();
    // The failed turn's words are kept in history, the call continued.
    const { messages } = await gateway.history.load(call.id, { limit: 20 });
    expect(messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual([
      'the hours',
      'the prices',
      'the returns',
    ]);
  });

  it('speaks the fallback while a hung model is still pending, then aborts it', async () => {
    const { simulator, ask } = await startWithModel();
    const server = model as OpenAITestServer;
    const call = await simulator.startCall();
    await call.waitForLines(1);
    server.setFault({ type: 'hang', times: 1 });
    expect(await ask(call, 'the hours')).toBe(fallback);
    await server.waitForAborted(1);
    expect(await ask(call, 'the prices')).toBe('You asked about the prices. Anything else?');
  });
});

describe('no dead air', () => {
  it('says one short filler when the answer is slow, then the answer, not the fallback', async () => {
    model = await createOpenAITestServer({
      delayMs: 1800,
      respond: (request) => ({ text: `You asked about ${lastUser(request)}. Anything else?` }),
    });
    rig = await startRig({
      settings: { quietMs: 100, completeQuietMs: 100, msPerChar: 0, replyBudgetMs: 1500 },
      simulator: { retryDelayMs: 50 },
      env: { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'test' },
    });
    const call = await rig.simulator.startCall();
    await call.waitForLines(1);
    const said = await rig.ask(call, 'the hours');
    expect(said).toBe(
      `${defaultVoiceSettings.fillers[0]} You asked about the hours. Anything else?`,
    );
    // The next slow answer gets another filler (they take turns).
    const next = await rig.ask(call, 'the prices');
    expect(next).toBe(
      `${defaultVoiceSettings.fillers[1]} You asked about the prices. Anything else?`,
    );
    // History keeps the answers, not the fillers.
    const { messages } = await rig.gateway.history.load(call.id, { limit: 10 });
    expect(messages.filter((m) => m.role === 'assistant').map((m) => m.content)).toEqual([
      'You asked about the hours. Anything else?',
      'You asked about the prices. Anything else?',
    ]);
  });

  it('says no filler once the answer is being spoken', async () => {
    const long =
      'On weekdays and on Saturdays we close at six in the evening, and on Sundays and on public holidays we close at four in the afternoon.';
    model = await createOpenAITestServer({
      // The first sentence is out after about 400 ms; the second takes 1.5 s more.
      tokensPerSecond: 20,
      respond: () => ({ text: `We are open every day of the week. ${long}` }),
    });
    rig = await startRig({
      settings: { quietMs: 100, completeQuietMs: 100, msPerChar: 0, fillerAfterMs: 1000 },
      simulator: { retryDelayMs: 50 },
      env: { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'test' },
    });
    const call = await rig.simulator.startCall();
    await call.waitForLines(1);
    const said = await rig.ask(call, 'When are you open?');
    expect(said).toBe(`We are open every day of the week. ${long}`);
  });
});

describe('a turn queued behind a slow one', () => {
  it('gets its own reply budget from when it can start, not the leftovers', async () => {
    // Old code gave the queued turn only 6.0 - 3.6 = 2.4 s for a 3 s model: the fallback.
    const delays: Record<string, number> = { 'the hours': 3600, 'the prices': 3000 };
    model = await createOpenAITestServer({
      respond: async (request) => {
        const text = lastUser(request);
        await new Promise((resolve) => setTimeout(resolve, delays[text] ?? 0));
        return { text: `You asked about ${text}. Anything else?` };
      },
    });
    rig = await startRig({
      settings: { quietMs: 100, msPerChar: 0, replyBudgetMs: 6000, fillerAfterMs: 0 },
      simulator: { retryDelayMs: 50 },
      env: { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'test' },
    });
    const { simulator } = rig;
    const server = model;
    const call = await simulator.startCall();
    await call.waitForLines(1);
    await call.say('the hours');
    // The first turn is with the model, and its quiet time is over (it is the turn, not a
    // speculative run the next words would replace): the next utterance queues behind it.
    await server.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await call.say('the prices');
    await rig.gateway.settled();
    expect(saidAfter(call, 1)).toBe(
      'You asked about the hours. Anything else? You asked about the prices. Anything else?',
    );
  });
});

describe('VoIPBin API failures', () => {
  const settings = { quietMs: 100, msPerChar: 0 };

  it('retries, then falls back to POST /calls/{id}/talk when /say keeps failing', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const { simulator } = rig;
    simulator.fail({ method: 'POST', path: /\/say$/, status: 503, times: 3 });
    const call = await simulator.startCall();
    const [greeting] = await call.waitForLines(1);
    expect(greeting?.via).toBe('talk');
    const sayAttempts = simulator.state.requests.filter((r) => r.path.endsWith('/say'));
    expect(sayAttempts).toHaveLength(3);
    await call.say('When do you open?');
    const lines = await call.waitForLines(2);
    expect(lines[1]?.via).toBe('speaking');
  });

  it('greets through talk when no Speaking session can be opened', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const { simulator } = rig;
    simulator.fail({ method: 'POST', path: /^\/speakings$/, status: 400 });
    const call = await simulator.startCall();
    const [greeting] = await call.waitForLines(1);
    expect(greeting?.via).toBe('talk');
    await call.say('When do you open?');
    expect((await call.waitForLines(2))[1]?.via).toBe('talk');
  });

  it('survives VoIPBin being down entirely: nothing said, nothing crashes, webhooks acked', async () => {
    rig = await startRig({ settings, simulator: { retryDelayMs: 50 } });
    const { simulator, gateway } = rig;
    simulator.fail({ path: /.*/, status: 500 });
    const call = await simulator.startCall();
    await call.say('Hello?');
    await gateway.engine.settled();
    expect(simulator.state.spoken).toHaveLength(0);
    expect(simulator.deliveries.every((d) => d.status === 200)).toBe(true);
    const health = await fetch(`${rig.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
