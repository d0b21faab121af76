import { defineConfig, type UserConfig } from 'tsdown';

/**
 * The benchmarks run bundled, as the servers run in production (`node dist/server.mjs`), not
 * under tsx: its keepNames transform alone adds about 40% to an assistant turn.
 */
const config: UserConfig = defineConfig({
  entry: { index: './index.ts', 'load-webhooks': './load-webhooks.ts' },
  // Beside dist/, at the same depth: defaults found relative to the code (knowledge/) hold.
  outDir: '../dist-bench',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: false,
  clean: true,
  deps: { alwaysBundle: [/^@org\//], onlyBundle: false },
  // Bundled test tools (autocannon's histogram) warn about their eval; nothing to act on here.
  logLevel: 'error',
});

export default config;
