import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Handoff } from '@org/ai-core';
import { processEnvironment } from '../env';
import { deliveryFrom, startTerminal, terminalFlags } from './terminal';

const usage = `Usage: pnpm sms [options]

Text the shop without a phone: starts a local VoIPBin simulator and the gateway pointed at it.
Each line you type is an SMS to the shop's number; the shop's reply is printed as it is sent.
Offline by default (answers from knowledge/); set OPENAI_API_KEY and/or OPENAI_BASE_URL
(+ OPENAI_MODEL) for a real model.

Ask for a person ("can I talk to a person?") and the conversation is handed off: the bot goes
quiet, the business's webhook is told (printed here unless HANDOFF_WEBHOOK_URL is set), and you
play the operator too:
  /operator TEXT     the operator texts back (through the gateway's operator API)
  /release           give the conversation back to the bot

  --from NUMBER      the texter's number (default +15557654321)
  --operator NAME    the operator's name (default Sam)
  --nobody           nobody is available (no OPERATOR_TOKEN): the bot says so, a callback is requested
  --copies N         deliver every webhook N times (VoIPBin retries)
  --wrong-signature  sign webhooks with a wrong secret (the gateway refuses them)
  --verbose          print the gateway's logs (stderr)

/quit (or Ctrl-D) ends it.`;

async function main() {
  const { values } = parseArgs({
    options: {
      ...terminalFlags,
      from: { type: 'string' },
      operator: { type: 'string' },
      nobody: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(usage);
  const outer = processEnvironment();
  const token = values.nobody
    ? ''
    : (outer.OPERATOR_TOKEN ?? randomBytes(24).toString('base64url'));
  const operatorName = values.operator ?? 'Sam';
  const env: Record<string, string> = { OPERATOR_TOKEN: token };
  const terminal = await startTerminal({
    verbose: values.verbose,
    delivery: deliveryFrom(values),
    quit: ['/quit', '/exit'],
    env,
  });
  const { simulator, gateway, url } = terminal.rig;
  const thread = simulator.startTextThread(values.from ? { from: values.from } : {});
  console.log(
    `Texting ${thread.to} from ${thread.from}. Type a message (/quit to end).` +
      (token ? '' : '\nNobody is available to take over (--nobody).') +
      '\n',
  );

  // Texts sent while the operator API posts are the operator's: the bot is quiet then.
  const byOperator = new Set<string>();
  let posting = false;
  let shown = 0;
  terminal.follow(
    () => thread.replies().length > shown,
    () => {
      for (const reply of thread.replies().slice(shown)) {
        const operator = posting || byOperator.has(reply.messageId);
        terminal.print(`${operator ? `${operatorName} (operator)` : 'shop'}: ${reply.text}`);
      }
      shown = thread.replies().length;
    },
  );

  // What the conversation's handoff state was when last looked at.
  let state: Handoff['status'] | undefined;
  async function showState(answered: number) {
    await gateway.settled();
    const { handoff } = await gateway.history.load(thread.conversationId, { limit: 0 });
    const next = handoff?.status;
    if (next === 'active' && state !== 'active') {
      terminal.print(
        '  [handed off to a person: the bot is quiet now. Answer as the operator with ' +
          '/operator TEXT, give it back with /release]',
      );
    } else if (next === 'active' && thread.replies().length === answered) {
      terminal.print('  [no reply from the bot: a person has this conversation]');
    } else if (next === 'callback' && state !== 'callback') {
      terminal.print('  [nobody available: a callback was requested]');
    } else if (next === undefined && state !== undefined) {
      terminal.print('  [given back to the bot]');
    }
    state = next;
  }

  async function operatorApi(path: string, body?: unknown) {
    const response = await fetch(`${url}/operator/conversations/${thread.conversationId}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    if (response.ok) return true;
    const error = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    terminal.print(`  [operator API ${response.status}: ${error.error?.message ?? 'failed'}]`);
    return false;
  }

  for await (const line of terminal.lines()) {
    const [command, ...words] = line.split(/\s+/);
    if (command === '/operator') {
      const before = thread.replies().length;
      posting = true;
      try {
        await operatorApi('/messages', { text: words.join(' '), operator: operatorName });
      } finally {
        for (const reply of thread.replies().slice(before)) byOperator.add(reply.messageId);
        posting = false;
      }
    } else if (command === '/release') {
      if (await operatorApi('/release')) await showState(thread.replies().length);
    } else {
      const answered = thread.replies().length;
      await thread.send(line);
      const shownState = showState(answered);
      // Piped input waits for each answer, as a person would; a person at the prompt does not.
      if (!terminal.interactive) await shownState;
      else void shownState.catch(() => {});
    }
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
