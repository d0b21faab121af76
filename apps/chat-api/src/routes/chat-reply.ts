import type { Reply } from '@org/ai-core';
import type { ChatResponseBody } from '../protocol';

/** A turn's reply as the chat wire sends it (`POST /chat`, the stream's `reply` event). */
export function toChatResponse(sessionId: string, reply: Reply): ChatResponseBody {
  const { handoff } = reply;
  return {
    session_id: sessionId,
    response: reply.text,
    // The summary is for the team, not the visitor.
    ...(handoff ? { handoff: { state: handoff.state, reason: handoff.reason } } : {}),
  };
}
