import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@org/runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HandoffNotice } from './handoff-event';
import { handoffEventSchema } from './handoff-event';
import { createHandoffNotifier } from './handoff-notifier';
import { verifyHandoffSignature } from './handoff-signature';

const secret = 'webhook-secret-0123456789';

type Received = { headers: IncomingHttpHeaders; body: string; at: number };
type Answer = { status: number; headers?: Record<string, string> } | 'hang';

/** A real HTTP receiver answering each request with the next of `answers` (then 200). */
async function startReceiver(answers: Answer[] = []) {
  const received: Received[] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
      });
      const answer = answers.shift() ?? { status: 200 };
      if (answer === 'hang') {
        hanging.add(() => response.destroy());
        return;
      }
      response.writeHead(answer.status, answer.headers).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = async () => {
    for (const release of hanging) release();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  receivers.push(stop);
  return { url: `http://127.0.0.1:${port}/hooks/handoff`, received, stop };
}

const receivers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((stop) => stop()));
});

function createTestLogger() {
  return { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Logger;
}

const notice = (overrides: Partial<HandoffNotice> = {}): HandoffNotice => ({
  type: 'handoff.started',
  channel: 'chat',
  conversationId: 'session-1',
  reason: 'customer_request',
  summary: 'Wants to change the delivery address of order 1042.',
  transcript: [
    { role: 'user', content: 'Can I talk to a person?', createdAt: '2026-03-02T09:00:00.000Z' },
  ],
  ...overrides,
});

const fast = { baseDelayMs: 10, maxDelayMs: 5_000 };

describe('createHandoffNotifier', () => {
  it('posts the event as JSON, signed with the secret', async () => {
    const receiver = await startReceiver();
    const now = () => new Date('2026-03-02T09:00:05.000Z');
    const notifier = createHandoffNotifier({ url: receiver.url, secret, now });
    const transcript = Array.from({ length: 25 }, (_, index) => ({
      role: index % 2 === 0 ? ('user' as const) : ('operator' as const),
      content: `message ${index}`,
      createdAt: `2026-03-02T08:${String(index).padStart(2, '0')}:00.000Z`,
      channel: 'chat',
      eventId: `event-${index}`,
      ...(index % 2 === 1 ? { name: 'Sam' } : {}),
    }));
    await notifier.notify(notice({ transcript, customer: { phone: '+4915112345678' } }));
    await notifier.settled();

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (!request) throw new Error('nothing received');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-handoff-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.headers['x-handoff-timestamp']).toBe(
      String(Date.parse(now().toISOString()) / 1000),
    );
    const signed = {
      rawBody: request.body,
      timestamp: request.headers['x-handoff-timestamp'] as string,
      signature: request.headers['x-handoff-signature'] as string,
      now,
    };
    expect(verifyHandoffSignature({ secret, ...signed })).toBe(true);
    expect(verifyHandoffSignature({ secret: 'another-secret-0123456789', ...signed })).toBe(false);

    const event = handoffEventSchema.strict().parse(JSON.parse(request.body));
    expect(event).toMatchObject({
      type: 'handoff.started',
      deliveryId: request.headers['x-handoff-delivery'],
      createdAt: '2026-03-02T09:00:05.000Z',
      channel: 'chat',
      conversationId: 'session-1',
      reason: 'customer_request',
      summary: 'Wants to change the delivery address of order 1042.',
      customer: { phone: '+4915112345678' },
    });
    // The newest 20, each with only the fields a person reads.
    expect(event.transcript).toHaveLength(20);
    expect(event.transcript[0]).toEqual({
      role: 'operator',
      content: 'message 5',
      createdAt: '2026-03-02T08:05:00.000Z',
      name: 'Sam',
    });
    expect(event.transcript[19]).toEqual({
      role: 'user',
      content: 'message 24',
      createdAt: '2026-03-02T08:24:00.000Z',
    });
  });

  it('does not make the caller wait for the receiver', async () => {
    const receiver = await startReceiver(['hang']);
    const notifier = createHandoffNotifier({
      url: receiver.url,
      secret,
      timeoutMs: 300,
      retries: { attempts: 1 },
    });
    const started = Date.now();
    await notifier.notify(notice());
    expect(Date.now() - started).toBeLessThan(100);
    let settled = false;
    const done = notifier.settled().then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    await done;
    expect(receiver.received).toHaveLength(1);
  });

  it('retries 5xx and 408 with backoff, under the same delivery id', async () => {
    const receiver = await startReceiver([{ status: 500 }, { status: 503 }, { status: 408 }]);
    const logger = createTestLogger();
    const notifier = createHandoffNotifier({ url: receiver.url, secret, logger, retries: fast });
    await notifier.notify(notice());
    await notifier.settled();

    expect(receiver.received).toHaveLength(4);
    const ids = new Set(receiver.received.map((request) => request.headers['x-handoff-delivery']));
    expect(ids.size).toBe(1);
    for (const request of receiver.received) {
      const valid = verifyHandoffSignature({
        secret,
        rawBody: request.body,
        timestamp: request.headers['x-handoff-timestamp'] as string,
        signature: request.headers['x-handoff-signature'] as string,
      });
      expect(valid).toBe(true);
    }
    // Equal jitter: at least half of 10, 20 and 40 ms.
    const gaps = receiver.received.slice(1).map((request, index) => {
      const previous = receiver.received[index] as Received;
      return request.at - previous.at;
    });
    expect(gaps[0]).toBeGreaterThanOrEqual(4);
    expect(gaps[1]).toBeGreaterThanOrEqual(9);
    expect(gaps[2]).toBeGreaterThanOrEqual(19);
    expect(logger.warn).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ attempt: 1, status: 500 }),
      'handoff webhook retrying',
    );
    expect(logger.info).toHaveBeenCalledWith(
      expect.objectContaining({ attempts: 4, conversationId: 'session-1' }),
      'handoff webhook delivered',
    );
    expect(logger.error).not.toHaveBeenCalled();
  });

  it("honours a 429's Retry-After", async () => {
    const receiver = await startReceiver([{ status: 429, headers: { 'Retry-After': '1' } }]);
    const notifier = createHandoffNotifier({
      url: receiver.url,
      secret,
      retries: { baseDelayMs: 1, maxDelayMs: 5_000 },
    });
    await notifier.notify(notice());
    await notifier.settled();

    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received as [Received, Received];
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
    expect(second.headers['x-handoff-delivery']).toBe(first.headers['x-handoff-delivery']);
  });

  it('never retries another 4xx', async () => {
    const receiver = await startReceiver([{ status: 400 }]);
    const logger = createTestLogger();
    const notifier = createHandoffNotifier({ url: receiver.url, secret, logger, retries: fast });
    await notifier.notify(notice());
    await notifier.settled();

    expect(receiver.received).toHaveLength(1);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ attempts: 1, status: 400, conversationId: 'session-1' }),
      'handoff webhook failed',
    );
  });

  it('gives up after the last attempt and logs it', async () => {
    const receiver = await startReceiver(Array.from({ length: 10 }, () => ({ status: 503 })));
    const logger = createTestLogger();
    const notifier = createHandoffNotifier({
      url: receiver.url,
      secret,
      logger,
      retries: { ...fast, attempts: 3 },
    });
    await notifier.notify(notice({ type: 'handoff.callback_requested' }));
    await notifier.settled();

    expect(receiver.received).toHaveLength(3);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ attempts: 3, status: 503, type: 'handoff.callback_requested' }),
      'handoff webhook failed',
    );
  });

  it('retries a network error and a timeout', async () => {
    const receiver = await startReceiver(['hang']);
    const logger = createTestLogger();
    const notifier = createHandoffNotifier({
      url: receiver.url,
      secret,
      logger,
      timeoutMs: 100,
      retries: { ...fast, attempts: 2 },
    });
    await notifier.notify(notice());
    await notifier.settled();
    // The first attempt timed out; the second was answered.
    expect(receiver.received).toHaveLength(2);
    expect(logger.error).not.toHaveBeenCalled();

    const closed = await startReceiver();
    await closed.stop();
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const offline = createHandoffNotifier({
      url: closed.url,
      secret,
      logger,
      fetch: counting,
      retries: { ...fast, attempts: 3 },
    });
    await offline.notify(notice());
    await offline.settled();
    expect(calls).toBe(3);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ attempts: 3, err: expect.any(Error) }),
      'handoff webhook failed',
    );
  });

  it('gives each notice its own delivery id', async () => {
    const receiver = await startReceiver();
    const notifier = createHandoffNotifier({ url: receiver.url, secret });
    await notifier.notify(notice({ conversationId: 'a' }));
    await notifier.notify(notice({ conversationId: 'b' }));
    await notifier.settled();
    expect(receiver.received).toHaveLength(2);
    const [a, b] = receiver.received as [Received, Received];
    expect(a.headers['x-handoff-delivery']).not.toBe(b.headers['x-handoff-delivery']);
  });
});
