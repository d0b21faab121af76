export {
  createUpstashRateLimiter,
  type UpstashRateLimiterOptions,
} from './upstash-rate-limiter';
export {
  createUpstashStateStore,
  type UpstashStateStore,
  type UpstashStateStoreOptions,
} from './upstash-state-store';
