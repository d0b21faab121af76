import { type HandoffEvent, verifyHandoffSignature } from '@org/handoff';
import { type Listening, listen } from '@org/runtime';
import type { SimulatedCall } from '@org/voipbin/test';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { type Rig, startRig } from '../../simulator/rig';
import { defaultVoiceSettings } from './settings';

const personNumber = '+15559876543';
const callerNumber = '+15557654321';
const webhookSecret = 'business-webhook-secret-0123456789';
const settings = { quietMs: 100, msPerChar: 0, greeting: 'Hello, Harbor Lane Books.' };
const started = "I'll connect you with a colleague. Please stay on the line.";
const unavailable =
  "Sorry, nobody from our team is free right now. I've asked them to call you back as soon as they can.";
const wantsPerson = 'Can I talk to a real person please?';

/** The business's webhook: every delivery, with whether its signature checks out. */
type Received = { event: HandoffEvent; signed: boolean };

let rig: Rig | undefined;
let business: Listening | undefined;
afterEach(async () => {
  await rig?.close();
  await business?.close();
  rig = undefined;
  business = undefined;
});

async function start(options: { phone?: boolean; settings?: object } = {}) {
  const received: Received[] = [];
  business = await listen(
    new Hono().post('/hook', async (c) => {
      const rawBody = await c.req.text();
      const signed = verifyHandoffSignature({
        secret: webhookSecret,
        rawBody,
        timestamp: c.req.header('x-handoff-timestamp'),
        signature: c.req.header('x-handoff-signature'),
      });
      received.push({ event: JSON.parse(rawBody) as HandoffEvent, signed });
      return c.json({ ok: true });
    }).fetch,
  );
  rig = await startRig({
    settings: { ...settings, ...options.settings },
    simulator: { retryDelayMs: 50 },
    env: {
      ...(options.phone === false ? {} : { HANDOFF_PHONE_NUMBER: personNumber }),
      HANDOFF_WEBHOOK_URL: `${business.url}/hook`,
      HANDOFF_WEBHOOK_SECRET: webhookSecret,
    },
  });
  return { rig, received };
}

/** A caller on the parking flow v2, greeted and parked in its own conference. */
async function parkedCall(current: Rig): Promise<{ call: SimulatedCall; conferenceId: string }> {
  const call = await current.simulator.startCall({
    fetchUrl: current.fetchUrl,
    from: callerNumber,
  });
  const conferenceId = await call.waitForConference();
  await call.waitForLines(1);
  await current.gateway.settled();
  return { call, conferenceId };
}

/** A parked call whose caller asked for a person, who answered and is bridged with them. */
async function bridgedCall(current: Rig) {
  current.simulator.humans.next('answer');
  const { call, conferenceId } = await parkedCall(current);
  await current.ask(call, wantsPerson);
  const [leg] = await current.simulator.humans.waitForLegs(1);
  await current.simulator.waitUntil(
    () => participants(current, conferenceId) === 2,
    5000,
    'the bridge',
  );
  await current.gateway.settled();
  return { call, conferenceId, leg };
}

const participants = (current: Rig, conferenceId: string) =>
  current.simulator.state.conferences.get(conferenceId)?.conferencecall_ids.length ?? 0;

