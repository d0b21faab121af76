import { parseArgs } from 'node:util';
import {
  type AccountCheck,
  checkHandoffAccount,
  createVoipbinClient,
  provision,
} from '@org/voipbin';
import { loadEnv } from '../env';

const usage = `Usage: pnpm voipbin:setup --url https://<public gateway host> [--number +E164] [--dry-run]

Provisions a VoIPBin account for the gateway (idempotent; run it again at any time):
  1. PUT /customer: webhook_uri = <url>/voipbin/webhook, webhook_method = POST
  2. reads the webhook secret (GET /customer) and prints it for VOIPBIN_WEBHOOK_SECRET
  3. creates or updates the parking flow. With VOIPBIN_FETCH_SECRET set, v2: answer,
     transcribe_start in, sleep 200 ms, fetch <url>/voipbin/fetch/<secret>, goto the fetch x10,
     hangup (the gateway parks each call in its own conference: it can be handed to a person).
     Without it, v1: answer, transcribe_start in, a sleep/goto loop, hangup.
  4. with --number: routes that number's calls to the flow and leaves its message flow empty
     (clearing one that is set): the gateway answers texts from the webhook, and a VoIPBin
     message flow (ai_talk or any other) would answer every text a second time
  5. with HANDOFF_PHONE_NUMBER (or --handoff-number): reads what the account needs to put calls
     through to that person (identity verified, the country in the outbound whitelist, our
     number of type normal, the plan's conference limit) and says what is still missing

Needs VOIPBIN_ACCESS_KEY (and VOIPBIN_API_URL for another server).
  --flow-name NAME         the flow to create or update (default "voice-gateway parking flow")
  --handoff-number +E164   the person calls are handed to (default HANDOFF_PHONE_NUMBER)
  --dry-run                print the writes instead of making them (reads still happen)`;

const marks: Record<AccountCheck['status'], string> = {
  ok: 'ok  ',
  note: 'note',
  needed: 'TODO',
  unknown: '??  ',
};

/** Prints the handoff checks, and how many changes the account still needs. */
function printChecks(checks: AccountCheck[]): void {
  console.log('\nHanding calls to a person:');
  for (const check of checks)
    console.log(`  [${marks[check.status]}] ${check.name}: ${check.message}`);
  const needed = checks.filter((check) => check.status === 'needed');
  if (needed.length > 0) {
    console.log(
      `The account still needs ${needed.length} change(s) (TODO above) before calls can be handed over.`,
    );
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      number: { type: 'string' },
      'flow-name': { type: 'string' },
      'handoff-number': { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(usage);
  if (!values.url) throw new Error(`--url is required\n\n${usage}`);
  const env = loadEnv();
  if (!env.VOIPBIN_ACCESS_KEY) throw new Error('VOIPBIN_ACCESS_KEY is not set');
  const client = createVoipbinClient({
    baseUrl: env.VOIPBIN_API_URL,
    accessKey: env.VOIPBIN_ACCESS_KEY,
  });
  const result = await provision({
    client,
    publicUrl: values.url,
    language: env.LANGUAGE,
    flowName: values['flow-name'],
    number: values.number,
    fetchSecret: env.VOIPBIN_FETCH_SECRET,
    dryRun: values['dry-run'] ?? false,
    log: (line) => console.log(line),
  });
  console.log(
    result.changes.length === 0
      ? 'Nothing to change.'
      : `${values['dry-run'] ? 'Would make' : 'Made'} ${result.changes.length} change(s).`,
  );
  if (result.flowId) console.log(`Parking flow: ${result.flowId}`);
  const handoffNumber = values['handoff-number'] ?? env.HANDOFF_PHONE_NUMBER;
  if (handoffNumber) {
    if (!env.VOIPBIN_FETCH_SECRET) {
      console.log(
        '\nHANDOFF_PHONE_NUMBER needs VOIPBIN_FETCH_SECRET: without the fetch (parking flow v2) no ' +
          'call waits in a conference, and none can be handed to a person.',
      );
    }
    // Reads only; a check it cannot read says so and setup goes on.
    printChecks(await checkHandoffAccount({ client, number: values.number, handoffNumber }));
  }
  if (result.webhookSecret) {
    console.log(
      `\nSet this in the gateway's environment:\nVOIPBIN_WEBHOOK_SECRET=${result.webhookSecret}`,
    );
  } else {
    console.log('\nThe account returned no webhook secret: webhooks will be unsigned and refused.');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
