import { type Listening, listen } from '@org/runtime';
import { createUpstashStateStore } from '@org/upstash';
import { createVoipbinClient, type VoiceEvent } from '@org/voipbin';
import { type Simulator, startSimulator } from '@org/voipbin/test';
import { Redis } from '@upstash/redis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../gateway';
import { type Instances, startInstances } from '../../simulator/instances';
import { saidAfter } from '../../simulator/rig';
import { createCallEngine } from './call-engine';
import { keys } from './call-state';

let instances: Instances;
let simulator: Simulator;
let gateways: Gateway[];
const servers: Listening[] = [];

beforeAll(async () => {
  instances = await startInstances({ overrides: { settings: { quietMs: 100, msPerChar: 0 } } });
  ({ simulator, gateways } = instances);
}, 30_000);

afterAll(async () => {
  for (const server of servers) await server.close();
  await instances?.close();
});

describe('two gateway instances sharing Upstash', () => {
  it('carry one call between them: one greeting, one answer per turn, redeliveries included', async () => {
    simulator.delivery = { copies: 2 };
    const call = await simulator.startCall();
    await call.waitForLines(1);
    const settled = () => instances.settled();
    await call.say('What are your opening hours?');
    await settled();
    await call.say('', { segments: ['How much', 'is shipping?'] });
    await settled();
    await call.hangup();
    await settled();

    expect(simulator.state.speakings.size).toBe(1);
    expect([...simulator.state.speakings.values()][0]?.status).toBe('stopped');
    const { messages } = await (gateways[1] as Gateway).history.load(call.id, { limit: 20 });
    expect(messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual([
      'What are your opening hours?',
      'How much is shipping?',
    ]);
    // One answer per turn: what was said after the greeting is the two stored answers, once.
    const answers = messages.filter((m) => m.role === 'assistant').map((m) => m.content);
    expect(answers).toHaveLength(2);
    expect(saidAfter(call, 1)).toBe(answers.join(' '));
  });
});

describe('two instances handling one call at the same moment', () => {
  it('keep both the speaking id and the transcribe ids (no lost update)', async () => {
    // A VoIPBin of its own whose webhooks go nowhere: the engines are driven directly.
    const sink = await listen(() => new Response('ok'));
    servers.push(sink);
    const sim = await startSimulator({ accessKey: 'vb_race', webhookUri: sink.url });
    try {
      // Opening the Speaking session is slow, so the other instance works meanwhile.
      sim.fail({ method: 'POST', path: /^\/speakings$/, delayMs: 200 });
      const store = createUpstashStateStore({
        redis: new Redis(instances.upstash),
        keyPrefix: 'race',
      });
      const engine = () =>
        createCallEngine({
          assistant: (gateways[0] as Gateway).assistant,
          voipbin: createVoipbinClient({ baseUrl: sim.url, accessKey: 'vb_race' }),
          store,
          logger: pino({ level: 'silent' }),
          settings: { msPerChar: 0 },
        });
      const [a, b] = [engine(), engine()];
      const call = await sim.startCall();
      const event = (type: string, data: Record<string, unknown>) =>
        ({ type, data }) as unknown as VoiceEvent;
      await Promise.all([
        a.handle(event('call_progressing', { id: call.id, status: 'progressing' })),
        b.handle(
          event('transcribe_created', {
            id: call.transcribeId,
            reference_type: 'call',
            reference_id: call.id,
            status: 'progressing',
          }),
        ),
      ]);
      await Promise.all([a.settled(), b.settled()]);
      const speaking = [...sim.state.speakings.values()].find((s) => s.reference_id === call.id);
      expect(await store.get(keys.speaking(call.id))).toBe(speaking?.id);
      expect(await store.list(keys.transcribes(call.id))).toEqual([call.transcribeId]);

      // Hang-up on the other instance still finds both: session stopped, mapping dropped.
      await b.handle(event('call_hangup', { id: call.id, status: 'hangup' }));
      await Promise.all([a.settled(), b.settled()]);
      expect(speaking?.status).toBe('stopped');
      expect(await store.get(keys.transcribe(call.transcribeId))).toBeUndefined();
      a.close();
      b.close();
    } finally {
      await sim.close();
    }
  });
});
