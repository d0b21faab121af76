import { type Listening, listen } from '@org/runtime';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createVoipbinClient } from '../client/client';
import { VoipbinApiError } from '../client/request';
import { type ParsedEvent, parseEvent } from '../events/event-data';
import { signatureHeader, verifySignature } from '../signature';
import { nilUuid } from '../wire';
import { type Simulator, startSimulator } from './simulator';

type Received = Extract<ParsedEvent, { kind: 'event' }>;

/** A webhook receiver that checks the signature, parses every event and can fail on purpose. */
async function startReceiver(secret: () => string) {
  const events: Received[] = [];
  let failuresLeft = 0;
  const app = new Hono().post('/hook', async (c) => {
    const raw = await c.req.text();
    if (!verifySignature(secret(), raw, c.req.header(signatureHeader))) {
      return c.json({ error: 'bad signature' }, 401);
    }
    if (failuresLeft > 0) {
      failuresLeft--;
      return c.json({ error: 'down' }, 503);
    }
    const parsed = parseEvent(JSON.parse(raw));
    if (parsed.kind !== 'event') return c.json({ error: parsed.kind }, 400);
    events.push(parsed);
    return c.json({ ok: true });
  });
  const server = await listen(app.fetch);
  return {
    url: `${server.url}/hook`,
    events,
    types: () => events.map((event) => event.type),
    failNext(count: number) {
      failuresLeft = count;
    },
    server,
  };
}

let simulator: Simulator | undefined;
let server: Listening | undefined;
afterEach(async () => {
  await simulator?.close();
  await server?.close();
  simulator = undefined;
  server = undefined;
});

async function setup() {
  const sim = await startSimulator({ accessKey: 'vb_sms', retryDelayMs: 20 });
  simulator = sim;
  const receiver = await startReceiver(() => sim.state.customer.webhook_secret);
  server = receiver.server;
  sim.state.customer.webhook_uri = receiver.url;
  const client = createVoipbinClient({
    baseUrl: sim.url,
    accessKey: 'vb_sms',
    timeoutMs: 200,
    backoffMs: 1,
  });
  return { sim, receiver, client };
}

