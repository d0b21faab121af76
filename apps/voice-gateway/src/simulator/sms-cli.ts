import { parseArgs } from 'node:util';
import { deliveryFrom, startTerminal, terminalFlags } from './terminal';

const usage = `Usage: pnpm sms [options]

Text the shop without a phone: starts a local VoIPBin simulator and the gateway pointed at it.
Each line you type is an SMS to the shop's number; the shop's reply is printed as it is sent.
Offline by default (answers from knowledge/); set OPENAI_API_KEY and/or OPENAI_BASE_URL
(+ OPENAI_MODEL) for a real model.

  --from NUMBER      the texter's number (default +15557654321)
  --copies N         deliver every webhook N times (VoIPBin retries)
  --wrong-signature  sign webhooks with a wrong secret (the gateway refuses them)
  --verbose          print the gateway's logs (stderr)

/quit (or Ctrl-D) ends it.`;

async function main() {
  const { values } = parseArgs({
    options: { ...terminalFlags, from: { type: 'string' } },
  });
  if (values.help) return console.log(usage);
  const terminal = await startTerminal({
    verbose: values.verbose,
    delivery: deliveryFrom(values),
    quit: ['/quit', '/exit'],
  });
  const { simulator, gateway } = terminal.rig;
  const thread = simulator.startTextThread(values.from ? { from: values.from } : {});
  console.log(`Texting ${thread.to} from ${thread.from}. Type a message (/quit to end).\n`);
  let shown = 0;
  terminal.follow(
    () => thread.replies().length > shown,
    () => {
      for (const reply of thread.replies().slice(shown)) terminal.print(`shop: ${reply.text}`);
      shown = thread.replies().length;
    },
  );

  for await (const text of terminal.lines()) {
    await thread.send(text);
    if (!terminal.interactive) await gateway.settled();
  }
  await gateway.settled();
  const { messages } = await gateway.history.load(thread.conversationId, { limit: 100 });
  await terminal.close();
  console.log(
    `\n${messages.length} messages kept in history for conversation ${thread.conversationId}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
