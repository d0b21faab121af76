import { smsChannel } from '@org/ai-core';
import { createMockChatModel } from '@org/ai-core/test';
import { type HandoffEvent, handoffEventSchema, verifyHandoffSignature } from '@org/handoff';
import { type Listening, listen } from '@org/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rig, type RigOptions, startRig } from '../../simulator/rig';

const operatorToken = 'operator-token-for-tests-0123456789';
const webhookSecret = 'handoff-webhook-secret-0123456789';
const handoffTexts = smsChannel.handoff ?? { started: '', unavailable: '', callback: '' };

/** One delivery the business's receiver got, as received. */
type Received = { headers: Headers; rawBody: string; event: HandoffEvent };

let rig: Rig | undefined;
let receiver: Listening | undefined;
afterEach(async () => {
  await rig?.close();
  await receiver?.close();
  rig = undefined;
  receiver = undefined;
});

/** The business's webhook: a real HTTP server on loopback that keeps what it receives. */
async function startReceiver(): Promise<Received[]> {
  const received: Received[] = [];
  receiver = await listen(async (request) => {
    const rawBody = await request.text();
    received.push({
      headers: request.headers,
      rawBody,
      event: handoffEventSchema.parse(JSON.parse(rawBody)),
    });
    return new Response(null, { status: 204 });
  });
  return received;
}

async function start(options: { env?: Record<string, string>; rig?: RigOptions } = {}) {
  const received = await startReceiver();
  rig = await startRig({
    ...options.rig,
    simulator: { retryDelayMs: 20 },
    env: {
      OPERATOR_TOKEN: operatorToken,
      HANDOFF_WEBHOOK_URL: `${receiver?.url}/hooks/handoff`,
      HANDOFF_WEBHOOK_SECRET: webhookSecret,
      ...options.env,
    },
  });
  return { rig, received };
}

/** Calls the gateway's operator API over HTTP. */
function operatorApi(rig: Rig, token = operatorToken) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${rig.url}/operator${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    list: () => call('GET', '/conversations'),
    read: (id: string) => call('GET', `/conversations/${id}`),
    reply: (id: string, body: { text: string; operator: string; messageId?: string }) =>
      call('POST', `/conversations/${id}/messages`, body),
    release: (id: string) => call('POST', `/conversations/${id}/release`),
  };
}

const sendsTo = (rig: Rig, conversationId: string) =>
  rig.simulator.state.requests.filter(
    (request) =>
      request.method === 'POST' && request.path === `/conversations/${conversationId}/messages`,
  );

