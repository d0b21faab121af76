import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { processEnvironment } from '../env';
import { startRig } from './rig';
import type { DeliveryOptions } from './webhooks';

const usage = `Usage: pnpm call [options]

A phone call without a phone: starts a local VoIPBin simulator and the gateway pointed at it.
Type what the caller says; the bot's speech is printed. Offline by default (answers from
knowledge/); set OPENAI_API_KEY and/or OPENAI_BASE_URL (+ OPENAI_MODEL) for a real model.

  --copies N         deliver every webhook N times (VoIPBin retries)
  --reversed         deliver each utterance's events in reverse order
  --wrong-signature  sign webhooks with a wrong secret (the gateway refuses them)
  --verbose          print the gateway's logs (stderr)

In the call: /hangup (or Ctrl-D) hangs up.`;

async function main() {
  const { values } = parseArgs({
    options: {
      copies: { type: 'string' },
      reversed: { type: 'boolean' },
      'wrong-signature': { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(usage);
  const delivery: DeliveryOptions = {
    copies: values.copies ? Math.max(1, Number(values.copies)) : 1,
    order: values.reversed ? 'reversed' : 'in-order',
    signature: values['wrong-signature'] ? 'wrong' : 'valid',
  };
  const logger = pino({ level: values.verbose ? 'info' : 'error' }, pino.destination(2));
  const rig = await startRig({
    env: processEnvironment(),
    logger,
    simulator: { retryDelayMs: 1000 },
  });
  const { simulator, gateway } = rig;
  simulator.delivery = delivery;
  console.log(`Simulator ${simulator.url}  ·  gateway ${rig.url}  ·  model ${gateway.parts.model}`);

  const call = await simulator.startCall();
  console.log(`Incoming call ${call.id} answered. Say something (/hangup to end).\n`);
  let shown = 0;
  let flushes = 0;
  let open = true;
  const lines = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  const print = (text: string) => {
    if (process.stdin.isTTY) process.stdout.write('\r\x1b[K');
    console.log(text);
    if (open && process.stdin.isTTY) lines.prompt(true);
  };
  // Show what the bot says as the simulator receives it.
  void (async () => {
    while (open) {
      await simulator
        .waitUntil(
          () => !open || call.lines().length > shown || simulator.state.flushes.length > flushes,
          3_600_000,
        )
        .catch(() => {});
      for (; flushes < simulator.state.flushes.length; flushes++) print('  [bot interrupted]');
      for (const line of call.lines().slice(shown)) print(`bot: ${line.text}`);
      shown = call.lines().length;
    }
  })();

  lines.setPrompt('you: ');
  if (process.stdin.isTTY) lines.prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === '/hangup' || text === '/quit' || text === '/exit') break;
    if (text) await call.say(text);
    // Piped input has no pauses: wait for each answer, as a caller would.
    if (!process.stdin.isTTY) await gateway.engine.settled();
    else lines.prompt();
  }
  // Piped input: let the last answer arrive before hanging up.
  await gateway.engine.settled();
  await call.hangup();
  await gateway.engine.settled();
  open = false;
  lines.close();
  const { messages } = await gateway.history.load(call.id, { limit: 100 });
  console.log(`\nCall ended. ${messages.length} messages kept in history for ${call.id}.`);
  await rig.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
