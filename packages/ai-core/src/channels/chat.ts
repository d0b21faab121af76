import type { Channel } from './channel';

/**
 * The built-in web chat channel: concise answers, markdown allowed (the chat widget renders
 * it); the renderer only trims.
 *
 * @example
 * ```ts
 * const reply = await assistant.reply({ conversationId: sessionId, channel: 'chat', text })
 * widget.showMarkdown(reply.text)
 * ```
 */
export const chatChannel: Channel = {
  name: 'chat',
  instructions: [
    'You are answering in a web chat window.',
    'Be concise and friendly: a few short sentences, or a short list when it helps.',
    'You may use markdown (bold, lists, links); avoid tables and long headings.',
  ].join(' '),
  render: (text) => text.trim(),
  handoff: {
    started: "I'll connect you with a colleague from our team. They'll reply right here shortly.",
    unavailable: 'Nobody from our team is available right now.',
    callback: "I've passed your request on, and someone will get back to you as soon as they can.",
  },
};
