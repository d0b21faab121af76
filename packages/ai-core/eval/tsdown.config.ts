import { defineConfig, type UserConfig } from 'tsdown';
import { nodeBundle } from '../../../tsdown.base';

/** The evaluation runs bundled, as the benchmarks do (no tsx here). */
const config: UserConfig = defineConfig({
  ...nodeBundle,
  entry: { run: './run.ts' },
  // Beside dist/, at the same depth as eval/: the default knowledge/ found from the code holds.
  outDir: '../dist-eval',
  clean: true,
  logLevel: 'error',
});

export default config;
