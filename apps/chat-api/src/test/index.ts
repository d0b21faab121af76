export { createTestApp, parseSse, type SseEvent, type TestAppOptions } from './test-app';
