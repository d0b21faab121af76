import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { AiCoreError, createMemoryHistory } from '@org/ai-core';
import { createBrain } from '@org/runtime';
import { loadEnv } from './env';

const usage = `Usage: pnpm chat [--channel chat|voice|sms] [question]

Talk to the assistant in the terminal. Offline by default (answers from knowledge/);
set OPENAI_API_KEY and/or OPENAI_BASE_URL (+ OPENAI_MODEL) to use an OpenAI-compatible model.
With a question it answers once and exits; otherwise type messages, /channel NAME to switch
channel (same memory), /quit to leave.`;

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      channel: { type: 'string', short: 'c', default: 'chat' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (values.help) return console.log(usage);
  const { assistant, model } = await createBrain(loadEnv(), { history: createMemoryHistory() });
  let channel = values.channel;
  if (!assistant.channels[channel]) {
    throw new Error(
      `Unknown channel "${channel}": use ${Object.keys(assistant.channels).join(', ')}`,
    );
  }
  const conversationId = `cli-${Date.now()}`;

  const ask = async (text: string) => {
    const live = channel === 'chat' && process.stdout.isTTY;
    if (live) process.stdout.write('assistant: ');
    try {
      for await (const part of assistant.stream({ conversationId, channel, text })) {
        if (part.type === 'text-delta' && live) process.stdout.write(part.text);
        if (part.type === 'reply') {
          if (live) process.stdout.write('\n');
          else console.log(`assistant (${channel}): ${part.reply.text}`);
        }
      }
    } catch (error) {
      if (live) process.stdout.write('\n');
      const code = AiCoreError.isInstance(error) ? error.code : 'error';
      console.error(`[${code}] ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  if (positionals.length > 0) return ask(positionals.join(' '));
  if (process.stdin.isTTY) {
    console.log(
      `Model: ${model.modelId}. Channel: ${channel}. /channel NAME to switch, /quit to leave.`,
    );
  }
  const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  if (process.stdin.isTTY) process.stdout.write('you: ');
  for await (const line of lines) {
    const text = line.trim();
    if (text === '/quit' || text === '/exit') break;
    const switchTo = /^\/channel\s+(\S+)$/.exec(text)?.[1];
    if (switchTo) {
      if (assistant.channels[switchTo]) channel = switchTo;
      else console.error(`Unknown channel "${switchTo}"`);
    } else if (text) {
      await ask(text);
    }
    if (process.stdin.isTTY) process.stdout.write('you: ');
  }
  lines.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
