import { defineHistoryContract } from '@org/ai-core/test';
import { Redis, type RedisConfigNodejs } from '@upstash/redis';
import { Redis as IORedis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { advanceRedisClock } from './test/redis-clock';
import { type RedisServer, startRedisServer } from './test/redis-server';
import { startUpstashBridge, type UpstashBridge } from './test/upstash-bridge';
import { createUpstashHistory } from './upstash-history';

let server: RedisServer;
let bridge: UpstashBridge;
let direct: IORedis;
let stores = 0;

beforeAll(async () => {
  server = await startRedisServer();
  bridge = await startUpstashBridge({ redisUrl: server.url });
  direct = new IORedis(server.url);
}, 60_000);

afterAll(async () => {
  direct?.disconnect();
  await bridge?.close();
  await server?.stop();
});

// The one HistoryStore contract (@org/ai-core/test), which createMemoryHistory passes too.
const upstash = (clientOptions: Partial<RedisConfigNodejs>) =>
  defineHistoryContract(
    `createUpstashHistory ${JSON.stringify(clientOptions)}`,
    async (options) => {
      stores += 1;
      const keyPrefix = `contract${stores}`;
      const redis = new Redis({
        url: bridge.url,
        token: bridge.token,
        retry: false,
        enableTelemetry: false,
        ...clientOptions,
      });
      const store = createUpstashHistory({ redis, keyPrefix, ...options });
      return {
        store,
        advance: (seconds) => advanceRedisClock(direct, `${keyPrefix}:`, seconds),
        ttl: (conversationId) => direct.ttl(`${keyPrefix}:{${conversationId}}:messages`),
        async insertRaw(conversationId, raw) {
          await direct.rpush(`${keyPrefix}:{${conversationId}}:messages`, raw);
        },
      };
    },
  );

// The client as most apps construct it (base64 responses, parsed values, auto-pipelining) ...
upstash({});
// ... and with everything it can switch off.
upstash({ automaticDeserialization: false, responseEncoding: false, enableAutoPipelining: false });
