// `pnpm --filter @org/web-widget start`: serves the demo site (Harbor Lane Books & Coffee) with
// the widget embedded by its script tag. PORT (default 3001), CHAT_API_URL (default
// http://localhost:3000). Builds the widget first when dist/ is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDemoServer } from './demo-server.mjs';
import { loadDemoEnv } from './env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { port, host, apiUrl } = loadDemoEnv();

if (!existsSync(`${root}dist/widget.js`)) {
  console.log('web-widget: building the widget first ...');
  execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}

const server = createDemoServer({ apiUrl });
server.listen(port, host, () => {
  console.log(`web-widget demo on http://localhost:${server.address().port} (chat-api: ${apiUrl})`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
