import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiCoreError } from '../errors';
import { loadKnowledge } from './load-knowledge';

/** The sample business at the repository root. */
const knowledgeDir = fileURLToPath(new URL('../../../../knowledge', import.meta.url));

describe('loadKnowledge on a directory tree', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'knowledge-'));
    await mkdir(join(dir, 'faq', 'deep'), { recursive: true });
    await writeFile(join(dir, 'b.md'), '# B\n\n## Bees\n\nBees make honey.\n');
    await writeFile(join(dir, 'faq', 'deep', 'a.md'), '# A\n\nAnts carry leaves.\n');
    await writeFile(join(dir, 'notes.txt'), 'Not markdown: wombats.');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads every .md file recursively, sorted, with sources relative to the directory', async () => {
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.passages.map((passage) => passage.id)).toEqual([
      'b.md#bees',
      'faq/deep/a.md#a',
    ]);
    expect(knowledge.search('ants')[0]?.source).toBe('faq/deep/a.md');
    expect(knowledge.search('wombats')).toEqual([]);
  });

  it('rejects a missing directory with invalid_input naming the path', async () => {
    const missing = join(dir, 'does-not-exist');
    const error = await loadKnowledge(missing).catch((caught: unknown) => caught);
    expect(AiCoreError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_input', field: 'dir' });
    expect((error as Error).message).toContain(missing);
  });

  it('rejects a file given as directory', async () => {
    await expect(loadKnowledge(join(dir, 'b.md'))).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'dir',
    });
  });
});

describe('retrieval on the sample business', () => {
  it.each([
    ['What are your opening hours?', 'opening-hours.md', /hours/i],
    ['When are you open on Sunday?', 'opening-hours.md', /hours/i],
    ['Do you ship to Canada?', 'shipping.md', /international/i],
    ['How do I return a book?', 'returns.md', /return/i],
    ['How much is membership?', 'pricing.md', /membership/i],
    ['How long does a refund take?', 'returns.md', /refund/i],
    ['Can I talk to a person?', 'contact.md', /person/i],
    ['What is your phone number?', 'contact.md', /phone/i],
    ['How can I contact you?', 'contact.md', /contact/i],
  ])('%s -> %s', async (question, source, title) => {
    const knowledge = await loadKnowledge(knowledgeDir);
    const [best] = knowledge.search(question);
    expect(best?.source).toBe(source);
    expect(best?.title).toMatch(title);
  });

  it('finds nothing for greetings and unrelated questions', async () => {
    const knowledge = await loadKnowledge(knowledgeDir);
    const queries = [
      'hello',
      'Hi there!',
      'thanks',
      'What is the capital of France?',
      'Who won the world cup?',
      'tell me a joke',
    ];
    for (const query of queries) expect(knowledge.search(query), query).toEqual([]);
  });

  it('has no README or other non-business file indexed', async () => {
    const knowledge = await loadKnowledge(knowledgeDir);
    const sources = new Set(knowledge.passages.map((passage) => passage.source));
    expect([...sources]).toEqual([
      'contact.md',
      'opening-hours.md',
      'pricing.md',
      'returns.md',
      'shipping.md',
    ]);
  });
});
