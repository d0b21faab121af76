import {
  type RedisServer,
  startRedisServer,
  startUpstashBridge,
  type UpstashBridge,
} from '@org/history/test';
import { type Listening, listen } from '@org/runtime';
import { type Simulator, startSimulator } from '@org/voipbin/test';
import pino from 'pino';
import { loadEnv } from '../env';
import { createGateway, type Gateway, type GatewayOverrides } from '../gateway';

/** Gateway instances sharing one Upstash (a real redis-server), behind a round-robin balancer. */
export type Instances = {
  simulator: Simulator;
  gateways: Gateway[];
  /** The Upstash REST endpoint the instances share. */
  upstash: { url: string; token: string };
  /** Each request (webhook or fetch) goes to the next instance in turn. */
  balancer: Listening;
  /** Resolves when every instance has finished what it was handed. */
  settled(): Promise<void>;
  close(): Promise<void>;
};

/** Options for {@link startInstances}. */
export type InstancesOptions = {
  /** How many instances (default 2). */
  count?: number;
  /** Environment besides VoIPBin's and Upstash's. */
  env?: Record<string, string>;
  overrides?: GatewayOverrides;
};

/**
 * Starts a VoIPBin simulator whose webhooks reach `count` gateway instances through a
 * round-robin balancer, the instances sharing their state and history in Upstash (the REST
 * bridge in front of a real redis-server): what a deployment with several instances sees.
 */
export async function startInstances(options: InstancesOptions = {}): Promise<Instances> {
  const redis: RedisServer = await startRedisServer();
  const bridge: UpstashBridge = await startUpstashBridge({ redisUrl: redis.url });
  const simulator = await startSimulator({ accessKey: 'vb_shared', retryDelayMs: 50 });
  const env = loadEnv({
    VOIPBIN_API_URL: simulator.url,
    VOIPBIN_ACCESS_KEY: 'vb_shared',
    VOIPBIN_WEBHOOK_SECRET: simulator.state.customer.webhook_secret,
    UPSTASH_REDIS_REST_URL: bridge.url,
    UPSTASH_REDIS_REST_TOKEN: bridge.token,
    ...options.env,
  });
  const gateways: Gateway[] = [];
  const servers: Listening[] = [];
  for (let i = 0; i < (options.count ?? 2); i++) {
    const gateway = await createGateway(env, pino({ level: 'silent' }), options.overrides);
    gateways.push(gateway);
    servers.push(await listen(gateway.app.fetch));
  }
  let next = 0;
  const balancer = await listen(async (request) => {
    const target = servers[next++ % servers.length] as Listening;
    const url = new URL(request.url);
    return fetch(`${target.url}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
      body: await request.arrayBuffer(),
    });
  });
  simulator.state.customer.webhook_uri = `${balancer.url}/voipbin/webhook`;
  return {
    simulator,
    gateways,
    upstash: { url: bridge.url, token: bridge.token },
    balancer,
    async settled() {
      await Promise.all(gateways.map((gateway) => gateway.settled()));
    },
    async close() {
      for (const gateway of gateways) gateway.close();
      await balancer.close();
      for (const server of servers) await server.close();
      await simulator.close();
      await bridge.close();
      await redis.stop();
    },
  };
}