describe('SMS handoff to a person (simulated VoIPBin, real operator API and webhook)', () => {
  it('hands a thread to a person: the bot goes quiet, the operator texts back, then releases it', async () => {
    const { rig, received } = await start();
    const { simulator, gateway } = rig;
    const operator = operatorApi(rig);
    const thread = simulator.startTextThread();

    await thread.send('What are your opening hours on Sunday?');
    await thread.waitForReplies(1);
    await gateway.settled();
    expect(received).toEqual([]);

    await thread.send('Can I talk to a person?');
    const replies = await thread.waitForReplies(2);
    await gateway.settled();
    expect(replies[1]?.text).toBe(handoffTexts.started);

    // The business was told, signed, with what it needs to take over.
    expect(received).toHaveLength(1);
    const [delivery] = received;
    const signed = {
      rawBody: delivery?.rawBody ?? '',
      timestamp: delivery?.headers.get('x-handoff-timestamp'),
      signature: delivery?.headers.get('x-handoff-signature'),
    };
    expect(verifyHandoffSignature({ secret: webhookSecret, ...signed })).toBe(true);
    expect(verifyHandoffSignature({ secret: `${webhookSecret}-not`, ...signed })).toBe(false);
    expect(delivery?.headers.get('x-handoff-delivery')).toBe(delivery?.event.deliveryId);
    expect(delivery?.event).toMatchObject({
      type: 'handoff.started',
      channel: 'sms',
      conversationId: thread.conversationId,
      reason: 'customer_request',
      customer: { phone: thread.from },
    });
    expect(delivery?.event.summary).toMatch(/person/);
    expect(delivery?.event.transcript.map((message) => [message.role, message.content])).toEqual([
      ['user', 'What are your opening hours on Sunday?'],
      ['assistant', replies[0]?.text],
      ['user', 'Can I talk to a person?'],
      ['assistant', handoffTexts.started],
    ]);

    // Handed off: a text gets no reply, and is kept for the operator.
    await thread.send('My order 1234 never arrived.');
    await gateway.settled();
    expect(thread.replies()).toHaveLength(2);
    expect(sendsTo(rig, thread.conversationId)).toHaveLength(2);
    expect(received).toHaveLength(1);

    const listed = await operator.list();
    expect(listed.status).toBe(200);
    expect(listed.body.conversations).toEqual([
      expect.objectContaining({
        conversationId: thread.conversationId,
        handoff: expect.objectContaining({ status: 'active', channel: 'sms' }),
      }),
    ]);
    const read = await operator.read(thread.conversationId);
    expect(read.status).toBe(200);
    expect(read.body.messages).toContainEqual(
      expect.objectContaining({ role: 'user', content: 'My order 1234 never arrived.' }),
    );

    // The operator's reply reaches the texter by SMS, rendered GSM-7 (no curly quote, no dash).
    const answer = {
      text: 'Hi, it’s Sam – I’m looking into order 1234 now.',
      operator: 'Sam',
      messageId: 'sam-1',
    };
    const posted = await operator.reply(thread.conversationId, answer);
    expect(posted.status).toBe(201);
    const [, , sent] = await thread.waitForReplies(3);
    expect(sent).toMatchObject({
      via: 'conversation',
      text: "Hi, it's Sam - I'm looking into order 1234 now.",
    });
    // Sent again with the same id (the operator's client retried): stored and sent once.
    const repeated = await operator.reply(thread.conversationId, answer);
    expect(repeated.status).toBe(200);
    await gateway.settled();
    expect(sendsTo(rig, thread.conversationId)).toHaveLength(3);

    // Still handed off: the bot stays quiet after the operator's reply too.
    await thread.send('Thank you!');
    await gateway.settled();
    expect(thread.replies()).toHaveLength(3);

    const released = await operator.release(thread.conversationId);
    expect(released.status).toBe(200);
    expect((await operator.list()).body.conversations).toEqual([]);

    await thread.send('Are you open on Sunday?');
    const after = await thread.waitForReplies(4);
    expect(after[3]?.text).toMatch(/10/);

    const { messages, handoff } = await gateway.history.load(thread.conversationId, {
      limit: 20,
    });
    expect(handoff).toBeUndefined();
    expect(messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'operator',
      'user',
      'user',
      'assistant',
    ]);
    expect(messages[5]).toMatchObject({ name: 'Sam', content: answer.text });
  });

  it('answers with what the operator said once the conversation is given back', async () => {
    const model = createMockChatModel({
      responses: (request) =>
        JSON.stringify(request.messages.at(-1)).includes('person')
          ? { toolCalls: [{ name: 'hand_off_to_person', input: { reason: 'customer_request' } }] }
          : { text: 'Your refund is on its way, as Sam said.' },
    });
    const { rig } = await start({ rig: { model } });
    const operator = operatorApi(rig);
    const thread = rig.simulator.startTextThread();
    await thread.send('I want a person please');
    await thread.waitForReplies(1);
    await rig.gateway.settled();
    expect(model.calls).toHaveLength(1);

    await thread.send('Hello?');
    await rig.gateway.settled();
    const posted = await operator.reply(thread.conversationId, {
      text: 'Sam here: I have refunded your order.',
      operator: 'Sam',
    });
    expect(posted.status).toBe(201);
    await thread.waitForReplies(2);
    expect((await operator.release(thread.conversationId)).status).toBe(200);

    await thread.send('When will I get my money?');
    const replies = await thread.waitForReplies(3);
    expect(replies[2]?.text).toBe('Your refund is on its way, as Sam said.');
    // No model call while handed off; then the model sees the operator's message.
    expect(model.calls).toHaveLength(2);
    const seen = JSON.stringify(model.calls[1]?.messages);
    expect(seen).toContain('Sam here: I have refunded your order.');
    expect(seen).toContain('Hello?');
  });

  it('without OPERATOR_TOKEN: a graceful text, a callback request, and the bot goes on answering', async () => {
    const { rig, received } = await start({ env: { OPERATOR_TOKEN: '' } });
    const thread = rig.simulator.startTextThread();
    await thread.send('Can I talk to a person?');
    const [reply] = await thread.waitForReplies(1);
    await rig.gateway.settled();

    expect(reply?.text).toBe(`${handoffTexts.unavailable} ${handoffTexts.callback}`);
    expect(received.map((delivery) => delivery.event)).toEqual([
      expect.objectContaining({
        type: 'handoff.callback_requested',
        channel: 'sms',
        conversationId: thread.conversationId,
        reason: 'customer_request',
        customer: { phone: thread.from },
      }),
    ]);
    // Nobody took it: the assistant answers the next text.
    await thread.send('What are your opening hours on Sunday?');
    const replies = await thread.waitForReplies(2);
    expect(replies[1]?.text).toMatch(/10/);
    // And the operator API is off.
    expect((await operatorApi(rig).list()).status).toBe(404);
  });

  it('outside the opening hours nobody is available', async () => {
    // A day that is not today nor tomorrow, in UTC: closed whenever the test runs.
    const closedDay = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][
      (new Date().getUTCDay() + 3) % 7
    ];
    const { rig, received } = await start({ env: { HANDOFF_HOURS: `${closedDay} 09:00-17:00` } });
    const thread = rig.simulator.startTextThread();
    await thread.send('Can I talk to a person?');
    const [reply] = await thread.waitForReplies(1);
    await rig.gateway.settled();
    expect(reply?.text).toBe(`${handoffTexts.unavailable} ${handoffTexts.callback}`);
    expect(received.map((delivery) => delivery.event.type)).toEqual(['handoff.callback_requested']);
  });

  it('refuses a forged or missing operator token (401) with no effect', async () => {
    const { rig } = await start();
    const thread = rig.simulator.startTextThread();
    await thread.send('Can I talk to a person?');
    await thread.waitForReplies(1);
    await rig.gateway.settled();

    for (const token of [`${operatorToken.slice(0, -1)}x`, '']) {
      const forged = operatorApi(rig, token);
      const posted = await forged.reply(thread.conversationId, { text: 'Hi', operator: 'Eve' });
      expect(posted.status).toBe(401);
      expect(posted.body).toMatchObject({ error: { code: 'unauthorized' } });
      expect((await forged.release(thread.conversationId)).status).toBe(401);
      expect((await forged.list()).status).toBe(401);
    }
    await rig.gateway.settled();
    expect(thread.replies()).toHaveLength(1);
    const { messages, handoff } = await rig.gateway.history.load(thread.conversationId, {
      limit: 20,
    });
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(handoff).toMatchObject({ status: 'active' });
    // Still handed off: the bot stays quiet.
    await thread.send('Hello?');
    await rig.gateway.settled();
    expect(thread.replies()).toHaveLength(1);
  });

  it('sends a long operator message as several texts, in order, losing nothing', async () => {
    const { rig } = await start();
    const thread = rig.simulator.startTextThread();
    await thread.send('Can I talk to a person?');
    await thread.waitForReplies(1);
    await rig.gateway.settled();

    const sentences = Array.from(
      { length: 30 },
      (_, index) => `Step ${index + 1}: open the parcel and check item ${index + 1}.`,
    );
    const text = sentences.join(' ');
    const posted = await operatorApi(rig).reply(thread.conversationId, { text, operator: 'Sam' });
    expect(posted.status).toBe(201);
    const parts = thread.replies().slice(1);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.text.length <= 459)).toBe(true);
    expect(parts.map((part) => part.text).join(' ')).toBe(text);
  });

  it('answers 502 when VoIPBin refuses the operator message, and does not send it', async () => {
    const { rig } = await start();
    const thread = rig.simulator.startTextThread();
    await thread.send('Can I talk to a person?');
    await thread.waitForReplies(1);
    await rig.gateway.settled();

    rig.simulator.fail({ method: 'POST', path: /^\/conversations\/[^/]+\/messages$/, status: 400 });
    const posted = await operatorApi(rig).reply(thread.conversationId, {
      text: 'Sam here.',
      operator: 'Sam',
    });
    expect(posted.status).toBe(502);
    expect(posted.body).toMatchObject({ error: { code: 'delivery_failed' } });
    expect(thread.replies()).toHaveLength(1);
  });

  it('never repeats an operator message that may have been sent (VoIPBin 500)', async () => {
    const { rig } = await start();
    const thread = rig.simulator.startTextThread();
    await thread.send('Can I talk to a person?');
    await thread.waitForReplies(1);
    await rig.gateway.settled();

    rig.simulator.fail({ method: 'POST', path: /^\/conversations\/[^/]+\/messages$/, status: 500 });
    const posted = await operatorApi(rig).reply(thread.conversationId, {
      text: 'Sam here.',
      operator: 'Sam',
    });
    expect(posted.status).toBe(201);
    // One attempt for the handoff text, one for the operator's: none repeated.
    expect(sendsTo(rig, thread.conversationId)).toHaveLength(2);
  });
});
