// Before the browser tests: Debian's Chromium present (installed by the repo script when
// missing; nothing is downloaded by Playwright) and the widget built from the current source.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = '/usr/bin/chromium';

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(`${path}/${name}`)));
}

export default function setup() {
  if (!existsSync(chromium)) {
    execFileSync('bash', [`${root}../../scripts/ensure-test-deps.sh`], { stdio: 'inherit' });
  }
  const built = `${root}dist/widget.js`;
  const sources = Math.max(newestSource(`${root}src`), newestSource(`${root}vite.config.ts`));
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    execFileSync('node', [`${root}scripts/build.mjs`], { cwd: root, stdio: 'inherit' });
  }
}
