// The three widget builds in order (the loader embeds the app's hashed file name), then the
// weight budget check. `pnpm --filter @org/web-widget build`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childEnvironment } from './env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = `${root}node_modules/.bin/vite`;
// Always the production bundle, also when vitest (NODE_ENV=test) builds before the browser tests.
const env = childEnvironment({ NODE_ENV: 'production' });
for (const mode of ['app', 'loader', 'lib']) {
  execFileSync(vite, ['build', '--mode', mode, '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
}
execFileSync('node', ['scripts/size.mjs'], { cwd: root, stdio: 'inherit' });
