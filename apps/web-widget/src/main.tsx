import { parseWidgetOptions, type WidgetOptionsInput } from './options/widget-options';
import { renderWidget, type WidgetHandle } from './widget/render-widget';

export type { ChatClient, ChatClientOptions, ChatMessage } from './api/chat-client';
export { createChatClient } from './api/chat-client';
export type { ChatErrorKind } from './api/chat-client-error';
export { ChatClientError } from './api/chat-client-error';
export type { WidgetOptions, WidgetOptionsInput } from './options/widget-options';
export { widgetOptionsSchema } from './options/widget-options';
export type { ChatWidgetProps } from './widget/chat-widget';
export { ChatWidget } from './widget/chat-widget';
export type { WidgetHandle } from './widget/render-widget';

/**
 * Mounts the widget into `element` (inside a shadow root it attaches) and returns its handle.
 * Throws a `TypeError` listing every invalid option.
 *
 * @example
 * ```ts
 * const widget = mount(document.querySelector('#chat')!, { apiUrl: 'https://chat.example.com' });
 * widget.open();
 * ```
 */
export function mount(element: Element, options: WidgetOptionsInput): WidgetHandle {
  const result = parseWidgetOptions(options);
  if (!result.ok) {
    throw new TypeError(`Invalid chat widget options:\n  ${result.problems.join('\n  ')}`);
  }
  return renderWidget(element.shadowRoot ?? element.attachShadow({ mode: 'open' }), result.options);
}
