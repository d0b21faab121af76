import type { Reply } from '@org/ai-core';
import type { HandoffReporter } from '@org/handoff';

/** What {@link notifyHandoff} needs. */
export type NotifyHandoffDependencies = {
  /** Tells the business's webhook (`createHandoffReporter`); without it, nobody is told. */
  report?: HandoffReporter | undefined;
};

/**
 * Tells the business of a turn that handed the conversation to a person (`handoff.started`) or
 * found nobody available (`handoff.callback_requested`). A replayed turn was reported the first
 * time; a turn a person already has (`active`) reports nothing. Never rejects.
 */
export async function notifyHandoff(deps: NotifyHandoffDependencies, reply: Reply): Promise<void> {
  if (!deps.report || !reply.handoff || reply.replayed) return;
  await deps.report({
    channel: reply.channel,
    conversationId: reply.conversationId,
    handoff: reply.handoff,
  });
}
