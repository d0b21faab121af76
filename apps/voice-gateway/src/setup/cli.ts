import { parseArgs } from 'node:util';
import { createVoipbinClient, provision } from '@org/voipbin';
import { loadEnv } from '../env';

const usage = `Usage: pnpm voipbin:setup --url https://<public gateway host> [--number +E164] [--dry-run]

Provisions a VoIPBin account for the gateway (idempotent; run it again at any time):
  1. PUT /customer: webhook_uri = <url>/voipbin/webhook, webhook_method = POST
  2. reads the webhook secret (GET /customer) and prints it for VOIPBIN_WEBHOOK_SECRET
  3. creates or updates the parking flow (answer, transcribe_start in, sleep/goto loop, hangup)
  4. with --number: routes that number's calls to the flow and leaves its message flow empty
     (clearing one that is set): the gateway answers texts from the webhook, and a VoIPBin
     message flow (ai_talk or any other) would answer every text a second time

Needs VOIPBIN_ACCESS_KEY (and VOIPBIN_API_URL for another server). With VOIPBIN_FETCH_SECRET
set, the flow also fetches the greeting from <url>/voipbin/fetch/<secret>.
  --flow-name NAME   the flow to create or update (default "voice-gateway parking flow")
  --dry-run          print the writes instead of making them (reads still happen)`;

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      number: { type: 'string' },
      'flow-name': { type: 'string' },
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
