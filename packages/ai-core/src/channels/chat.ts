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
};
