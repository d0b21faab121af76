import { parseArgs } from 'node:util';
import type { HumanOutcome, Simulator } from '@org/voipbin/test';
import { processEnvironment } from '../env';
import { deliveryFrom, startTerminal, terminalFlags } from './terminal';

const usage = `Usage: pnpm call [options]

A phone call without a phone: starts a local VoIPBin simulator and the gateway pointed at it.
Type what the caller says; the bot's speech is printed. Offline by default (answers from
knowledge/); set OPENAI_API_KEY and/or OPENAI_BASE_URL (+ OPENAI_MODEL) for a real model.

Ask for a person ("can I talk to a real person?") and the call is put through to one
(HANDOFF_PHONE_NUMBER, a simulated +15559876543 unless set): the bot goes quiet, the person
hears a briefing and joins your call. What the person does:
  /human answer|noanswer|busy|ring   the next person dialed picks up (default), never does,
                                     is busy, or rings until /human hangup (or gives up)
  /human hangup                      the person on the line (or ringing) hangs up

  --copies N         deliver every webhook N times (VoIPBin retries)
  --reversed         deliver each utterance's events in reverse order
  --wrong-signature  sign webhooks with a wrong secret (the gateway refuses them)
  --verbose          print the gateway's logs (stderr)

In the call: /hangup (or Ctrl-D) hangs up.`;

const outcomes: readonly HumanOutcome[] = ['answer', 'noanswer', 'busy', 'ring'];
/** How long a simulated person's phone rings before they do what they were told. */
const ringMs = 2500;

/** What happened to the people dialed and the caller's music since last asked, as lines to print. */
function createHandoffView(simulator: Simulator) {
  const seen = new Map<string, { status: string; heard: number }>();
  let music = 0;
  const statusText = (status: string, reason: string | undefined) => {
    if (status === 'ringing') return 'ringing…';
    if (status === 'progressing') return 'picked up (the bot is quiet now; /human hangup to leave)';
    if (status === 'hangup') return reason === 'normal' ? 'hung up' : `did not take it (${reason})`;
    return undefined;
  };
  const changed = () =>
    simulator.state.musicOnHold.length > music ||
    [...simulator.state.outboundCalls.values()].some((leg) => {
      const last = seen.get(leg.id);
      return last?.status !== leg.status || last.heard !== leg.heard.length;
    });
  const lines = (): string[] => {
    const out: string[] = [];
    for (const leg of simulator.state.outboundCalls.values()) {
      const last = seen.get(leg.id) ?? { status: '', heard: 0 };
      const who = `  [person at ${leg.destination}`;
      const text =
        last.status === leg.status ? undefined : statusText(leg.status, leg.hangupReason);
      if (text) out.push(`${who}: ${text}]`);
      for (const briefing of leg.heard.slice(last.heard)) {
        out.push(`${who} heard: "${briefing}", then joined your call]`);
      }
      seen.set(leg.id, { status: leg.status, heard: leg.heard.length });
    }
    for (const change of simulator.state.musicOnHold.slice(music)) {
      out.push(change.on ? '  [music on hold…]' : '  [music stops]');
    }
    music = simulator.state.musicOnHold.length;
    return out;
  };
  return { lines, changed };
}

async function main() {
  const { values } = parseArgs({
    options: { ...terminalFlags, reversed: { type: 'boolean' } },
  });
  if (values.help) return console.log(usage);
  const outer = processEnvironment();
  const env: Record<string, string> = {};
  if (!outer.HANDOFF_PHONE_NUMBER) env.HANDOFF_PHONE_NUMBER = '+15559876543';
  const terminal = await startTerminal({
    verbose: values.verbose,
    delivery: deliveryFrom(values),
    quit: ['/hangup', '/quit', '/exit'],
    env,
    simulator: { humans: { outcome: 'answer', ringMs } },
  });
  const { simulator, gateway, fetchUrl } = terminal.rig;
  // The parking flow v2: greeted, parked in its own conference, ready to be put through.
  const call = await simulator.startCall({ fetchUrl });
  console.log(`Incoming call ${call.id} answered. Say something (/hangup to end).\n`);
  let shown = 0;
  let flushes = 0;
  const handoff = createHandoffView(simulator);
  terminal.follow(
    () =>
      call.lines().length > shown || simulator.state.flushes.length > flushes || handoff.changed(),
    () => {
      for (; flushes < simulator.state.flushes.length; flushes++) {
        terminal.print('  [bot interrupted]');
      }
      for (const line of call.lines().slice(shown)) terminal.print(`bot: ${line.text}`);
      shown = call.lines().length;
      for (const line of handoff.lines()) terminal.print(line);
    },
  );

  for await (const text of terminal.lines()) {
    const human = /^\/human(?:\s+(\S+))?$/.exec(text);
    if (human) {
      const what = human[1] ?? '';
      if (what === 'hangup') {
        const leg = simulator.humans.legs().findLast((one) => one.record.status !== 'hangup');
        if (leg) await leg.hangup();
        else terminal.print('  [nobody is on the line or ringing]');
      } else if ((outcomes as readonly string[]).includes(what)) {
        simulator.humans.next(what as HumanOutcome, { ringMs });
        terminal.print(`  [the next person dialed: ${what}]`);
      } else {
        terminal.print('  [usage: /human answer|noanswer|busy|ring|hangup]');
      }
      continue;
    }
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
