import { z } from 'zod';
import type { ModelToolDefinition } from '../chat-model';
import { type HandoffReason, handoffToolName } from '../handoff';
import type { HistoryMessage, ToolCall } from '../messages';

/** What the model asked for when it called the handoff tool. */
export type HandoffRequest = { reason: HandoffReason; summary: string };

/** The built-in handoff tool, as offered to the model when the assistant has `handoff`. */
export const handoffToolDefinition: ModelToolDefinition = {
  name: handoffToolName,
  description:
    "Hand this conversation to a person of the business's team, who takes it over from here. " +
    'Call it when the customer asks for a person (a human, an agent, a representative, someone ' +
    'from the team), or when you cannot help them after trying. Do not call it for a question ' +
    'you can answer.',
  parameters: {
    type: 'object',
    properties: {
      reason: {
        type: 'string',
        enum: ['customer_request', 'cannot_help'],
        description: 'customer_request: they asked for a person; cannot_help: you could not help.',
      },
      summary: {
        type: 'string',
        description:
          'One or two sentences for the person taking over: who the customer is, if known, and what they need.',
      },
    },
    required: ['reason', 'summary'],
    additionalProperties: false,
  },
};

/** Added to the system message when the handoff tool is offered. */
export const handoffInstructions: string =
  `When the customer wants a person, or you cannot help them, call ${handoffToolName} instead of ` +
  'answering; do not give them a phone number or an email address to reach someone instead.';

const inputSchema = z.object({
  reason: z.enum(['customer_request', 'cannot_help']).catch('customer_request'),
  summary: z.string().catch(''),
});

const maxQuoted = 200;
const quote = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > maxQuoted ? `${flat.slice(0, maxQuoted - 1)}…` : flat}"`;
};

/**
 * The handoff the model asked for. Its intent is clear even when its input is not: a bad
 * reason counts as the customer's request, and a missing summary is written from the
 * conversation (the customer's last messages).
 */
export function toHandoffRequest(
  call: ToolCall,
  past: readonly HistoryMessage[],
  userText: string,
): HandoffRequest {
  let input: unknown = {};
  try {
    input = call.input.trim() === '' ? {} : JSON.parse(call.input);
  } catch {}
  const parsed = inputSchema.safeParse(input);
  const reason = parsed.success ? parsed.data.reason : 'customer_request';
  const summary = (parsed.success ? parsed.data.summary : '').trim();
  return { reason, summary: summary || summarize(past, userText) };
}

/** A summary written without a model: the customer's last two messages. */
export function summarize(past: readonly HistoryMessage[], userText: string): string {
  const earlier = past.findLast((message) => message.role === 'user');
  const said = earlier ? `${quote(earlier.content)}, then ${quote(userText)}` : quote(userText);
  return `The customer wrote ${said}.`;
}