describe('a call handed to a person (HANDOFF_PHONE_NUMBER)', () => {
  it('who answers: briefed, bridged with the caller, the bot silent; all cleaned up at hang-up', async () => {
    const { rig } = await start();
    const { simulator, gateway } = rig;
    simulator.humans.next('answer', { ringMs: 300 });
    const { call, conferenceId } = await parkedCall(rig);
    expect(simulator.state.conferences.get(conferenceId)).toMatchObject({
      type: 'conference',
      name: `park ${call.id}`,
      timeout: 7200,
    });

    expect(await rig.ask(call, wantsPerson)).toBe(started);
    const [leg] = await simulator.humans.waitForLegs(1);
    await simulator.waitUntil(() => participants(rig, conferenceId) === 2, 5000, 'the bridge');
    expect(leg?.record).toMatchObject({
      source: '+15550100',
      destination: personNumber,
      status: 'progressing',
      conferenceId,
    });
    // One sentence for the person: the summary of what the caller wants.
    expect(leg?.record.heard).toHaveLength(1);
    expect(leg?.record.heard[0]).toMatch(/person/i);
    // Music while it rang, off once answered; the bot's Speaking session stopped.
    expect(simulator.state.musicOnHold.map((change) => [change.callId, change.on])).toEqual([
      [call.id, true],
      [call.id, false],
    ]);
    await gateway.settled();
    expect([...simulator.state.speakings.values()].every((s) => s.status === 'stopped')).toBe(true);
    const before = await gateway.history.load(call.id, { limit: 20 });
    expect(before.handoff).toMatchObject({ status: 'active', channel: 'voice' });

    // The caller now talks to the person: the bot says nothing and stores nothing.
    const lines = call.lines().length;
    expect(await rig.ask(call, 'What are your opening hours on Sunday?')).toBe('');
    expect(call.lines()).toHaveLength(lines);
    expect((await gateway.history.load(call.id, { limit: 20 })).messages).toEqual(before.messages);

    await call.hangup();
    await gateway.settled();
    expect(simulator.state.conferences.get(conferenceId)?.status).toBe('terminated');
    expect(leg?.record.status).toBe('hangup');
    expect((await gateway.history.load(call.id, { limit: 20 })).handoff).toBeUndefined();
  });

  it('who does not answer: the assistant is back and the business is asked to call back', async () => {
    const { rig, received } = await start();
    const { simulator, gateway } = rig;
    simulator.humans.next('noanswer', { ringMs: 100 });
    const { call, conferenceId } = await parkedCall(rig);
    expect(await rig.ask(call, wantsPerson)).toBe(
      `${started} ${defaultVoiceSettings.handoffNoAnswerText}`,
    );
    const [leg] = simulator.humans.legs();
    expect(leg?.record).toMatchObject({ status: 'hangup', hangupReason: 'noanswer' });
    expect(received).toHaveLength(1);
    expect(received[0]?.signed).toBe(true);
    expect(received[0]?.event).toMatchObject({
      type: 'handoff.callback_requested',
      channel: 'voice',
      conversationId: call.id,
      reason: 'customer_request',
      customer: { phone: callerNumber },
    });
    expect(received[0]?.event.summary.length).toBeGreaterThan(0);
    expect(received[0]?.event.transcript.map((m) => m.content)).toContain(wantsPerson);
    const kept = await gateway.history.load(call.id, { limit: 20 });
    expect(kept.handoff).toBeUndefined();
    // What the caller was told is in history: the assistant's next answer knows it.
    expect(kept.messages.at(-1)).toMatchObject({
      role: 'assistant',
      content: defaultVoiceSettings.handoffNoAnswerText,
    });

    // The assistant answers again, from knowledge.
    const answer = await rig.ask(call, 'What are your opening hours on Sunday?');
    expect(answer).toMatch(/\d+ AM to \d+ PM/);
    // Asked again, nobody is tried twice on one call: the assistant says so, no second dial.
    expect(await rig.ask(call, 'I want to speak to a human.')).toBe(unavailable);
    expect(simulator.humans.legs()).toHaveLength(1);
    expect(received).toHaveLength(1);

    await call.hangup();
    await gateway.settled();
    expect(simulator.state.conferences.get(conferenceId)?.status).toBe('terminated');
  });

  it('who is busy: the same, and the music on hold stops', async () => {
    const { rig, received } = await start();
    const { simulator } = rig;
    simulator.humans.next('busy', { ringMs: 300 });
    const { call } = await parkedCall(rig);
    expect(await rig.ask(call, wantsPerson)).toBe(
      `${started} ${defaultVoiceSettings.handoffNoAnswerText}`,
    );
    expect(simulator.humans.legs()[0]?.record.hangupReason).toBe('busy');
    expect(simulator.state.musicOnHold.map((change) => change.on)).toEqual([true, false]);
    expect(received.map((one) => one.event.type)).toEqual(['handoff.callback_requested']);
    await call.hangup();
  });

  it('who lets it ring too long: the call to them is cancelled, the assistant is back', async () => {
    const { rig, received } = await start({ settings: { handoffRingTimeoutMs: 300 } });
    const { simulator } = rig;
    simulator.humans.next('ring');
    const { call } = await parkedCall(rig);
    expect(await rig.ask(call, wantsPerson)).toBe(
      `${started} ${defaultVoiceSettings.handoffNoAnswerText}`,
    );
    expect(simulator.humans.legs()[0]?.record).toMatchObject({
      status: 'hangup',
      hangupReason: 'cancel',
      answeredAt: undefined,
    });
    expect(received).toHaveLength(1);
    await call.hangup();
  });

  it('who hangs up first: the assistant resumes on a new Speaking session', async () => {
    const { rig } = await start();
    const { simulator, gateway } = rig;
    const { call, conferenceId, leg } = await bridgedCall(rig);
    const lines = call.lines().length;

    await leg?.hangup();
    await call.waitForLines(lines + 1);
    await gateway.settled();
    expect(call.lines().at(-1)).toMatchObject({
      text: defaultVoiceSettings.handoffLeftText,
      via: 'speaking',
    });
    const sessions = [...simulator.state.speakings.values()];
    expect(sessions.map((session) => session.status)).toEqual(['stopped', 'active']);
    // The caller stays in its conference, alone, and talks with the assistant again.
    expect(call.conferenceId()).toBe(conferenceId);
    expect((await gateway.history.load(call.id, { limit: 20 })).handoff).toBeUndefined();
    expect(await rig.ask(call, 'What are your opening hours on Sunday?')).toMatch(/AM/);

    await call.hangup();
    await gateway.settled();
    expect(simulator.state.conferences.get(conferenceId)?.status).toBe('terminated');
  });

  it('a forged webhook of the person’s leg is refused with no effect', async () => {
    const { rig } = await start();
    const { simulator, gateway } = rig;
    const { call, leg } = await bridgedCall(rig);
    const lines = call.lines().length;
    const forged = {
      type: 'call_hangup',
      data: {
        id: leg?.id,
        status: 'hangup',
        direction: 'outgoing',
        hangup_by: 'remote',
        hangup_reason: 'normal',
        tm_progressing: '2026-08-22T10:15:30.481223Z',
        tm_update: '2026-08-22T10:20:30.481223Z',
      },
    };
    const from = simulator.deliveries.length;
    await simulator.deliver([forged], { signature: 'wrong' });
    await gateway.settled();
    const attempts = simulator.deliveries.slice(from).filter((d) => d.type === 'call_hangup');
    expect(attempts.map((delivery) => delivery.status)).toEqual([401]);
    // Still with the person: no resumption, no new words.
    expect(call.lines()).toHaveLength(lines);
    expect((await gateway.history.load(call.id, { limit: 20 })).handoff?.status).toBe('active');
    await call.hangup();
  });
});

