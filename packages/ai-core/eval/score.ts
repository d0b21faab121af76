import { fileURLToPath } from 'node:url';
import {
  type Assistant,
  type ChatModel,
  createAssistant,
  createKnowledgeModel,
  createMemoryHistory,
  defaultInstructions,
  loadKnowledge,
} from '../src/index';
import { questions as allQuestions, type EvalQuestion, type Pattern } from './questions';

/** How one answer is judged. */
export type Outcome = 'right' | 'wrong' | 'declined';

/** One question, the assistant's answer and its judgement. */
export type QuestionResult = {
  question: EvalQuestion;
  answer: string;
  outcome: Outcome;
  /** The `must` facts the answer lacks (in-scope questions). */
  missing: Pattern[];
  /** The `mustNot` facts the answer states: a wrong fact when not empty. */
  wrongFacts: Pattern[];
};

/**
 * The repository's `knowledge/`, found from this file: `eval/` and the bundle's `dist-eval/` sit at
 * the same depth in `packages/ai-core`.
 */
export const defaultKnowledgeDir: string = fileURLToPath(
  new URL('../../../knowledge', import.meta.url),
);

/** Whether `text` contains `pattern`, ignoring case. */
export function matchesPattern(pattern: Pattern, text: string): boolean {
  if (typeof pattern === 'string') return text.toLowerCase().includes(pattern.toLowerCase());
  const flags = pattern.flags.includes('i') ? pattern.flags : `${pattern.flags}i`;
  return new RegExp(pattern.source, flags.replace('g', '')).test(text);
}

/**
 * Judges `answer`: `declined` when it is exactly the model's `fallback`; for an out-of-scope
 * question any other answer is `wrong`; in scope, `wrong` when it states a `mustNot` fact or lacks
 * a `must` fact, else `right`.
 */
export function classifyAnswer(
  question: EvalQuestion,
  answer: string,
  fallback: string,
): QuestionResult {
  const declined = answer.trim() === fallback.trim();
  if (!('must' in question)) {
    const outcome = declined ? 'declined' : 'wrong';
    return { question, answer, outcome, missing: [], wrongFacts: [] };
  }
  if (declined) return { question, answer, outcome: 'declined', missing: [], wrongFacts: [] };
  const missing = question.must.filter((pattern) => !matchesPattern(pattern, answer));
  const wrongFacts = (question.mustNot ?? []).filter((pattern) => matchesPattern(pattern, answer));
  const outcome = missing.length === 0 && wrongFacts.length === 0 ? 'right' : 'wrong';
  return { question, answer, outcome, missing, wrongFacts };
}

/**
 * The text `model` answers with when it has no knowledge for a question: asked with no retrieved
 * passage, the offline knowledge model gives its fallback, so the decline is read from the model
 * itself rather than copied here.
 */
export async function declineText(model: ChatModel): Promise<string> {
  let text = '';
  const request = { messages: [{ role: 'user' as const, content: 'What is the question?' }] };
  for await (const part of model.stream(request)) {
    if (part.type === 'text-delta') text += part.text;
  }
  return text.trim();
}

/** The assistant as the product runs it offline, and the text of its decline. */
export async function createOfflineAssistant(
  knowledgeDir: string = defaultKnowledgeDir,
): Promise<{ assistant: Assistant; fallback: string }> {
  const model = createKnowledgeModel();
  const assistant = createAssistant({
    model,
    history: createMemoryHistory(),
    instructions: defaultInstructions,
    knowledge: await loadKnowledge(knowledgeDir),
  });
  return { assistant, fallback: await declineText(model) };
}

/** Asks every question in a fresh chat conversation and judges each answer. */
export async function scoreQuestions(
  options: { knowledgeDir?: string; questions?: EvalQuestion[] } = {},
): Promise<QuestionResult[]> {
  const { assistant, fallback } = await createOfflineAssistant(options.knowledgeDir);
  const results: QuestionResult[] = [];
  for (const [index, question] of (options.questions ?? allQuestions).entries()) {
    const reply = await assistant.reply({
      conversationId: `eval-${index}-${question.id}`,
      channel: 'chat',
      text: question.question,
    });
    results.push(classifyAnswer(question, reply.text, fallback));
  }
  return results;
}
