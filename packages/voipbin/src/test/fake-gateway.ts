import { randomUUID } from 'node:crypto';
import { type Listening, listen } from '@org/runtime';
import { Hono } from 'hono';
import { createVoipbinClient } from '../client/client';
import { type ParsedEvent, parseEvent } from '../events/event-data';
import { signatureHeader, verifySignature } from '../signature';
import { type SimulatorOptions, startSimulator } from './simulator';

/** A webhook the fake gateway verified and parsed. */
export type ReceivedEvent = Extract<ParsedEvent, { kind: 'event' }>;

/** A fetch VoIPBin made: the body, the query, and the reply is up to `onFetch`. */
export type FetchCall = { body: unknown; query: Record<string, string>; contentType: string };

/** `[{ id, type, option }]` with a fresh id, as a gateway answers a fetch. */
export const action = (type: string, option?: Record<string, unknown>) => ({
  id: randomUUID(),
  type,
  ...(option ? { option } : {}),
});

/**
 * For the simulator's own tests: a simulator and a tiny gateway on loopback. The gateway
 * records every verified webhook (`POST /hook`) and answers fetches (`POST /fetch`) with
 * `onFetch`, `[]` by default.
 */
export async function startFakeGateway(options: SimulatorOptions = {}) {
  const simulator = await startSimulator({ accessKey: 'vb_test', retryDelayMs: 20, ...options });
  const events: ReceivedEvent[] = [];
  const fetches: FetchCall[] = [];
  const gateway = {
    /** The answer to a fetch: a JSON body (sent with 200) or a whole `Response`. */
    onFetch: (_call: FetchCall): unknown => [],
  };
  const app = new Hono()
    .post('/hook', async (c) => {
      const raw = await c.req.text();
      const secret = simulator.state.customer.webhook_secret;
      if (!verifySignature(secret, raw, c.req.header(signatureHeader))) return c.body(null, 401);
      const parsed = parseEvent(JSON.parse(raw));
      if (parsed.kind !== 'event') return c.json({ error: parsed }, 400);
      events.push(parsed);
      return c.json({ ok: true });
    })
    .post('/fetch', async (c) => {
      const call = {
        body: await c.req.json().catch(() => undefined),
        query: c.req.query(),
        contentType: c.req.header('content-type') ?? '',
      };
      fetches.push(call);
      const answer = await gateway.onFetch(call);
      return answer instanceof Response ? answer : c.json(answer as object, 200);
    });
  const server: Listening = await listen(app.fetch);
  simulator.state.customer.webhook_uri = `${server.url}/hook`;
  const client = createVoipbinClient({
    baseUrl: simulator.url,
    accessKey: 'vb_test',
    timeoutMs: 300,
    backoffMs: 1,
  });

  return {
    simulator,
    client,
    gateway,
    events,
    fetches,
    fetchUrl: `${server.url}/fetch`,
    /** The events about resource `id`, as `type` or `type:status`. */
    story: (id: string) =>
      events
        .filter((event) => (event.data as { id?: string }).id === id)
        .map((event) => `${event.type}:${(event.data as { status?: string }).status ?? ''}`),
    /** The events of `type`, in order. */
    ofType: <TType extends ReceivedEvent['type']>(type: TType) =>
      events.filter(
        (event): event is Extract<ReceivedEvent, { type: TType }> => event.type === type,
      ),
    async close() {
      await simulator.close();
      await server.close();
    },
  };
}

/** A started {@link startFakeGateway}. */
export type FakeGateway = Awaited<ReturnType<typeof startFakeGateway>>;

/** Resolves once `gateway` got a webhook matching `check`. */
export function waitForEvent(
  gateway: FakeGateway,
  check: (event: ReceivedEvent) => boolean,
  what: string,
): Promise<void> {
  return gateway.simulator.waitUntil(() => gateway.events.some(check), 5000, what);
}
