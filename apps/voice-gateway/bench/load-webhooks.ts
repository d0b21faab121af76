import { randomUUID } from 'node:crypto';
import { signatureHeader, signBody } from '@org/voipbin';
import autocannon from 'autocannon';
import { loadBenchEnv } from './env';

/**
 * The load generator, run as a separate process by `bench/index.ts`: signed, distinct
 * `call_updated` webhooks (each passes signature check, validation and dedupe) on loopback.
 * Prints the autocannon latency summary as JSON on stdout.
 */
const { url, secret, seconds, connections } = loadBenchEnv();

let sequence = 0;
const callId = randomUUID();
const body = () =>
  JSON.stringify({
    type: 'call_updated',
    data: {
      id: callId,
      customer_id: randomUUID(),
      status: 'progressing',
      direction: 'incoming',
      tm_update: new Date(Date.UTC(2026, 0, 1) + ++sequence).toISOString(),
    },
  });

const result = await autocannon({
  url: `${url}/voipbin/webhook`,
  connections,
  duration: seconds,
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => {
        const payload = body();
        return {
          ...request,
          body: payload,
          headers: {
            'content-type': 'application/json',
            [signatureHeader]: signBody(secret, payload),
          },
        };
      },
    },
  ],
});
process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    rps: result.requests.average,
  }),
);
