// `pnpm start` (after `turbo run build`): runs every app's build with the offline defaults, waits
// until each answers, prints the URLs.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childEnvironment, loadStartEnv } from './env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { chatPort, voiceGatewayPort, widgetPort, operatorToken } = loadStartEnv();
const apps = [
  {
    name: 'chat-api',
    dir: 'apps/chat-api',
    port: chatPort,
    command: ['node', 'dist/server.mjs'],
    env: { OPERATOR_TOKEN: operatorToken },
  },
  {
    name: 'voice-gateway',
    dir: 'apps/voice-gateway',
    port: voiceGatewayPort,
    command: ['node', 'dist/server.mjs'],
    env: { OPERATOR_TOKEN: operatorToken },
  },
  {
    name: 'web-widget',
    dir: 'apps/web-widget',
    port: widgetPort,
    command: ['node', 'scripts/serve-demo.mjs'],
    env: { CHAT_API_URL: `http://localhost:${chatPort}` },
  },
];

const children = apps.map((app) => {
  const [bin, ...args] = app.command;
  const executable =
    bin === 'node' ? process.execPath : `${root}/${app.dir}/node_modules/.bin/${bin}`;
  const child = spawn(executable, args, {
    cwd: `${root}/${app.dir}`,
    env: childEnvironment({ ...app.env, PORT: app.port }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of String(chunk).split('\n')) if (line) out.write(`[${app.name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[${app.name}] exited (${signal ?? code}); stopping the others`);
      stop(code || 1);
    }
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : 0)),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function ready(app) {
  for (let i = 0; i < 300 && !stopping; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${app.port}/healthz`)).ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

const up = await Promise.all(apps.map(ready));
if (up.every(Boolean)) {
  const chat = `http://localhost:${chatPort}`;
  console.log(`
  Ready (offline defaults: knowledge model, in-memory history).
    demo site      http://localhost:${apps[2].port}   (the widget, bottom right)
    chat-api       ${chat}
    voice gateway  http://localhost:${apps[1].port}   (try a simulated call: pnpm call)

  Talk to it:
    curl -s ${chat}/chat -H 'content-type: application/json' -d '{"message":"What are your opening hours?"}'

  Be the team: ask the widget "Can I talk to a person?", then
    curl -s ${chat}/operator/conversations -H 'authorization: Bearer ${operatorToken}'
    curl -s ${chat}/operator/conversations/<conversationId>/messages -H 'authorization: Bearer ${operatorToken}' \\
      -H 'content-type: application/json' -d '{"text":"Hi, Sam here. How can I help?","operator":"Sam"}'
    curl -s -X POST ${chat}/operator/conversations/<conversationId>/release -H 'authorization: Bearer ${operatorToken}'
`);
}
