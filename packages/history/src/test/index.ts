export { freePort, type RedisServer, startRedisServer } from './redis-server';
export {
  type BridgeRequest,
  startUpstashBridge,
  type UpstashBridge,
  type UpstashBridgeOptions,
} from './upstash-bridge';
export { type UpstashRedisForTests, useUpstashRedis } from './use-upstash-redis';
