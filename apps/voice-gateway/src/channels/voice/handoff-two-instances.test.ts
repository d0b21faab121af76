import {
  type RedisServer,
  startRedisServer,
  startUpstashBridge,
  type UpstashBridge,
} from '@org/history/test';
import { type Listening, listen } from '@org/runtime';
import { type Simulator, startSimulator } from '@org/voipbin/test';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../env';
import { createGateway, type Gateway } from '../../gateway';

let redis: RedisServer;
let bridge: UpstashBridge;
let simulator: Simulator;
let balancer: Listening;
const servers: Listening[] = [];
const gateways: Gateway[] = [];
const fetchSecret = 'shared-fetch-secret-0123456789';

beforeAll(async () => {
  redis = await startRedisServer();
  bridge = await startUpstashBridge({ redisUrl: redis.url });
  simulator = await startSimulator({ accessKey: 'vb_shared', retryDelayMs: 50 });
  const env = loadEnv({
    VOIPBIN_API_URL: simulator.url,
    VOIPBIN_ACCESS_KEY: 'vb_shared',
    VOIPBIN_WEBHOOK_SECRET: simulator.state.customer.webhook_secret,
    VOIPBIN_FETCH_SECRET: fetchSecret,
    HANDOFF_PHONE_NUMBER: '+15559876543',
    UPSTASH_REDIS_REST_URL: bridge.url,
    UPSTASH_REDIS_REST_TOKEN: bridge.token,
  });
  for (let i = 0; i < 2; i++) {
    const gateway = await createGateway(env, pino({ level: 'silent' }), {
      // The ring timer lives on the instance that dialed, and is left to run out (doing nothing)
      // when the other one hears the answer: short, so that `settled` does not wait long.
      settings: { quietMs: 100, msPerChar: 0, handoffRingTimeoutMs: 1500 },
    });
    gateways.push(gateway);
    servers.push(await listen(gateway.app.fetch));
  }
  // A load balancer in front of both: each request (webhook or fetch) goes to the next in turn.
  let next = 0;
  balancer = await listen(async (request) => {
    const target = servers[next++ % servers.length] as Listening;
    const url = new URL(request.url);
    return fetch(`${target.url}${url.pathname}`, {
      method: request.method,
      headers: request.headers,
      body: await request.arrayBuffer(),
    });
  });
  simulator.state.customer.webhook_uri = `${balancer.url}/voipbin/webhook`;
}, 30_000);

afterAll(async () => {
  for (const gateway of gateways) gateway.close();
  await balancer?.close();
  for (const server of servers) await server.close();
  await simulator?.close();
  await bridge?.close();
  await redis?.stop();
});

const settled = () => Promise.all(gateways.map((gateway) => gateway.settled()));

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
