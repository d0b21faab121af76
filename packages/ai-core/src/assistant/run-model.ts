import { completeSentenceCount } from '../channels/index';
import type { ChatModel, KnowledgePassage } from '../chat-model';
import { handoffToolName } from '../handoff';
import type { ModelMessage, ToolCall } from '../messages';
import type { ToolContext, Tools } from '../tools';
import { abortable, raceAbort } from './abortable';
import { handoffToolDefinition } from './handoff-tool';
import { runToolCall, toToolDefinitions } from './tool-runner';

/** One turn's model work: the step loop with tools, and the early cut for channels that want one. */
export type ModelRun = {
  model: ChatModel;
  messages: ModelMessage[];
  context: KnowledgePassage[] | undefined;
  tools: Tools | undefined;
  toolContext: ToolContext;
  maxSteps: number;
  /**
   * Stop the model once the text, as `render` makes it, holds this many complete sentences
   * (counted after rendering, so a markdown list the renderer joins is one sentence, not many).
   */
  cut: { sentences: number; render: (text: string) => string } | undefined;
  /**
   * Receives each text delta. When it returns a promise, the model is not read further until
   * it settles (a streaming reader pulls at its own pace); a rejection ends the run.
   */
  onText?: ((text: string) => Promise<void> | undefined) | undefined;
  /**
   * Nobody reads the text as it comes and nothing cuts it short: ask a model that can answer
   * whole (`generate`) for that instead of a stream. Ignored with `cut` or `onText`.
   */
  whole?: boolean;
  /** Offer the built-in handoff tool: a call to it ends the run (see {@link ModelResult}). */
  handoff?: boolean;
};

/** What a run produced. */
export type ModelResult = {
  /** The text, across steps. */
  text: string;
  /** The model called the handoff tool: its call (the run ended there, running no tool). */
  handoff?: ToolCall;
};

/**
 * With a cut, the model is also stopped once its text passes this many characters: a channel
 * that speaks two sentences says nothing of what follows, and re-rendering a long text without
 * sentence ends (code, a table) on every boundary would grow quadratically.
 */
export const maxCutChars: number = 4000;

/**
 * Runs the model across steps (running tools between them), handing each text delta to
 * `onText`, and resolves with the whole text. On the last step no tools are offered, so the
 * model has to answer. With `whole` (and neither `cut` nor `onText`), a model that has
 * `generate` answers each step whole.
 */
export async function runModel(run: ModelRun): Promise<ModelResult> {
  const generate = run.whole && !run.cut && !run.onText ? run.model.generate : undefined;
  const definitions = [
    ...(run.tools ? toToolDefinitions(run.tools) : []),
    ...(run.handoff ? [handoffToolDefinition] : []),
  ];
  const messages = [...run.messages];
  let text = '';
  // A sentence can only have become complete after a terminator was streamed: render and count
  // only then, not on every delta.
  let boundarySeen = false;
  for (let step = 1; step <= run.maxSteps; step++) {
    const offerTools = definitions.length > 0 && step < run.maxSteps;
    const cut = run.cut ? new AbortController() : undefined;
    const signal = cut
      ? AbortSignal.any([run.toolContext.signal, cut.signal])
      : run.toolContext.signal;
    const request = {
      messages,
      context: run.context,
      channel: run.toolContext.channel,
      ...(offerTools ? { tools: definitions } : {}),
    };
    const calls: ToolCall[] = [];
    let stepText = '';
    if (generate) {
      // A model that ignores the signal must not hang the turn: the race ends it.
      const answer = await raceAbort(generate.call(run.model, request, { signal }), signal);
      text += answer.text;
      stepText = answer.text;
      calls.push(...answer.toolCalls);
    } else {
      for await (const part of abortable(run.model.stream(request, { signal }), signal)) {
        if (part.type === 'tool-call') calls.push(part.toolCall);
        if (part.type !== 'text-delta' || part.text === '') continue;
        text += part.text;
        stepText += part.text;
        const taken = run.onText?.(part.text);
        if (taken) await taken;
        if (!run.cut || !cut) continue;
        const checkNow: boolean = boundarySeen && /\S/.test(part.text);
        boundarySeen = /[.!?:;\n]/.test(part.text) || (boundarySeen && !checkNow);
        const enough =
          text.length >= maxCutChars ||
          (checkNow && completeSentenceCount(run.cut.render(text)) >= run.cut.sentences);
        if (enough) {
          // Enough is said: stop the model now rather than wait for words nobody will hear.
          cut.abort();
          return { text };
        }
      }
    }
    if (calls.length === 0 || !offerTools) break;
    // Handing off ends the turn: the other calls of the step are not run.
    const handoff = run.handoff ? calls.find((call) => call.name === handoffToolName) : undefined;
    if (handoff) return { text, handoff };
    messages.push({ role: 'assistant', content: stepText, toolCalls: calls });
    // A tool that hangs must not outlive the turn's deadline or the caller's cancel.
    const results = await raceAbort(
      Promise.all(calls.map((call) => runToolCall(run.tools ?? {}, call, run.toolContext))),
      run.toolContext.signal,
    );
    calls.forEach((call, index) => {
      messages.push({ role: 'tool', toolCallId: call.id, content: results[index] ?? 'null' });
    });
    if (text && !/\s$/.test(text)) text += ' ';
  }
  return { text };
}
