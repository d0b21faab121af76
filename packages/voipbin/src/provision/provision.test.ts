import { afterEach, describe, expect, it } from 'vitest';
import { createVoipbinClient } from '../client/client';
import { type Simulator, startSimulator } from '../test/simulator';
import { nilUuid } from '../wire';
import { messageFlowReason, provision } from './provision';

let simulator: Simulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function setup(options: { fetchSecret?: string } = {}) {
  simulator = await startSimulator({ accessKey: 'vb_test' });
  const client = createVoipbinClient({
    baseUrl: simulator.url,
    accessKey: 'vb_test',
    backoffMs: 1,
  });
  const log: string[] = [];
  const number = [...simulator.state.numbers.values()][0]?.number ?? '';
  const run = (dryRun = false) =>
    provision({
      client,
      publicUrl: 'https://gw.example.com/',
      language: 'en-US',
      number,
      dryRun,
      fetchSecret: options.fetchSecret,
      log: (line) => log.push(line),
    });
  return { simulator, run, log, number };
}

const writes = (sim: Simulator) => sim.state.requests.filter((r) => r.method !== 'GET');

describe('provision (pnpm voipbin:setup)', () => {
  it('points the webhook at the gateway, creates the parking flow and routes the number', async () => {
    const { simulator, run } = await setup();
    const result = await run();
    expect(result.changes).toEqual([
      'PUT /customer',
      'POST /flows',
      expect.stringMatching(/^PUT \/numbers\/.+\/flow_ids$/),
    ]);
    expect(simulator.state.customer).toMatchObject({
      webhook_uri: 'https://gw.example.com/voipbin/webhook',
      webhook_method: 'POST',
    });
    expect(result.webhookSecret).toBe(simulator.state.customer.webhook_secret);
    const flow = simulator.state.flows.get(result.flowId ?? '');
    expect(flow?.actions.map((a) => a.type)).toEqual([
      'answer',
      'transcribe_start',
      'sleep',
      'goto',
      'hangup',
    ]);
    const sleep = flow?.actions[2];
    expect(flow?.actions[1]?.option).toEqual({ language: 'en-US', direction: 'in' });
    expect(flow?.actions[3]?.option).toMatchObject({ target_id: sleep?.id });
    expect(sleep?.option).toEqual({ duration: 600_000 });
    const number = [...simulator.state.numbers.values()][0];
    expect(number?.call_flow_id).toBe(result.flowId);
    expect(number?.message_flow_id).toBe(nilUuid);
    expect(result.clearedMessageFlowId).toBeUndefined();
    expect(result.notes).toEqual([expect.stringContaining('left empty')]);
    expect(result.notes[0]).toContain(messageFlowReason);
  });

  it('clears a message flow on the number, says why, and keeps it cleared', async () => {
    const { simulator, run, log, number } = await setup();
    const line = [...simulator.state.numbers.values()][0];
    const aiTalkFlow = '2f1e0d9c-8b7a-4654-9321-0fedcba98765';
    if (line) line.message_flow_id = aiTalkFlow;
    const first = await run();
    expect(line?.message_flow_id).toBe(nilUuid);
    expect(line?.call_flow_id).toBe(first.flowId);
    expect(first.clearedMessageFlowId).toBe(aiTalkFlow);
    expect(first.notes).toEqual([
      `cleared message_flow_id ${aiTalkFlow} of ${number}: ${messageFlowReason}`,
    ]);
    expect(messageFlowReason).toMatch(/second time/);
    expect(log).toContain(first.notes[0]);
    const put = simulator.state.requests.find((r) => r.path.endsWith('/flow_ids'));
    expect(put?.body).toEqual({ call_flow_id: first.flowId, message_flow_id: nilUuid });

    // Routed already, but someone set a message flow again: only the number is written.
    if (line) line.message_flow_id = aiTalkFlow;
    const second = await run();
    expect(second.changes).toEqual([`PUT /numbers/${line?.id}/flow_ids`]);
    expect(line?.message_flow_id).toBe(nilUuid);
    const third = await run();
    expect(third.changes).toEqual([]);
    expect(third.clearedMessageFlowId).toBeUndefined();
  });

  it('--dry-run says it would clear the message flow, and does not', async () => {
    const { simulator, run } = await setup();
    const line = [...simulator.state.numbers.values()][0];
    if (line) line.message_flow_id = '2f1e0d9c-8b7a-4654-9321-0fedcba98765';
    const result = await run(true);
    expect(result.notes[0]).toMatch(/^would clear message_flow_id /);
    expect(line?.message_flow_id).toBe('2f1e0d9c-8b7a-4654-9321-0fedcba98765');
  });

  it('changes nothing the second time', async () => {
    const { simulator, run } = await setup();
    const first = await run();
    const before = writes(simulator).length;
    const second = await run();
    expect(second.changes).toEqual([]);
    expect(second.flowId).toBe(first.flowId);
    expect(writes(simulator)).toHaveLength(before);
    expect(simulator.state.flows.size).toBe(1);
  });

  it('updates a flow that drifted, keeping its id', async () => {
    const { simulator, run } = await setup();
    const first = await run();
    const flow = simulator.state.flows.get(first.flowId ?? '');
    flow?.actions.splice(1, 1);
    const second = await run();
    expect(second.changes).toEqual([`PUT /flows/${first.flowId}`]);
    expect(simulator.state.flows.get(first.flowId ?? '')?.actions).toHaveLength(5);
  });

  it('--dry-run prints the writes and makes none', async () => {
    const { simulator, run, log } = await setup();
    const result = await run(true);
    expect(result.changes).toHaveLength(3);
    expect(writes(simulator)).toEqual([]);
    expect(log.filter((line) => line.startsWith('[dry-run] '))).toHaveLength(3);
    expect(log[0]).toContain('"webhook_uri":"https://gw.example.com/voipbin/webhook"');
  });

  it('with a fetch secret: parking flow v2, a fetch loop with UUID ids (HANDOFF.md §1.2)', async () => {
    const secret = 'fetch-secret-0123456789abcdef';
    const { simulator, run } = await setup({ fetchSecret: secret });
    const result = await run();
    const actions = simulator.state.flows.get(result.flowId ?? '')?.actions ?? [];
    expect(actions.map((a) => a.type)).toEqual([
      'answer',
      'transcribe_start',
      'sleep',
      'fetch',
      'goto',
      'hangup',
    ]);
    const posted = simulator.state.requests.find((r) => r.method === 'POST' && r.path === '/flows');
    const sent = (posted?.body as { actions?: { id?: string }[] } | undefined)?.actions ?? [];
    expect(sent).toHaveLength(6);
    expect(sent.every((a) => /^[0-9a-f-]{36}$/.test(a.id ?? ''))).toBe(true);
    expect(actions[2]?.option).toEqual({ duration: 200 });
    expect(actions[3]?.option).toEqual({
      event_url: `https://gw.example.com/voipbin/fetch/${secret}`,
      event_method: 'POST',
    });
    expect(actions[4]?.option).toEqual({ target_id: actions[3]?.id, loop_count: 10 });
    expect((await run()).changes).toEqual([]);
  });

  it('moves a v1 flow to v2 once a fetch secret is set, keeping the flow', async () => {
    const { simulator, run } = await setup();
    const first = await run();
    const secret = 'fetch-secret-0123456789abcdef';
    const client = createVoipbinClient({ baseUrl: simulator.url, accessKey: 'vb_test' });
    const again = () =>
      provision({
        client,
        publicUrl: 'https://gw.example.com',
        language: 'en-US',
        fetchSecret: secret,
        log: () => {},
      });
    const second = await again();
    expect(second.changes).toEqual([`PUT /flows/${first.flowId}`]);
    const actions = simulator.state.flows.get(first.flowId ?? '')?.actions ?? [];
    expect(actions.map((a) => a.type)).toContain('fetch');
    expect((await again()).changes).toEqual([]);
  });

  it('fails clearly for a number the account does not have', async () => {
    const { simulator } = await setup();
    const client = createVoipbinClient({ baseUrl: simulator.url, accessKey: 'vb_test' });
    const run = provision({
      client,
      publicUrl: 'https://gw.example.com',
      language: 'en-US',
      number: '+19999999999',
      log: () => {},
    });
    await expect(run).rejects.toThrow(/not on this account/);
  });

  it('is refused without the right access key', async () => {
    const { simulator } = await setup();
    const client = createVoipbinClient({ baseUrl: simulator.url, accessKey: 'vb_wrong' });
    const run = provision({
      client,
      publicUrl: 'https://gw.example.com',
      language: 'en-US',
      log: () => {},
    });
    await expect(run).rejects.toThrow(/401/);
  });
});
