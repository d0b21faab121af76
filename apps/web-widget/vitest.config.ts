import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

// Component and unit tests run in jsdom (`src/**/*.test.ts(x)`), the build scripts' tests
// (`scripts/*.test.ts`) in node; the browser tests
// (`e2e/*.e2e.test.ts`, Chromium driven by playwright-core against the real chat-api) opt into
// the node environment per file. The global setup builds the widget when the source is newer.
export default defineProject({
  plugins: [react()],
  test: {
    name: 'web-widget',
    environment: 'jsdom',
    // The widget's CSS is imported as strings (`?inline`): keep them real in tests.
    css: { include: [/\.css/] },
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
