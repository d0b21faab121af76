import type { Channel } from '../channels/channel';
import { defaultChannels, takeSentences } from '../channels/index';
import { AiCoreError } from '../errors';
import type { Handoff } from '../handoff';
import type { HistoryMessage } from '../messages';
import { buildModelMessages, buildSystemMessage, searchKnowledge } from './build-messages';
import { asHistoryError, startTurn } from './claim-event';
import { deliverReply, toTurnRecord } from './delivery';
import { type HandoffRequest, handoffInstructions, toHandoffRequest } from './handoff-tool';
import { pull } from './pull';
import { runModel } from './run-model';
import type {
  Assistant,
  AssistantOptions,
  Delivery,
  Reply,
  ReplyHandoff,
  ReplyInput,
  ReplyPart,
} from './types';
import { checkAssistantOptions, parseReplyInput } from './validate';

/**
 * Creates an assistant: one brain (instructions, knowledge, tools, memory) answering on every channel.
 *
 * @example
 * ```ts
 * const assistant = createAssistant({
 *   model: createKnowledgeModel(),
 *   history: createMemoryHistory(),
 *   instructions: 'You are the friendly assistant of Harbor Lane Books.',
 *   knowledge: await loadKnowledge('./knowledge'),
 * })
 * const reply = await assistant.reply({ conversationId: 'c1', channel: 'voice', text: 'When do you open?' })
 * ```
 */
