/**
 * A channel: how one assistant speaks through one medium. Instructions tune the model;
 * the renderer makes the result safe for the medium whatever the model produced.
 *
 * @example
 * ```ts
 * const slack: Channel = {
 *   name: 'slack',
 *   instructions: 'You are answering in Slack. Use *bold* sparingly.',
 *   render: (text) => text.replaceAll('**', '*'),
 * }
 * createAssistant({ ..., channels: { slack } })
 * ```
 */
export type Channel = {
  /** The channel's name, as passed in `reply({ channel })`. */
  name: string;
  /** Added to the system prompt for this channel. */
  instructions: string;
  /** Deterministically turns the model's text into what the medium gets. */
  render(text: string): string;
  /**
   * Stop the model once this many complete sentences have streamed and answer with them
   * (voice: 2, because a caller must not wait for words that will never be spoken).
   */
  maxSentences?: number;
  /**
   * What the customer is told on this channel when the conversation is handed to a person
   * (`started`), and when nobody is available: `unavailable`, then the business's
   * `HandoffOptions.contact` unless `contact` is `false` (a caller is already on the phone),
   * then `callback` when someone will get back to them. `HandoffOptions` may override the texts.
   * Default: the chat channel's.
   */
  handoff?: { started: string; unavailable: string; callback: string; contact?: false };
};
