import { defineConfig, type UserConfig } from 'tsdown';
import { nodeBundle } from '../../tsdown.base';

/** The deployable server: `node dist/server.mjs`. */
const config: UserConfig = defineConfig({
  ...nodeBundle,
  entry: { server: 'src/server.ts' },
  clean: true,
});

export default config;