export function createAssistant(options: AssistantOptions): Assistant {
  checkAssistantOptions(options);
  const channels: Record<string, Channel> = { ...defaultChannels, ...options.channels };
  const maxTurns = options.maxTurns ?? 10;
  const maxSteps = options.maxSteps ?? 3;
  const maxPassages = options.maxPassages ?? 3;
  const now = options.now ?? (() => new Date());

  /**
   * One turn. `onText` receives the text deltas (the stream's; `reply` passes none); `stop`
   * aborts when a streaming reader stops early: the model stops and the user's turn is kept
   * (without `deliver`; with it, the turn is withdrawn and nothing is).
   */
  async function runTurn(
    rawInput: ReplyInput,
    onText?: (text: string) => Promise<void>,
    stop?: AbortSignal,
  ): Promise<Reply> {
    const input = parseReplyInput(rawInput);
    const channel = channels[input.channel];
    if (!channel) {
      throw new AiCoreError('unknown_channel', {
        field: 'channel',
        message: `Unknown channel "${input.channel}"; known: ${Object.keys(channels).join(', ')}`,
      });
    }
    // One controller per turn, aborted by the deadline or by the caller's signal: its reason
    // says which (a model_timeout AiCoreError, or the caller's own reason).
    const turn = new AbortController();
    const signal = turn.signal;
    const timeoutMs = input.timeoutMs ?? options.timeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      turn.abort(new AiCoreError('model_timeout', { message: `No reply within ${timeoutMs} ms` }));
    }, timeoutMs);
    const callerSignal = input.signal;
    const onCallerAbort = () => turn.abort(callerSignal?.reason);
    if (callerSignal?.aborted) onCallerAbort();
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    const onStop = () => turn.abort(stop?.reason);
    stop?.addEventListener('abort', onStop, { once: true });
    const detach = () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      stop?.removeEventListener('abort', onStop);
    };
    const { conversationId, eventId, deliver } = input;
    const reply = (
      text: string,
      replayed: boolean,
      sources: Reply['sources'] = [],
      handoff?: ReplyHandoff,
    ): Reply => ({
      text,
      conversationId,
      channel: channel.name,
      replayed,
      sources,
      ...(handoff ? { handoff } : {}),
    });

    // Keeps `messages` without a reply and releases the event, for a retry; best effort.
    const release = async (messages: HistoryMessage[]) => {
      if (messages.length === 0 && !eventId) return;
      const event = eventId ? { event: { id: eventId } } : undefined;
      await options.history.append(conversationId, messages, event).catch(() => {});
    };
    // What a turn that ends without a reply keeps; unset once the turn is written otherwise.
    let settle: (() => Promise<void>) | undefined;
    try {
      // At least one message, so that a retry is recognised even with `maxTurns: 0`.
      const window = Math.max(maxTurns, 1);
      const start = await startTurn(options.history, conversationId, window, eventId, signal);
      const withPerson = start.handoff?.status === 'active' ? start.handoff : undefined;
      if (start.kind === 'replay') {
        if (start.reply) await onText?.(start.reply);
        return reply(start.reply, true, [], withPerson && toReplyHandoff('active', withPerson));
      }
      // A retry of an event whose model call failed: its user turn is already in history (not
      // necessarily last: other turns may have come in between).
      const isThisTurn = (message: HistoryMessage) =>
        eventId !== undefined && message.role === 'user' && message.eventId === eventId;
      const retried = start.messages.some(isThisTurn);
      const earlier = start.messages.filter((message) => !isThisTurn(message));
      const past = maxTurns === 0 ? [] : earlier.slice(-maxTurns);
      const userMessage: HistoryMessage = {
        role: 'user',
        content: input.text,
        createdAt: now().toISOString(),
        channel: channel.name,
        ...(eventId ? { eventId } : {}),
      };
      const toSave = retried ? [] : [userMessage];
      if (withPerson) {
        // A person has the conversation: no model call, nothing to say; the message is kept for
        // them to read, and a retry of the event gets the same (empty) answer.
        try {
          await options.history.append(
            conversationId,
            toSave,
            eventId ? { event: { id: eventId, reply: '' } } : undefined,
          );
        } catch (error) {
          await release([]);
          throw asHistoryError(error);
        }
        return reply('', false, [], toReplyHandoff('active', withPerson));
      }
      // The user's turn is kept even when no reply comes (a failure, the deadline), and the event
      // is released for a retry. With `deliver`, a cancel by the caller before it is called
      // withdraws the turn (e.g. a speculative run the user spoke over): nothing is kept.
      const withdrawn = () => deliver !== undefined && (callerSignal?.aborted || stop?.aborted);
      settle = () => release(withdrawn() ? [] : toSave);

      let text: string;
      let handoff: { request: HandoffRequest; available: boolean } | undefined;
      const passages = options.knowledge
        ? searchKnowledge(
            (query) => options.knowledge?.search(query, { limit: maxPassages }) ?? [],
            input.text,
            past,
          )
        : undefined;
      try {
        const system = buildSystemMessage({
          instructions: options.handoff
            ? `${options.instructions.trim()}\n\n${handoffInstructions}`
            : options.instructions,
          channel,
          passages,
        });
        const run = await runModel({
          model: options.model,
          messages: buildModelMessages(system, past, input.text),
          context: passages,
          tools: options.tools,
          toolContext: {
            conversationId,
            channel: channel.name,
            signal,
            ...(eventId ? { eventId } : {}),
          },
          maxSteps,
          cut: channel.maxSentences
            ? { sentences: channel.maxSentences, render: channel.render }
            : undefined,
          onText,
          // Nobody reads the deltas (`reply`) and no channel waits on them: a whole answer.
          whole: onText === undefined && deliver === undefined,
          handoff: options.handoff !== undefined,
        });
        text = run.text;
        if (run.handoff) {
          const request = toHandoffRequest(run.handoff, past, input.text);
          const available = await isAvailable(channel.name, conversationId);
          handoff = { request, available };
          // What the customer is told replaces whatever the model wrote before calling the tool;
          // a stream reader that already got some of it gets the rest as one more delta.
          const said = handoffText(channel, available);
          await onText?.(text.trim() ? `\n\n${said}` : said);
          text = said;
        }
        text = channel.render(text);
        if (channel.maxSentences) text = takeSentences(text, channel.maxSentences);
        if (!text) {
          throw new AiCoreError('model_unavailable', { message: 'The model gave an empty answer' });
        }
        if (deliver) signal.throwIfAborted();
      } catch (error) {
        await settle();
        settle = undefined;
        throw toModelError(error, signal);
      }

      const assistantMessage: HistoryMessage = {
        role: 'assistant',
        content: text,
        createdAt: now().toISOString(),
        channel: channel.name,
      };
      settle = undefined;
      let delivery: Delivery = { kept: true };
      if (deliver) {
        // The channel commits to the turn here: what it reports, not the deadline or a late
        // cancel, decides what is stored.
        detach();
        delivery = await deliverReply(deliver, text);
      }
      const record = toTurnRecord(delivery, toSave, assistantMessage);
      const settled = record.reply === undefined ? {} : { reply: record.reply };
      // The handoff is stored with the turn that made it, unless the turn was withdrawn.
      const state: Handoff | undefined =
        handoff && record.reply !== undefined
          ? {
              status: handoff.available ? 'active' : 'callback',
              ...handoff.request,
              channel: channel.name,
              startedAt: now().toISOString(),
            }
          : undefined;
      try {
        if (record.messages.length > 0 || eventId || state) {
          await options.history.append(conversationId, record.messages, {
            ...(eventId ? { event: { id: eventId, ...settled } } : {}),
            ...(state ? { handoff: state } : {}),
          });
        }
      } catch (error) {
        // Not stored: keep what can be kept and free the event, so a retry answers instead of
        // waiting (a withdrawn turn keeps nothing; its release is what failed).
        if (record.reply !== undefined) await release(toSave);
        throw asHistoryError(error);
      }
      const replyHandoff =
        handoff && toReplyHandoff(handoff.available ? 'started' : 'unavailable', handoff.request);
      return reply(text, false, passages ?? [], replyHandoff);
    } catch (error) {
      throw signal.aborted ? signal.reason : error;
    } finally {
      detach();
      // Failed before the model ran (e.g. a knowledge search threw): as for a model failure.
      if (settle) await settle();
    }
  }

  /** Whether a person can take the conversation now; a failing check counts as no. */
  async function isAvailable(channel: string, conversationId: string): Promise<boolean> {
    const available = options.handoff?.available;
    if (!available) return true;
    try {
      return (await available({ at: now(), channel, conversationId })) === true;
    } catch {
      return false;
    }
  }

  function handoffText(channel: Channel, available: boolean): string {
    const texts = channel.handoff ?? defaultChannels.chat?.handoff;
    const handoff = options.handoff;
    if (available) return handoff?.startedText ?? texts?.started ?? '';
    if (handoff?.unavailableText) return handoff.unavailableText;
    return [
      texts?.unavailable,
      texts?.contact === false ? undefined : handoff?.contact,
      handoff?.callbacks === false ? undefined : texts?.callback,
    ]
      .filter(Boolean)
      .join(' ');
  }

  // `reply` hands no deltas around: on a fast model, most of a turn's cost would be passing
  // tokens through layers of async iterators nobody reads. Without `deliver`, on a channel that
  // never cuts early, it asks a model with `generate` for a whole answer: no stream at all.
  const reply = (input: ReplyInput): Promise<Reply> => runTurn(input);

  async function* stream(input: ReplyInput): AsyncGenerator<ReplyPart> {
    const final = yield* pull<ReplyPart, Reply>(
      (emit, stop) => runTurn(input, (text) => emit({ type: 'text-delta', text }), stop),
      () => new Error('The reader stopped reading the reply'),
    );
    yield { type: 'reply', reply: final };
  }

  return { reply, stream, channels };
}

function toReplyHandoff(
  state: ReplyHandoff['state'],
  handoff: Pick<Handoff, 'reason' | 'summary'>,
): ReplyHandoff {
  return { state, reason: handoff.reason, summary: handoff.summary };
}

function toModelError(error: unknown, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason;
  if (AiCoreError.isInstance(error)) return error;
  return new AiCoreError('model_unavailable', { message: 'The model failed', cause: error });
}
