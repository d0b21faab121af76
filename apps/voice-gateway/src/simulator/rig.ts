import { type Listening, type Logger, listen } from '@org/runtime';
import {
  type SayOptions,
  type SimulatedCall,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '@org/voipbin/test';
import pino from 'pino';
import { loadEnv } from '../env';
import { createGateway, type Gateway, type GatewayOverrides } from '../gateway';

/** What the bot said to `call` after its first `count` lines, one line a `say`, joined by a space. */
export function saidAfter(call: SimulatedCall, count: number): string {
  return call
    .lines()
    .slice(count)
    .map((line) => line.text)
    .join(' ');
}

/** Options for {@link startRig}. */
export type RigOptions = GatewayOverrides & {
  simulator?: SimulatorOptions;
  /** Environment for the gateway (e.g. `OPENAI_BASE_URL`); the VoIPBin keys are the simulator's. */
  env?: Record<string, string | undefined>;
  logger?: Logger;
};

/** A simulator and a real gateway on loopback, pointed at each other. */
export type Rig = {
  simulator: Simulator;
  gateway: Gateway;
  /** The gateway's base URL. */
  url: string;
  /**
   * The gateway's fetch URL, for `simulator.startCall({ fetchUrl })`: the call then runs the
   * parking flow v2 (the greeting, its own conference when a person can take calls).
   */
  fetchUrl: string;
  /**
   * The caller says `text`; resolves with what the bot said in answer (its sentences, one `say`
   * each, joined by a space), once the turn is over and stored.
   */
  ask(call: SimulatedCall, text: string, options?: SayOptions): Promise<string>;
  close(): Promise<void>;
};

/**
 * Starts the VoIPBin simulator and a gateway over real HTTP: the gateway's API URL, access key
 * and webhook secret are the simulator's, and the simulator's webhook points at the gateway.
 * `pnpm call`, `pnpm sms`, the integration tests and the benchmark all run on this.
 */
export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const accessKey = 'vb_simulated_access_key';
  const fetchSecret = 'simulated-fetch-secret-0123456789';
  const simulator = await startSimulator({ accessKey, ...options.simulator });
  let server: Listening | undefined;
  try {
    const env = loadEnv({
      ...options.env,
      PORT: '0',
      HOST: '127.0.0.1',
      VOIPBIN_API_URL: simulator.url,
      VOIPBIN_ACCESS_KEY: accessKey,
      VOIPBIN_WEBHOOK_SECRET: simulator.state.customer.webhook_secret,
      VOIPBIN_FETCH_SECRET: fetchSecret,
      UPSTASH_REDIS_REST_URL: options.env?.UPSTASH_REDIS_REST_URL,
      UPSTASH_REDIS_REST_TOKEN: options.env?.UPSTASH_REDIS_REST_TOKEN,
    });
    const logger = options.logger ?? pino({ level: 'silent' });
    const gateway = await createGateway(env, logger, options);
    server = await listen(gateway.app.fetch, { host: '127.0.0.1' });
    simulator.state.customer.webhook_uri = `${server.url}/voipbin/webhook`;
    simulator.state.customer.webhook_method = 'POST';
    const listening = server;
    return {
      simulator,
      gateway,
      url: listening.url,
      fetchUrl: `${listening.url}/voipbin/fetch/${fetchSecret}`,
      async ask(call, text, sayOptions) {
        const before = call.lines().length;
        await call.say(text, sayOptions);
        await gateway.settled();
        return saidAfter(call, before);
      },
      async close() {
        gateway.close();
        const cap = new Promise((resolve) => setTimeout(resolve, 5000).unref());
        await Promise.race([gateway.settled(), cap]);
        await listening.close();
        await simulator.close();
      },
    };
  } catch (error) {
    await server?.close();
    await simulator.close();
    throw error;
  }
}
