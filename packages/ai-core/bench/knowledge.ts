import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { questions } from '../eval/questions';
import { createKnowledgeBase, loadKnowledge } from '../src/index';
import { selectAnswer } from '../src/knowledge/select-answer';
import { summarize, us } from './stats';

/** The repository's `knowledge/`, found from the bundle in `dist-bench/` (same depth as `bench/`). */
const knowledgeDir = fileURLToPath(new URL('../../../knowledge', import.meta.url));

/**
 * The offline brain's retrieval: the index built once from `knowledge/` (with and without reading
 * the files), then, for every question of the evaluation set, `search` plus `selectAnswer` on what
 * it found, as the knowledge model answers: the time per question.
 */
export async function benchKnowledge(rounds = 200): Promise<void> {
  const loads: number[] = [];
  const builds: number[] = [];
  const files = (await readdir(knowledgeDir)).filter((file) => file.endsWith('.md')).sort();
  const documents = await Promise.all(
    files.map(async (source) => ({
      source,
      markdown: await readFile(join(knowledgeDir, source), 'utf8'),
    })),
  );
  let knowledge = await loadKnowledge(knowledgeDir);
  for (let round = 0; round < 20; round++) {
    let start = performance.now();
    knowledge = await loadKnowledge(knowledgeDir);
    loads.push(performance.now() - start);
    start = performance.now();
    createKnowledgeBase(documents);
    builds.push(performance.now() - start);
  }
  const texts = questions.map((question) => question.question);
  const answer = (text: string) => {
    const passages = knowledge.search(text);
    return passages.length > 0 ? selectAnswer(text, passages) : '';
  };
  for (const text of texts) answer(text); // warm-up
  const perQuestion: number[] = [];
  const searchOnly: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const start = performance.now();
      const passages = knowledge.search(text);
      const found = performance.now();
      if (passages.length > 0) selectAnswer(text, passages);
      perQuestion.push(performance.now() - start);
      searchOnly.push(found - start);
    }
  }
  const l = summarize(loads);
  const b = summarize(builds);
  const q = summarize(perQuestion);
  const s = summarize(searchOnly);
  console.log(
    `\n## Knowledge retrieval (${knowledge.passages.length} passages, ${texts.length} questions × ${rounds})`,
  );
  console.log(
    `loadKnowledge (read + index) mean ${us(l.mean)}  p50 ${us(l.p50)}  p99 ${us(l.p99)}`,
  );
  console.log(
    `index build (once at start)  mean ${us(b.mean)}  p50 ${us(b.p50)}  p99 ${us(b.p99)}`,
  );
  console.log(
    `search                       mean ${us(s.mean)}  p50 ${us(s.p50)}  p99 ${us(s.p99)}`,
  );
  console.log(
    `search + selectAnswer        mean ${us(q.mean)}  p50 ${us(q.p50)}  p99 ${us(q.p99)}  (n=${q.n})`,
  );
}
