import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rig, startRig } from '../../simulator/rig';
import { createMemoryStateStore } from '../../state/state-store';
import { keys } from './call-state';
import { defaultVoiceSettings } from './settings';

type LogLine = { level: number; msg: string; transcribeId?: string };

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('caller words whose transcribe cannot be mapped', () => {
  it('logs an error, drops the held words, and speaks the fallback once the call is known', async () => {
    const logs: LogLine[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
    );
    const store = createMemoryStateStore();
    rig = await startRig({
      settings: { quietMs: 100, msPerChar: 0, mappingLookupMs: 10 },
      simulator: { retryDelayMs: 50 },
      store,
      logger,
    });
    const { simulator, gateway } = rig;
    simulator.fail({ method: 'GET', path: /^\/transcribes\//, status: 404 });
    const call = await simulator.startCall({ transcribeCreated: 'never' });
    await call.waitForLines(1);
    await call.say('Do you sell gift cards?');
    await gateway.engine.settled();

    const errors = logs.filter((line) => line.level >= 50);
    expect(errors).toMatchObject([{ transcribeId: call.transcribeId }]);
    expect(await store.take(keys.held(call.transcribeId))).toEqual([]);

    // The call becomes known later: the caller hears the fallback rather than nothing.
    await call.announceTranscribe();
    const lines = await call.waitForLines(2);
    expect(lines[1]?.text).toBe(defaultVoiceSettings.fallbackText);
    await gateway.engine.settled();
    expect(call.lines()).toHaveLength(2);
  });
});
