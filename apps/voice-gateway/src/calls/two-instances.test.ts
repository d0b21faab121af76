import {
  type RedisServer,
  startRedisServer,
  startUpstashBridge,
  type UpstashBridge,
} from '@org/history/test';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { createGateway, type Gateway } from '../gateway';
import { type Listening, listen } from '../http/listen';
import { type Simulator, startSimulator } from '../simulator/simulator';

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
    await call.say('What are your opening hours?');
    await call.waitForLines(2);
    await call.say('', { segments: ['How much', 'is shipping?'] });
    await call.waitForLines(3);
    await call.hangup();
    await Promise.all(gateways.map((gateway) => gateway.engine.settled()));

    expect(call.lines()).toHaveLength(3);
    expect(simulator.state.speakings.size).toBe(1);
    expect([...simulator.state.speakings.values()][0]?.status).toBe('stopped');
    const { messages } = await (gateways[1] as Gateway).history.load(call.id, { limit: 20 });
    expect(messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual([
      'What are your opening hours?',
      'How much is shipping?',
    ]);
  });
});