describe('calls nobody can be handed to', () => {
  it('without HANDOFF_PHONE_NUMBER: no conference, the assistant offers a callback', async () => {
    const { rig, received } = await start({ phone: false });
    const { simulator, gateway } = rig;
    const call = await simulator.startCall({ fetchUrl: rig.fetchUrl, from: callerNumber });
    await simulator.waitUntil(() => call.fetches().length === 1, 5000, 'the fetch');
    // The greeting (a talk, unless said through Speaking first), then a wait: no conference.
    expect(call.fetches()[0]?.actions?.at(-1)?.type).toBe('sleep');
    expect(simulator.state.conferences.size).toBe(0);
    expect(await rig.ask(call, wantsPerson)).toBe(unavailable);
    expect(simulator.humans.legs()).toHaveLength(0);
    expect(received.map((one) => one.event)).toEqual([
      expect.objectContaining({
        type: 'handoff.callback_requested',
        customer: { phone: callerNumber },
      }),
    ]);
    expect((await gateway.history.load(call.id, { limit: 20 })).handoff?.status).toBe('callback');
    await call.hangup();
  });

  it('over the plan’s conference limit: parked in a sleep, never dialed; every conference deleted at the end', async () => {
    const { rig } = await start();
    const { simulator, gateway } = rig;
    simulator.state.billingAccount.plan_type = 'free';
    const first = await parkedCall(rig);
    const second = await parkedCall(rig);
    const third = await simulator.startCall({ fetchUrl: rig.fetchUrl });
    await simulator.waitUntil(() => third.fetches().length === 1, 5000, 'the third fetch');
    expect(third.fetches()[0]?.actions?.at(-1)?.type).toBe('sleep');
    expect(third.conferenceId()).toBeUndefined();
    await gateway.settled();
    expect(await rig.ask(third, wantsPerson)).toBe(unavailable);
    expect(simulator.humans.legs()).toHaveLength(0);

    for (const call of [first.call, second.call, third]) await call.hangup();
    await gateway.settled();
    const statuses = [...simulator.state.conferences.values()].map((one) => one.status);
    expect(statuses).toEqual(['terminated', 'terminated']);
  });
});
