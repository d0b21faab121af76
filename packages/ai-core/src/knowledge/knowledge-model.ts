import type { ChatCallOptions, ChatModel, ChatRequest } from '../chat-model';
import { type HandoffReason, handoffToolName } from '../handoff';
import type { ChatStreamPart } from '../messages';
import { lastUserText, sleep } from '../sleep';
import { selectAnswer } from './select-answer';
import { tokenize } from './terms';
import { asksForPerson, offeredPerson, saysYes } from './wants-person';

/** Options for {@link createKnowledgeModel}. */
export type KnowledgeModelOptions = {
  /** Pause between streamed words, in ms. Default 0. */
  tokenDelayMs?: number;
  /** The answer when no knowledge matches the question (e.g. with your contact details). */
  fallback?: string;
  /** The answer to a greeting such as "hi" or "hello". */
  greeting?: string;
};

const defaultFallback =
  "I'm sorry, I don't know the answer to that. I can connect you with a person from our team if you like.";
const defaultGreeting = 'Hello! How can I help you today?';
const thanksReply = "You're welcome! Is there anything else I can help you with?";
const goodbyeReply =
  'Goodbye, and thank you for getting in touch! Come back any time you have a question.';

const hello = new Set('hi hello hey hiya howdy greetings morning afternoon evening'.split(' '));
const thanks = new Set(['thanks', 'thank', 'thx', 'cheers', 'appreciate', 'appreciated']);
const bye = new Set(['bye', 'goodbye', 'later', 'farewell', 'night']);
const filler = new Set(
  `a all so much very lot you there again good great ok okay see day it
  that's that is was helpful nice have it's for your help i really just well oh and`.split(/\s+/),
);

/** Which kind of small talk `text` is, if it is nothing but a greeting, thanks or goodbye. */
const smallTalk = (text: string): 'hello' | 'thanks' | 'bye' | undefined => {
  const words = tokenize(text.toLowerCase());
  let kind: 'hello' | 'thanks' | 'bye' | undefined;
  for (const word of words) {
    if (hello.has(word)) kind ??= 'hello';
    else if (thanks.has(word)) kind = kind === 'bye' ? kind : 'thanks';
    else if (bye.has(word)) kind = 'bye';
    else if (!filler.has(word)) return undefined;
  }
  return kind;
};

/**
 * The embedded offline model: no key, no network. It answers the last user message from the knowledge
 * passages the assistant retrieved (`request.context`): the sentences, list items and rows of the best
 * passage that say what the question asks (and of the next ones for a part the best leaves unsaid, see
 * `selectAnswer`), word by word. A message that is only a greeting, thanks or goodbye gets a polite
 * reply; without context (the knowledge base found nothing that covers the question) it says it does
 * not know (`fallback`). It never invents anything. The one tool it calls is the assistant's
 * built-in handoff, when offered: for a customer who asks for a person in plain words ("talk to
 * a human", "real person", "agent", "representative", "operator"), says yes to the fallback's
 * offer of one, or would get the fallback twice in a row.
 * On abort it throws the signal's reason.
 *
 * @example
 * ```ts
 * const assistant = createAssistant({
 *   model: createKnowledgeModel(),
 *   knowledge: await loadKnowledge('./knowledge'),
 *   history: createMemoryHistory(),
 *   instructions: 'You are the assistant of Harbor Lane Books & Coffee.',
 * });
 * ```
 */
export const createKnowledgeModel = (options: KnowledgeModelOptions = {}): ChatModel => {
  const { tokenDelayMs = 0, fallback = defaultFallback, greeting = defaultGreeting } = options;

  const answer = (request: ChatRequest): string => {
    const question = lastUserText(request.messages);
    // Small talk first: the assistant may retrieve passages for "thanks" using the previous question.
    const kind = smallTalk(question);
    if (kind === 'hello') return greeting;
    if (kind === 'thanks') return thanksReply;
    if (kind === 'bye') return goodbyeReply;
    const context = request.context ?? [];
    return (context.length > 0 && selectAnswer(question, context)) || fallback;
  };

  // Its fallback as it reads after any channel's rendering: the opening words.
  const fallbackOpening = normalize(fallback).slice(0, 32);
  const isFallback = (text: string) => normalize(text).startsWith(fallbackOpening);

  /**
   * Whether to call the handoff tool instead of answering (only when the assistant offers it):
   * the customer asks for a person in plain words, says yes to the fallback's offer of one, or
   * is about to get the fallback a second time in a row.
   */
  const handoffFor = (request: ChatRequest, text: string): HandoffReason | undefined => {
    if (!request.tools?.some((tool) => tool.name === handoffToolName)) return undefined;
    const question = lastUserText(request.messages);
    const before = request.messages.findLast((message) => message.role === 'assistant');
    const previous = typeof before?.content === 'string' ? before.content : '';
    if (asksForPerson(question)) return 'customer_request';
    if (offeredPerson(previous) && saysYes(question)) return 'customer_request';
    if (text === fallback && isFallback(previous)) return 'cannot_help';
    return undefined;
  };

  async function* stream(
    request: ChatRequest,
    callOptions: ChatCallOptions = {},
  ): AsyncGenerator<ChatStreamPart> {
    const { signal } = callOptions;
    signal?.throwIfAborted();
    const text = answer(request);
    const reason = handoffFor(request, text);
    if (reason) {
      // The assistant writes the summary from the conversation.
      const input = JSON.stringify({ reason, summary: '' });
      yield { type: 'tool-call', toolCall: { id: 'handoff', name: handoffToolName, input } };
      yield { type: 'finish', finishReason: 'tool-calls' };
      return;
    }
    const words = text.match(/\s*\S+\s*/g) ?? [];
    for (const [index, text] of words.entries()) {
      if (index > 0 && tokenDelayMs > 0) await sleep(tokenDelayMs, signal);
      signal?.throwIfAborted();
      yield { type: 'text-delta', text };
    }
    signal?.throwIfAborted();
    yield { type: 'finish', finishReason: 'stop' };
  }

  return { modelId: 'knowledge', stream };
};

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
