import { defineConfig, type UserConfig } from 'tsdown';

/**
 * The benchmarks run bundled, as the servers run in production (`node dist/server.mjs`), not
 * under tsx: its keepNames transform alone adds about 40% to an assistant turn.
 */
const config: UserConfig = defineConfig({
  entry: { index: './index.ts' },
  outDir: '../node_modules/.cache/bench',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: false,
  clean: true,
  deps: { alwaysBundle: [/^@org\//], onlyBundle: false },
  logLevel: 'warn',
});

export default config;
