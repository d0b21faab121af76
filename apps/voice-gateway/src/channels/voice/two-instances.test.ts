import {
  type RedisServer,
  startRedisServer,
  startUpstashBridge,
  type UpstashBridge,
} from '@org/history/test';
import { type Listening, listen } from '@org/runtime';
import { createUpstashStateStore } from '@org/upstash';
import { createVoipbinClient, type VoiceEvent } from '@org/voipbin';
import { type Simulator, startSimulator } from '@org/voipbin/test';
import { Redis } from '@upstash/redis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../env';
import { createGateway, type Gateway } from '../../gateway';
import { saidAfter } from '../../simulator/rig';
import { createCallEngine } from './call-engine';
import { keys } from './call-state';

let redis: RedisServer;
let bridge: UpstashBridge;
let simulator: Simulator;
const servers: Listening[] = [];
const gateways: Gateway[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  bridge = await startUpstashBridge({ redisUrl: redis.url });
  simulator = await startSimulator({ accessKey: 'vb_shared', retryDelayMs: 50 });
  const env = loadEnv({
    VOIPBIN_API_URL: simulator.url,
    VOIPBIN_ACCESS_KEY: 'vb_shared',
    VOIPBIN_WEBHOOK_SECRET: simulator.state.customer.webhook_secret,
    UPSTASH_REDIS_REST_URL: bridge.url,
    UPSTASH_REDIS_REST_TOKEN: bridge.token,
  });
  for (let i = 0; i < 2; i++) {
    const gateway = await createGateway(env, pino({ level: 'silent' }), {
      settings: { quietMs: 100, msPerChar: 0 },
    });
    gateways.push(gateway);
    servers.push(await listen(gateway.app.fetch));
  }
  // A load balancer in front of both: each webhook goes to the next instance in turn.
  let next = 0;
  const balancer = await listen(async (request) => {
    const target = servers[next++ % servers.length] as Listening;
    const url = new URL(request.url);
    return fetch(`${target.url}${url.pathname}`, {
      method: request.method,
      headers: request.headers,
      body: await request.arrayBuffer(),
    });
  });
  servers.push(balancer);
  simulator.state.customer.webhook_uri = `${balancer.url}/voipbin/webhook`;
}, 30_000);

afterAll(async () => {
  for (const gateway of gateways) gateway.engine.close();
  for (const server of servers) await server.close();
  await simulator?.close();
  await bridge?.close();
  await redis?.stop();
});

describe('two gateway instances sharing Upstash', () => {
  it('carry one call between them: one greeting, one answer per turn, redeliveries included', async () => {
    simulator.delivery = { copies: 2 };
    const call = await simulator.startCall();
    await call.waitForLines(1);
    const settled = () => Promise.all(gateways.map((gateway) => gateway.settled()));
    await call.say('What are your opening hours?');
    await settled();
    await call.say('', { segments: ['How much', 'is shipping?'] });
    await settled();
    await call.hangup();
    await settled();

    expect(simulator.state.speakings.size).toBe(1);
    expect([...simulator.state.speakings.values()][0]?.status).toBe('stopped');
    const { messages } = await (gateways[1] as Gateway).history.load(call.id, { limit: 20 });
    expect(messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual([
      'What are your opening hours?',
      'How much is shipping?',
    ]);
    // One answer per turn: what was said after the greeting is the two stored answers, once.
    const answers = messages.filter((m) => m.role === 'assistant').map((m) => m.content);
    expect(answers).toHaveLength(2);
    expect(saidAfter(call, 1)).toBe(answers.join(' '));
  });
});

describe('two instances handling one call at the same moment', () => {
  it('keep both the speaking id and the transcribe ids (no lost update)', async () => {
    // A VoIPBin of its own whose webhooks go nowhere: the engines are driven directly.
    const sink = await listen(() => new Response('ok'));
    servers.push(sink);
    const sim = await startSimulator({ accessKey: 'vb_race', webhookUri: sink.url });
    try {
      // Opening the Speaking session is slow, so the other instance works meanwhile.
      sim.fail({ method: 'POST', path: /^\/speakings$/, delayMs: 200 });
      const store = createUpstashStateStore({
        redis: new Redis({ url: bridge.url, token: bridge.token }),
        keyPrefix: 'race',
      });
      const engine = () =>
        createCallEngine({
          assistant: (gateways[0] as Gateway).assistant,
          voipbin: createVoipbinClient({ baseUrl: sim.url, accessKey: 'vb_race' }),
          store,
          logger: pino({ level: 'silent' }),
          settings: { msPerChar: 0 },
        });
      const [a, b] = [engine(), engine()];
      const call = await sim.startCall();
      const event = (type: string, data: Record<string, unknown>) =>
        ({ type, data }) as unknown as VoiceEvent;
      await Promise.all([
        a.handle(event('call_progressing', { id: call.id, status: 'progressing' })),
        b.handle(
          event('transcribe_created', {
            id: call.transcribeId,
            reference_type: 'call',
            reference_id: call.id,
            status: 'progressing',
          }),
        ),
      ]);
      await Promise.all([a.settled(), b.settled()]);
      const speaking = [...sim.state.speakings.values()].find((s) => s.reference_id === call.id);
      expect(await store.get(keys.speaking(call.id))).toBe(speaking?.id);
      expect(await store.list(keys.transcribes(call.id))).toEqual([call.transcribeId]);

      // Hang-up on the other instance still finds both: session stopped, mapping dropped.
      await b.handle(event('call_hangup', { id: call.id, status: 'hangup' }));
      await Promise.all([a.settled(), b.settled()]);
      expect(speaking?.status).toBe('stopped');
      expect(await store.get(keys.transcribe(call.transcribeId))).toBeUndefined();
      a.close();
      b.close();
    } finally {
      await sim.close();
    }
  });
});
