import type { Pattern } from './questions';
import type { QuestionResult } from './score';

/** The outcomes of one category. */
export type CategorySummary = {
  category: string;
  total: number;
  right: number;
  wrong: number;
  declined: number;
  /** Answers that state a `mustNot` fact. */
  wrongFacts: number;
};

/** The figures the targets are stated in. */
export type EvalSummary = {
  categories: CategorySummary[];
  inScope: { total: number; right: number; rightPercent: number };
  outOfScope: { total: number; declined: number; declinedPercent: number };
  /** In-scope answers that state a wrong fact. */
  wrongFacts: number;
};

const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);
const isOutOfScope = (result: QuestionResult) => result.question.category === 'out-of-scope';

/** Counts the results per category (in first-seen order) and in total. */
export function summarize(results: QuestionResult[]): EvalSummary {
  const byCategory = new Map<string, CategorySummary>();
  for (const result of results) {
    const { category } = result.question;
    const summary = byCategory.get(category) ?? {
      category,
      total: 0,
      right: 0,
      wrong: 0,
      declined: 0,
      wrongFacts: 0,
    };
    summary.total += 1;
    summary[result.outcome] += 1;
    if (result.wrongFacts.length > 0) summary.wrongFacts += 1;
    byCategory.set(category, summary);
  }
  const inScope = results.filter((result) => !isOutOfScope(result));
  const outOfScope = results.filter(isOutOfScope);
  const right = inScope.filter((result) => result.outcome === 'right').length;
  const declined = outOfScope.filter((result) => result.outcome === 'declined').length;
  return {
    categories: [...byCategory.values()],
    inScope: { total: inScope.length, right, rightPercent: percent(right, inScope.length) },
    outOfScope: {
      total: outOfScope.length,
      declined,
      declinedPercent: percent(declined, outOfScope.length),
    },
    wrongFacts: inScope.filter((result) => result.wrongFacts.length > 0).length,
  };
}

const show = (pattern: Pattern) => (typeof pattern === 'string' ? `"${pattern}"` : `${pattern}`);

/** Why a result failed, one line per question, with the answer it got. */
export function formatFailures(results: QuestionResult[]): string {
  const lines: string[] = [];
  for (const { question, answer, outcome, missing, wrongFacts } of results) {
    const failed =
      question.category === 'out-of-scope' ? outcome !== 'declined' : outcome !== 'right';
    if (!failed) continue;
    const why = [
      outcome === 'declined' ? 'declined' : '',
      missing.length > 0 ? `missing ${missing.map(show).join(', ')}` : '',
      wrongFacts.length > 0 ? `WRONG FACT ${wrongFacts.map(show).join(', ')}` : '',
      outcome === 'wrong' && missing.length + wrongFacts.length === 0
        ? 'answered, not declined'
        : '',
    ].filter(Boolean);
    lines.push(`- [${question.category}/${question.id}] ${question.question}`);
    lines.push(`  ${why.join('; ')}`);
    lines.push(`  answer: ${answer.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  return lines.join('\n');
}

/** The per-category table and the totals, as plain text. */
export function formatSummary(summary: EvalSummary): string {
  const header = ['category', 'n', 'right', 'wrong', 'declined', 'wrong fact'];
  const rows = summary.categories.map((row) =>
    [row.category, row.total, row.right, row.wrong, row.declined, row.wrongFacts].map(String),
  );
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  // The category left-aligned, the counts right-aligned.
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  const { inScope, outOfScope, wrongFacts } = summary;
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    `in-scope right         ${inScope.right}/${inScope.total} (${inScope.rightPercent.toFixed(1)} %)`,
    `out-of-scope declined  ${outOfScope.declined}/${outOfScope.total} (${outOfScope.declinedPercent.toFixed(1)} %)`,
    `in-scope wrong facts   ${wrongFacts}`,
  ].join('\n');
}