describe('simulator: an inbound SMS (MESSAGES.md §1)', () => {
  it('delivers message_created, conversation_created and conversation_message_created, signed, one message id', async () => {
    const { sim, receiver } = await setup();
    const thread = sim.startTextThread({ from: '+15557654321' });
    const messageId = await thread.send('Do you have the new Murakami?');
    expect(receiver.types()).toEqual([
      'message_created',
      'conversation_created',
      'conversation_message_created',
    ]);
    const [message, conversation, incoming] = receiver.events;
    expect(message).toMatchObject({
      data: {
        id: messageId,
        type: 'sms',
        direction: 'inbound',
        source: { type: 'tel', target: '+15557654321' },
        targets: [{ destination: { target: '+15550100' }, status: 'received' }],
        tm_update: null,
      },
    });
    expect(conversation).toMatchObject({
      data: {
        id: thread.conversationId,
        owner_type: '',
        owner_id: nilUuid,
        type: 'message',
        name: 'SMS · +15557654321',
        self: { target: '+15550100' },
        peer: { target: '+15557654321' },
      },
    });
    expect(incoming).toMatchObject({
      data: {
        id: messageId,
        reference_id: messageId,
        reference_type: 'message',
        conversation_id: thread.conversationId,
        direction: 'incoming',
        status: 'done',
        text: 'Do you have the new Murakami?',
        source: { target: '+15557654321' },
        destination: { target: '+15550100' },
      },
    });
    expect(sim.deliveries.every((delivery) => delivery.status === 200)).toBe(true);
  });

  it('creates the conversation once per (number, sender)', async () => {
    const { sim, receiver } = await setup();
    const thread = sim.startTextThread();
    await thread.send('Hello?');
    await thread.send('Anyone there?');
    expect(sim.startTextThread().conversationId).toBe(thread.conversationId);
    await sim.startTextThread().send('Third text.');
    const other = sim.startTextThread({ from: '+15559990000' });
    expect(other.conversationId).not.toBe(thread.conversationId);
    await other.send('A new sender.');
    expect(receiver.types().filter((type) => type === 'conversation_created')).toHaveLength(2);
    const incoming = receiver.events.filter((e) => e.type === 'conversation_message_created');
    expect(incoming.map((e) => e.data.conversation_id)).toEqual([
      thread.conversationId,
      thread.conversationId,
      thread.conversationId,
      other.conversationId,
    ]);
    expect(sim.state.conversations.size).toBe(2);
  });

  it('is not readable over REST before its first text, and is after', async () => {
    const { sim, client } = await setup();
    const thread = sim.startTextThread();
    const before = await client.conversations.get(thread.conversationId).catch((e) => e);
    expect((before as VoipbinApiError).status).toBe(404);
    await thread.send('Hi');
    await expect(client.conversations.get(thread.conversationId)).resolves.toMatchObject({
      id: thread.conversationId,
      owner_type: '',
    });
  });

  it('retries a delivery the receiver answered with 5xx, as VoIPBin does', async () => {
    const { sim, receiver } = await setup();
    receiver.failNext(2);
    await sim.startTextThread().send('Retry me.');
    const first = sim.deliveries.filter((delivery) => delivery.type === 'message_created');
    expect(first.map((delivery) => [delivery.status, delivery.attempt])).toEqual([
      [503, 1],
      [503, 2],
      [200, 3],
    ]);
    expect(receiver.types()).toEqual([
      'message_created',
      'conversation_created',
      'conversation_message_created',
    ]);
  });

  it('follows the delivery options: copies, reversed order, wrong signature', async () => {
    const { sim, receiver } = await setup();
    const thread = sim.startTextThread({ delivery: { copies: 2, order: 'reversed' } });
    await thread.send('Twice, backwards.');
    expect(receiver.types()).toEqual([
      'conversation_message_created',
      'conversation_message_created',
      'conversation_created',
      'conversation_created',
      'message_created',
      'message_created',
    ]);
    await thread.send('Forged.', { delivery: { signature: 'wrong' } });
    expect(sim.deliveries.slice(-2).map((delivery) => delivery.status)).toEqual([401, 401]);
  });
});

