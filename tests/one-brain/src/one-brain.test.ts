import { isGsm7, smsSegmentCount, splitSentences } from '@org/ai-core';
import type { ChatRequestBody, ChatResponseBody } from '@org/chat-api/protocol';
import { createTestApp } from '@org/chat-api/test';
import { type Rig, startRig } from '@org/voice-gateway/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * One scripted conversation, asked on the web, on the phone and by SMS of the same assistant
 * (one brain: the gateway's, offline knowledge model over knowledge/). Each answer must carry
 * the same facts, each in its channel's own rendering.
 */
const script: { question: string; facts: Record<string, RegExp> }[] = [
  {
    question: 'What are your opening hours on Sunday?',
    facts: {
      // 10:00–16:00 in writing, "10 AM to 4 PM" spoken.
      'Sunday, 10 to 4': /Sunday: 10(?::00| AM)\s*(?:–|-|to)\s*(?:16:00|4 PM)/,
    },
  },
  {
    question: 'How much is shipping to Canada?',
    facts: {
      'ships to Canada': /ship to Canada/,
      'at $14.99': /\$14\.99|14 dollars and 99 cents/,
    },
  },
  {
    question: 'Can I return a book I bought last week?',
    facts: {
      'with the receipt': /receipt/,
      'refund or exchange': /refund or exchange/,
    },
  },
];

let rig: Rig;
beforeAll(async () => {
  rig = await startRig({
    // Instant "speech" and a short quiet time: this is about what is said, not turn-taking.
    settings: { quietMs: 100, msPerChar: 0 },
    simulator: { retryDelayMs: 50 },
  });
});
afterAll(() => rig?.close());

async function askOnTheWeb(questions: string[]): Promise<string[]> {
  const { gateway } = rig;
  // The web API on the very assistant the gateway answers calls and texts with.
  const web = createTestApp({ assistant: () => gateway.assistant, history: gateway.history });
  const answers: string[] = [];
  let session: string | null = null;
  for (const message of questions) {
    const body: ChatRequestBody = { session_id: session, message };
    const response = await web.post('/chat', body);
    expect(response.status).toBe(200);
    const reply = (await response.json()) as ChatResponseBody;
    session = reply.session_id;
    answers.push(reply.response);
  }
  return answers;
}

async function askOnThePhone(questions: string[]): Promise<string[]> {
  const call = await rig.simulator.startCall();
  await call.waitForLines(1); // the greeting
  const answers: string[] = [];
  // Each answer is said sentence by sentence: `ask` joins what was said to one question.
  for (const question of questions) answers.push(await rig.ask(call, question));
  await call.hangup();
  return answers;
}

async function askBySms(questions: string[]): Promise<string[]> {
  const thread = rig.simulator.startTextThread();
  for (const [index, question] of questions.entries()) {
    await thread.send(question);
    await thread.waitForReplies(index + 1);
  }
  return thread.replies().map((reply) => reply.text);
}

describe('one brain, every channel', () => {
  const questions = script.map((step) => step.question);
  const answers: Record<'web' | 'phone' | 'sms', string[]> = { web: [], phone: [], sms: [] };

  beforeAll(async () => {
    answers.web = await askOnTheWeb(questions);
    answers.phone = await askOnThePhone(questions);
    answers.sms = await askBySms(questions);
    await rig.gateway.settled();
  });

  for (const [index, step] of script.entries()) {
    for (const channel of ['web', 'phone', 'sms'] as const) {
      it(`${channel}: "${step.question}" carries ${Object.keys(step.facts).join(', ')}`, () => {
        const answer = answers[channel][index] ?? '';
        for (const [fact, pattern] of Object.entries(step.facts)) {
          expect(answer, `${channel} answer lacks "${fact}"`).toMatch(pattern);
        }
      });
    }
  }

  it('renders markdown on the web', () => {
    // The hours and the shipping rates are lists in the business's documents.
    expect(answers.web[0]).toMatch(/^- .*Sunday/m);
    expect(answers.web[1]).toMatch(/^- .*\$14\.99/m);
  });

  it('speaks at most two sentences on the phone, with nothing a voice cannot say', () => {
    expect(answers.phone).toHaveLength(script.length);
    for (const answer of answers.phone) {
      expect(splitSentences(answer).length).toBeLessThanOrEqual(2);
      expect(answer).not.toMatch(/[*#_`$\n]|^- |https?:|@/m);
    }
  });

  it('texts plain GSM-7 of at most three segments by SMS', () => {
    expect(answers.sms).toHaveLength(script.length);
    for (const answer of answers.sms) {
      expect(isGsm7(answer)).toBe(true);
      expect(smsSegmentCount(answer)).toBeLessThanOrEqual(3);
      expect(answer).not.toMatch(/\*\*|^#+ |^- |\[[^\]]*\]\(/m);
    }
  });

  it('keeps each conversation in one history, tagged with its channel', async () => {
    const { gateway, simulator } = rig;
    const call = [...simulator.state.calls.values()][0];
    const { messages } = await gateway.history.load(call?.context.callId ?? '', { limit: 20 });
    expect(messages.map((message) => message.channel)).toEqual(
      questions.flatMap(() => ['voice', 'voice']),
    );
  });
});
