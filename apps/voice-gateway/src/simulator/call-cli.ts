import { parseArgs } from 'node:util';
import { deliveryFrom, startTerminal, terminalFlags } from './terminal';

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
    options: { ...terminalFlags, reversed: { type: 'boolean' } },
  });
  if (values.help) return console.log(usage);
  const terminal = await startTerminal({
    verbose: values.verbose,
    delivery: deliveryFrom(values),
    quit: ['/hangup', '/quit', '/exit'],
  });
  const { simulator, gateway } = terminal.rig;
  const call = await simulator.startCall();
  console.log(`Incoming call ${call.id} answered. Say something (/hangup to end).\n`);
  let shown = 0;
  let flushes = 0;
  terminal.follow(
    () => call.lines().length > shown || simulator.state.flushes.length > flushes,
    () => {
      for (; flushes < simulator.state.flushes.length; flushes++) {
        terminal.print('  [bot interrupted]');
      }
      for (const line of call.lines().slice(shown)) terminal.print(`bot: ${line.text}`);
      shown = call.lines().length;
    },
  );

  for await (const text of terminal.lines()) {
    await call.say(text);
    if (!terminal.interactive) await gateway.settled();
  }
  // Let the last answer arrive before hanging up.
  await gateway.settled();
  await call.hangup();
  await gateway.settled();
  const { messages } = await gateway.history.load(call.id, { limit: 100 });
  await terminal.close();
  console.log(`\nCall ended. ${messages.length} messages kept in history for ${call.id}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
