export { createUpstashHistory, type UpstashHistoryOptions } from './upstash-history';
