import type { VoipbinClient } from '../client/client';
import { isNilId, nilUuid } from '../wire';
import { findFlow, findNumber } from './find-in-pages';
import { describeFlow, parkingFlowActions } from './parking-flow';

/** Options for {@link provision}. */
export type ProvisionOptions = {
  client: VoipbinClient;
  /** The gateway's public base URL, e.g. `https://gw.example.com`. */
  publicUrl: string;
  language: string;
  flowName?: string;
  /** A number of the account (E.164) to route to the flow. */
  number?: string;
  /**
   * With it the flow is v2 (HANDOFF.md §1.2): the gateway's fetch (this secret in the URL) parks
   * each call in its own conference, so that it can be handed to a person. Without it, v1.
   */
  fetchSecret?: string;
  /** Prints the writes instead of making them (reads still happen). */
  dryRun?: boolean;
  log: (line: string) => void;
};

/** What {@link provision} did (or, dry, would do). */
export type ProvisionResult = {
  webhookSecret: string | undefined;
  flowId: string | undefined;
  /** The writes made, e.g. `PUT /customer`; empty when everything was already in place. */
  changes: string[];
  /** The number's former `message_flow_id`, when setup cleared (or, dry, would clear) it. */
  clearedMessageFlowId: string | undefined;
  /** Decisions worth telling the operator, with their reason (also logged). */
  notes: string[];
};

/** Why the number's `message_flow_id` stays empty (MESSAGES.md §1 step 5, §7). */
export const messageFlowReason =
  'a VoIPBin message flow (ai_talk or any other) would answer every text a second time; ' +
  'the gateway answers texts from the webhook';

/**
 * Points the account's webhook at the gateway, creates or updates the parking flow and
 * optionally routes a number's calls to it, leaving the number's `message_flow_id` empty (and
 * clearing one that is set): texts are answered from the webhook, a message flow would answer
 * them a second time. Idempotent: a second run makes no write.
 *
 * @example
 * const result = await provision({
 *   client: createVoipbinClient({ accessKey }),
 *   publicUrl: 'https://gw.example.com',
 *   language: 'en-US',
 *   number: '+15550100',
 *   log: console.log,
 * });
 */
export async function provision(options: ProvisionOptions): Promise<ProvisionResult> {
  const { client, log } = options;
  const changes: string[] = [];
  const notes: string[] = [];
  const note = (line: string) => {
    notes.push(line);
    log(line);
  };
  const write = async <T>(label: string, body: unknown, run: () => Promise<T>) => {
    changes.push(label);
    if (options.dryRun) {
      log(`[dry-run] ${label} ${JSON.stringify(body)}`);
      return undefined;
    }
    log(label);
    return run();
  };
  const base = options.publicUrl.replace(/\/$/, '');
  const webhookUri = `${base}/voipbin/webhook`;

  let customer = await client.customer.get();
  if (customer.webhook_uri !== webhookUri || customer.webhook_method !== 'POST') {
    const body = {
      name: customer.name ?? '',
      detail: customer.detail ?? '',
      email: customer.email ?? '',
      phone_number: customer.phone_number ?? '',
      address: customer.address ?? '',
      webhook_method: 'POST' as const,
      webhook_uri: webhookUri,
    };
    await write('PUT /customer', body, () => client.customer.update(body));
    if (!options.dryRun) customer = await client.customer.get();
  } else {
    log(`webhook already ${webhookUri}`);
  }

  const flowName = options.flowName ?? 'voice-gateway parking flow';
  const existing = await findFlow(client, flowName);
  const fetchUrl = options.fetchSecret ? `${base}/voipbin/fetch/${options.fetchSecret}` : undefined;
  // The jump target keeps its id across updates (v2 loops to the fetch, v1 to the sleep).
  const loopType = fetchUrl ? 'fetch' : 'sleep';
  const target = existing?.actions?.find((action) => action.type === 'goto')?.option?.target_id;
  const loopId = existing?.actions?.find(
    (action) => action.type === loopType && action.id === target,
  )?.id;
  const actions = parkingFlowActions({ language: options.language, fetchUrl, loopId });
  const input = { name: flowName, detail: 'Parks calls for @org/voice-gateway', actions };
  let flowId = existing?.id;
  if (!existing) {
    const created = await write('POST /flows', input, () => client.flows.create(input));
    flowId = created?.id;
  } else if (describeFlow(existing.actions ?? []) !== describeFlow(actions)) {
    await write(`PUT /flows/${existing.id}`, input, () => client.flows.update(existing.id, input));
  } else {
    log(`flow "${flowName}" already up to date (${existing.id})`);
  }

  let clearedMessageFlowId: string | undefined;
  if (options.number) {
    const number = await findNumber(client, options.number);
    if (!number) throw new Error(`Number ${options.number} is not on this account: buy it first`);
    const messageFlowSet = !isNilId(number.message_flow_id);
    if (number.call_flow_id !== flowId || !flowId || messageFlowSet) {
      const body = { call_flow_id: flowId ?? '<new flow id>', message_flow_id: nilUuid };
      await write(`PUT /numbers/${number.id}/flow_ids`, body, () =>
        client.numbers.setFlows(number.id, { ...body, call_flow_id: flowId ?? '' }),
      );
    } else {
      log(`number ${options.number} already routed to the flow`);
    }
    if (messageFlowSet) {
      clearedMessageFlowId = number.message_flow_id;
      const verb = options.dryRun ? 'would clear' : 'cleared';
      note(
        `${verb} message_flow_id ${clearedMessageFlowId} of ${options.number}: ${messageFlowReason}`,
      );
    } else {
      note(`message_flow_id of ${options.number} left empty: ${messageFlowReason}`);
    }
  }
  return { webhookSecret: customer.webhook_secret, flowId, changes, clearedMessageFlowId, notes };
}
