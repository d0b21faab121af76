import { AiCoreError } from '@org/ai-core';
import { createMockChatModel } from '@org/ai-core/test';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rig, startRig } from '../../simulator/rig';
import { defaultSmsSettings } from './settings';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const start = async (options: Parameters<typeof startRig>[0] = {}) => {
  rig = await startRig({ ...options, simulator: { retryDelayMs: 20, ...options.simulator } });
  return rig;
};

const sendsTo = (rig: Rig, conversationId: string) =>
  rig.simulator.state.requests.filter(
    (request) =>
      request.method === 'POST' && request.path === `/conversations/${conversationId}/messages`,
  );

/** GSM-7 basic set and extension table: what fits a 160/153-septet segment. */
const gsm7 =
  /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/;

describe('the SMS channel (offline knowledge model, simulated VoIPBin)', () => {
  it('answers a text from knowledge/ with one GSM-7 text, keyed by the conversation', async () => {
    const { simulator, gateway } = await start();
    const thread = simulator.startTextThread();
    await thread.send('What are your opening hours on Sunday?');
    const [reply] = await thread.waitForReplies(1);
    const isEcho = (delivery: { type: string; body: string }) =>
      delivery.type === 'conversation_message_updated' && delivery.body.includes('"done"');
    await simulator.waitUntil(() => simulator.deliveries.some(isEcho), 5000, 'the echo');
    await gateway.settled();

    expect(reply?.via).toBe('conversation');
    expect(reply?.text).toMatch(/10/);
    expect(reply?.text).toMatch(gsm7);
    expect(reply?.text.length).toBeLessThanOrEqual(459);
    // The echo of our own text (conversation_message_created outgoing, message_created outbound,
    // conversation_message_updated) was delivered and acknowledged, and got no reply.
    const echoed = simulator.deliveries.filter(
      (delivery) =>
        delivery.type === 'conversation_message_created' && delivery.body.includes('"outgoing"'),
    );
    expect(echoed.length).toBeGreaterThan(0);
    expect(echoed.every((delivery) => delivery.status === 200)).toBe(true);
    expect(thread.replies()).toHaveLength(1);

    const { messages } = await gateway.history.load(thread.conversationId, { limit: 10 });
    expect(messages.map((message) => [message.role, message.channel])).toEqual([
      ['user', 'sms'],
      ['assistant', 'sms'],
    ]);
    expect(messages[1]?.content).toBe(reply?.text);
  });

  it('gives one reply per text when every event is delivered three times', async () => {
    const { simulator, gateway } = await start();
    const thread = simulator.startTextThread({ delivery: { copies: 3 } });
    await thread.send('Do you ship to Canada?');
    await thread.waitForReplies(1);
    await gateway.settled();
    await thread.send('Can I return a book?');
    await thread.waitForReplies(2);
    await gateway.settled();

    expect(thread.replies()).toHaveLength(2);
    expect(sendsTo(rig as Rig, thread.conversationId)).toHaveLength(2);
    const { messages } = await gateway.history.load(thread.conversationId, { limit: 10 });
    expect(messages.filter((message) => message.role === 'user')).toHaveLength(2);
  });

  it('refuses unsigned and wrongly signed texts (401) and sends nothing', async () => {
    const { simulator, gateway } = await start();
    for (const signature of ['missing', 'wrong'] as const) {
      const thread = simulator.startTextThread({ from: `+1555000${signature.length}` });
      await thread.send('What are your opening hours?', { delivery: { signature } });
      await gateway.settled();
      const attempts = simulator.deliveries.filter((d) => d.body.includes(thread.conversationId));
      expect(attempts.length).toBeGreaterThan(0);
      expect(attempts.every((delivery) => delivery.status === 401)).toBe(true);
      expect(thread.replies()).toEqual([]);
    }
    expect(simulator.state.sentTexts).toEqual([]);
  });

  it('folds texts that arrive while a reply is being written into the next turn, in order', async () => {
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const model = createMockChatModel({
      responses: async (_request, index) => {
        if (index === 0) await gate;
        return { text: `Answer ${index + 1}.` };
      },
    });
    const { simulator, gateway } = await start({ model });
    const thread = simulator.startTextThread();
    await thread.send('Hi, I have two questions.');
    await simulator.waitUntil(() => model.calls.length === 1, 5000, 'the first model call');
    await thread.send('First: do you sell gift cards?');
    await thread.send('Second: are dogs allowed?');
    open();
    const replies = await thread.waitForReplies(2);
    await gateway.settled();

    expect(replies.map((reply) => reply.text)).toEqual(['Answer 1.', 'Answer 2.']);
    expect(model.calls).toHaveLength(2);
    const folded = model.calls[1]?.messages.at(-1);
    expect(folded).toMatchObject({
      role: 'user',
      content: 'First: do you sell gift cards?\nSecond: are dogs allowed?',
    });
  });

  it('stays quiet while an agent owns the conversation, and answers again once released', async () => {
    const { simulator, gateway } = await start();
    const thread = simulator.startTextThread();
    await thread.send('Hello?');
    await thread.waitForReplies(1);
    await simulator.assignAgent(thread.conversationId, '6c1e3a52-6b1f-4c55-8d6a-2b1f0c9d7e11');
    await gateway.settled();

    await thread.send('Is anyone there?');
    await gateway.settled();
    expect(thread.replies()).toHaveLength(1);

    await simulator.releaseAgent(thread.conversationId);
    await gateway.settled();
    await thread.send('What are your opening hours?');
    await thread.waitForReplies(2);
  });

  it('never repeats a send that may have landed, and sends no fallback after it', async () => {
    const { simulator, gateway } = await start();
    const thread = simulator.startTextThread();
    simulator.fail({ method: 'POST', path: /^\/conversations\/[^/]+\/messages$/, status: 500 });
    await thread.send('What are your opening hours?');
    await gateway.settled();

    expect(sendsTo(rig as Rig, thread.conversationId)).toHaveLength(1);
    expect(thread.replies()).toEqual([]);
  });

  it('texts the fallback when the model fails, and the next text is answered', async () => {
    const model = createMockChatModel({
      responses: [
        { error: new AiCoreError('model_unavailable', { message: 'model down' }) },
        { text: 'We are open every day.' },
      ],
    });
    const { simulator, gateway } = await start({ model });
    const thread = simulator.startTextThread();
    await thread.send('Are you open today?');
    const [fallback] = await thread.waitForReplies(1);
    expect(fallback?.text).toBe(defaultSmsSettings.fallbackText);
    await gateway.settled();
    await thread.send('Are you open today?');
    const replies = await thread.waitForReplies(2);
    expect(replies[1]?.text).toBe('We are open every day.');
  });
});