describe('simulator: replies (MESSAGES.md §2)', () => {
  it('records a conversation send, answers progressing, then echoes it', async () => {
    const { sim, receiver, client } = await setup();
    const thread = sim.startTextThread();
    const messageId = await thread.send('Open on Sunday?');
    const sent = await client.conversations.sendMessage(thread.conversationId, 'Yes, 10 to 4.');
    expect(sent).toMatchObject({
      conversation_id: thread.conversationId,
      direction: 'outgoing',
      status: 'progressing',
      text: 'Yes, 10 to 4.',
      source: { target: thread.to },
      destination: { target: thread.from },
    });
    expect(sent.id).not.toBe(messageId);
    const replies = await thread.waitForReplies(1);
    expect(replies).toMatchObject([
      { conversationId: thread.conversationId, messageId: sent.id, text: 'Yes, 10 to 4.' },
    ]);
    expect(replies[0]?.via).toBe('conversation');

    await sim.waitUntil(() => receiver.events.length === 6, 5000, 'the echo');
    const echo = receiver.events.slice(3);
    expect(echo.map((event) => event.type)).toEqual([
      'conversation_message_created',
      'message_created',
      'conversation_message_updated',
    ]);
    expect(echo[0]).toMatchObject({
      data: { id: sent.id, direction: 'outgoing', status: 'progressing' },
    });
    expect(echo[1]).toMatchObject({
      data: { id: sent.id, direction: 'outbound', targets: [{ status: 'queued', parts: 0 }] },
    });
    expect(echo[2]).toMatchObject({ data: { id: sent.id, status: 'done' } });
    expect(echo[2]?.data.tm_update).toEqual(expect.any(String));
  });

  it('answers 404 for an unknown conversation and 400 for bad JSON, sending nothing', async () => {
    const { sim, client } = await setup();
    const unknown = await client.conversations
      .sendMessage('6f1e7a52-0000-4000-8000-000000000000', 'Hello')
      .catch((error: unknown) => error);
    expect((unknown as VoipbinApiError).status).toBe(404);
    const thread = sim.startTextThread();
    await thread.send('Hi');
    const response = await fetch(
      `${sim.url}/conversations/${thread.conversationId}/messages?accesskey=vb_sms`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":' },
    );
    expect(response.status).toBe(400);
    expect(sim.state.sentTexts).toEqual([]);
  });

  it('applies faults: a refused send sends nothing, a slow one sends once and times out', async () => {
    const { sim, client } = await setup();
    const thread = sim.startTextThread();
    await thread.send('Hi');
    sim.fail({ method: 'POST', path: /^\/conversations\/.+\/messages$/, status: 500, times: 1 });
    const refused = await client.conversations
      .sendMessage(thread.conversationId, 'One')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(VoipbinApiError);
    expect(thread.replies()).toEqual([]);

    sim.fail({ method: 'POST', path: /\/messages$/, delayMs: 400, times: 1 });
    const slow = (await client.conversations
      .sendMessage(thread.conversationId, 'Two')
      .catch((error: unknown) => error)) as VoipbinApiError;
    expect(slow.mayHaveTakenEffect).toBe(true);
    const replies = await thread.waitForReplies(1);
    expect(replies.map((reply) => reply.text)).toEqual(['Two']);
  });

  it('sends by address with POST /messages, mirrored into the conversation', async () => {
    const { sim, receiver, client } = await setup();
    const thread = sim.startTextThread();
    await thread.send('Hi');
    const message = await client.messages.send({
      source: { type: 'tel', target: thread.to },
      destinations: [{ type: 'tel', target: thread.from }],
      text: 'Your order shipped.',
    });
    expect(message).toMatchObject({ direction: 'outbound', targets: [{ status: 'queued' }] });
    expect(thread.replies()).toMatchObject([
      { text: 'Your order shipped.', via: 'message', messageId: message.id },
    ]);
    await sim.waitUntil(() => receiver.events.length === 5, 5000, 'the echo');
    expect(receiver.events.slice(3)).toMatchObject([
      { type: 'message_created', data: { id: message.id, direction: 'outbound' } },
      {
        type: 'conversation_message_created',
        data: { conversation_id: thread.conversationId, direction: 'outgoing', status: 'done' },
      },
    ]);
    const empty = await client.messages
      .send({ source: { type: 'tel', target: thread.to }, destinations: [], text: 'x' })
      .catch((error: unknown) => error);
    expect((empty as VoipbinApiError).status).toBe(400);
  });
});

describe('simulator: agent handoff (MESSAGES.md §3)', () => {
  it('assignAgent and releaseAgent set the owner and deliver conversation_updated', async () => {
    const { sim, receiver, client } = await setup();
    const thread = sim.startTextThread();
    await thread.send('I want a person.');
    const agentId = '9a8b7c6d-5e4f-4321-8765-0a1b2c3d4e5f';
    await sim.assignAgent(thread.conversationId, agentId);
    await expect(client.conversations.get(thread.conversationId)).resolves.toMatchObject({
      owner_type: 'agent',
      owner_id: agentId,
    });
    await sim.releaseAgent(thread.conversationId);
    const updates = receiver.events.filter((event) => event.type === 'conversation_updated');
    expect(updates.map((event) => [event.data.owner_type, event.data.owner_id])).toEqual([
      ['agent', agentId],
      ['', nilUuid],
    ]);
    expect(updates[0]?.data.tm_update).not.toBe(updates[1]?.data.tm_update);
    await expect(sim.assignAgent('no-such-conversation', agentId)).rejects.toThrow(/text first/);
  });

  it('PUT /conversations/{id} with owner_id assigns over REST', async () => {
    const { sim, receiver } = await setup();
    const thread = sim.startTextThread();
    await thread.send('Hi');
    const response = await fetch(
      `${sim.url}/conversations/${thread.conversationId}?accesskey=vb_sms`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ owner_id: 'agent-1' }),
      },
    );
    expect(response.status).toBe(200);
    await sim.waitUntil(
      () => receiver.events.some((event) => event.type === 'conversation_updated'),
      5000,
    );
    expect(sim.state.conversations.get(thread.conversationId)).toMatchObject({
      owner_type: 'agent',
      owner_id: 'agent-1',
    });
  });
});
