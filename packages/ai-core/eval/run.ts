import { formatFailures, formatSummary, summarize } from './report';
import { defaultKnowledgeDir, scoreQuestions } from './score';

// `pnpm --filter @org/ai-core eval [--verbose] [--knowledge <dir>]`: the figures of the offline
// assistant on the evaluation set; `--verbose` adds every failed question with its answer.
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const knowledgeIndex = args.indexOf('--knowledge');
const knowledgeDir = (knowledgeIndex >= 0 && args[knowledgeIndex + 1]) || defaultKnowledgeDir;

const results = await scoreQuestions({ knowledgeDir });
console.log(`# Offline assistant evaluation (${results.length} questions, ${knowledgeDir})\n`);
console.log(formatSummary(summarize(results)));
if (verbose) {
  const failures = formatFailures(results);
  console.log(`\n## Failures\n${failures || '(none)'}`);
}
