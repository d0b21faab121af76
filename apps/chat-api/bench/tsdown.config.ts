import { defineConfig, type UserConfig } from 'tsdown';
import { nodeBundle } from '../../../tsdown.base';

/** The benchmarks run bundled, as the servers run in production. */
const config: UserConfig = defineConfig({
  ...nodeBundle,
  entry: {
    index: './index.ts',
    serve: './serve.ts',
    'serve-chat-api': './serve-chat-api.ts',
    'serve-ai-sdk-port': './serve-ai-sdk-port.ts',
    'model-server': './model-server.ts',
  },
  // Beside dist/, at the same depth: defaults found relative to the code (knowledge/) hold.
  outDir: '../dist-bench',
  clean: true,
  // Bundled test tools (autocannon's histogram) warn about their eval; nothing to act on here.
  logLevel: 'error',
});

export default config;
