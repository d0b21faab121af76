export { createMemoryHistory, type MemoryHistoryOptions } from '@org/ai-core';
export { createUpstashHistory, type UpstashHistoryOptions } from './upstash-history';
