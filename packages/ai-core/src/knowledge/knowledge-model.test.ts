import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ChatRequest, KnowledgePassage } from '../chat-model';
import type { ChatStreamPart } from '../messages';
import { createKnowledgeModel } from './knowledge-model';
import { loadKnowledge } from './load-knowledge';

const knowledgeDir = fileURLToPath(new URL('../../../../knowledge', import.meta.url));

const collect = async (iterable: AsyncIterable<ChatStreamPart>): Promise<ChatStreamPart[]> => {
  const parts: ChatStreamPart[] = [];
  for await (const part of iterable) parts.push(part);
  return parts;
};

const textOf = (parts: ChatStreamPart[]): string =>
  parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');

/** A request as the assistant makes it: system message, the user's turn, retrieved passages. */
const ask = async (question: string): Promise<ChatRequest> => {
  const knowledge = await loadKnowledge(knowledgeDir);
  return {
    messages: [
      { role: 'system', content: 'You are the assistant of a bookshop.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hello! How can I help you today?' },
      { role: 'user', content: question },
    ],
    context: knowledge.search(question),
  };
};

const answer = async (question: string) =>
  textOf(await collect(createKnowledgeModel().stream(await ask(question))));

/** The bullet lines of a `## heading` section of a knowledge file. */
const bulletsOf = async (file: string, heading: string): Promise<string[]> => {
  const markdown = await readFile(`${knowledgeDir}/${file}`, 'utf8');
  const section = markdown.split(/^## /m).find((part) => part.startsWith(heading)) ?? '';
  return section.split('\n').filter((line) => line.startsWith('- '));
};

describe('createKnowledgeModel', () => {
  it('is the offline knowledge model', () => {
    expect(createKnowledgeModel().modelId).toBe('knowledge');
  });

  it('answers opening hours with the hours from the knowledge file', async () => {
    const hours = await bulletsOf('opening-hours.md', 'Regular hours');
    expect(hours.length).toBeGreaterThan(1);
    const text = await answer('What are your opening hours?');
    for (const line of hours) expect(text).toContain(line);
    expect(text).not.toMatch(/^According to/i);
  });

  it('answers from the best passage only, without inventing words', async () => {
    for (const question of [
      'Do you ship to Canada?',
      'How long does a refund take?',
      'How much is membership?',
      'What is your phone number?',
    ]) {
      const request = await ask(question);
      const best = request.context?.[0];
      expect(best, question).toBeDefined();
      const text = await answer(question);
      expect(text.length).toBeGreaterThan(0);
      const passageWords = new Set(best?.text.split(/\s+/));
      for (const word of text.split(/\s+/)) expect(passageWords, question).toContain(word);
    }
  });

  it('keeps a focused answer from a long passage', async () => {
    const sentences = Array.from({ length: 20 }, (_, i) => `Fact number ${i} is about topic ${i}.`);
    const passage: KnowledgePassage = {
      id: 'f.md#facts',
      source: 'f.md',
      title: 'Facts',
      text: sentences.join(' '),
    };
    const parts = await collect(
      createKnowledgeModel().stream({
        messages: [{ role: 'user', content: 'Tell me about topic 13' }],
        context: [passage],
      }),
    );
    const text = textOf(parts);
    expect(text).toContain('Fact number 13 is about topic 13.');
    expect(text.length).toBeLessThanOrEqual(600);
    expect(text.split('. ').length).toBeLessThanOrEqual(4);
  });

  it('says it does not know when there is no context, offering a person', async () => {
    const text = await answer('What is the capital of France?');
    expect(text).toMatch(/don't know/i);
    expect(text).toMatch(/person/i);
    const custom = createKnowledgeModel({ fallback: 'Please call +1 (555) 010-2030.' });
    const parts = await collect(
      custom.stream({
        messages: [{ role: 'user', content: 'Who won the world cup?' }],
        context: [],
      }),
    );
    expect(textOf(parts)).toBe('Please call +1 (555) 010-2030.');
  });

  it('answers what was asked, not the nearest passage, and declines when nothing covers it', async () => {
    const abroad = await answer('Also, does the free shipping over $50 work for orders to the UK?');
    expect(abroad).toContain('International orders do not qualify for free shipping.');
    expect(abroad).not.toContain('free on orders over $50');
    expect(await answer('Where is the bathroom?')).toContain('restroom');
    expect(await answer('Do giftcards expire?')).toContain('never expire');
    expect(await answer('When does the coffee bar stop taking orders?')).toContain('last orders');
    for (const question of [
      'Who won the Super Bowl last year?',
      'What time does the Barnes & Noble at the mall close?',
      "What's Apple's stock price today?",
      'I bought a mug last week and it is broken, what can I do?',
    ]) {
      expect(await answer(question), question).toMatch(/don't know/i);
    }
  });

  it('answers both parts of a two-part question', async () => {
    const text = await answer('What are your Sunday hours, and is parking free on Sundays?');
    expect(text).toContain('Sunday: 10:00–16:00');
    expect(text).toContain('all day on Sunday');
  });

  it('replies politely to greetings, thanks and goodbyes', async () => {
    expect(await answer('Hello!')).toMatch(/help/i);
    expect(await answer('thanks a lot')).toMatch(/welcome/i);
    expect(await answer('Bye!')).toMatch(/goodbye/i);
    const custom = createKnowledgeModel({ greeting: 'Welcome to Harbor Lane!' });
    const parts = await collect(
      custom.stream({ messages: [{ role: 'user', content: 'hi there' }] }),
    );
    expect(textOf(parts)).toBe('Welcome to Harbor Lane!');
  });

  it('answers small talk as small talk even when passages were retrieved', async () => {
    const { context } = await ask('What are your opening hours?');
    expect(context?.length).toBeGreaterThan(0);
    const parts = await collect(
      createKnowledgeModel().stream({
        messages: [{ role: 'user', content: 'Thank you!' }],
        context,
      }),
    );
    expect(textOf(parts)).toMatch(/welcome/i);
  });

  it('streams word by word, the parts concatenating to the answer, then finishes', async () => {
    const request = await ask('Do you ship to Canada?');
    const parts = await collect(createKnowledgeModel({ tokenDelayMs: 1 }).stream(request));
    const deltas = parts.slice(0, -1);
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop' });
    expect(deltas.length).toBeGreaterThan(5);
    for (const part of deltas) {
      expect(part.type).toBe('text-delta');
      if (part.type === 'text-delta') expect(part.text).toMatch(/^\S+\s*$/);
    }
    const again = textOf(await collect(createKnowledgeModel().stream(request)));
    expect(textOf(deltas)).toBe(again);
    expect(again).toContain('Canada');
  });

  it('never calls tools, even when offered', async () => {
    const request = await ask('How do I return a book?');
    const tools = [{ name: 'lookup_order', description: 'Finds an order', parameters: {} }];
    const parts = await collect(createKnowledgeModel().stream({ ...request, tools }));
    expect(parts.some((part) => part.type === 'tool-call')).toBe(false);
  });

  it('stops when aborted while waiting between words', async () => {
    const model = createKnowledgeModel({ tokenDelayMs: 60_000 });
    const controller = new AbortController();
    const iterator = model
      .stream(await ask('Do you ship to Canada?'), { signal: controller.signal })
      [Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toMatchObject({ type: 'text-delta' });
    const pending = iterator.next();
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('stops at the next word when aborted between parts, and before starting', async () => {
    const controller = new AbortController();
    const parts: ChatStreamPart[] = [];
    const run = async () => {
      const stream = createKnowledgeModel().stream(await ask('How much is membership?'), {
        signal: controller.signal,
      });
      for await (const part of stream) {
        parts.push(part);
        if (parts.length === 2) controller.abort();
      }
    };
    await expect(run()).rejects.toThrow();
    expect(parts).toHaveLength(2);
    const aborted = createKnowledgeModel().stream(await ask('Hello'), {
      signal: AbortSignal.abort(),
    });
    await expect(collect(aborted)).rejects.toThrow();
  });
});
