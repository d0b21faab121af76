import { useEffect, useMemo, useRef } from 'react';
import { parseWidgetOptions, type WidgetOptionsInput } from '../options/widget-options';
import { renderWidget } from './render-widget';

/** Props of {@link ChatWidget}: the widget options. */
export type ChatWidgetProps = WidgetOptionsInput;

/**
 * The chat widget as a React component, for apps that bundle it. It renders an empty host
 * element and the widget inside its shadow root, so the app's CSS and the widget's stay apart.
 * Invalid props throw (caught by your error boundary).
 *
 * @example
 * ```tsx
 * <ChatWidget apiUrl="https://chat.example.com" title="Harbor Lane" primaryColor="#7c2d12" />
 * ```
 */
export function ChatWidget(props: ChatWidgetProps) {
  const host = useRef<HTMLDivElement>(null);
  const { apiUrl, title, greeting, primaryColor, position, openOnLoad } = props;
  const options = useMemo(() => {
    const result = parseWidgetOptions({
      apiUrl,
      title,
      greeting,
      primaryColor,
      position,
      openOnLoad,
    });
    if (!result.ok) throw new TypeError(`Invalid ChatWidget props: ${result.problems.join('; ')}`);
    return result.options;
  }, [apiUrl, title, greeting, primaryColor, position, openOnLoad]);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const handle = renderWidget(
      element.shadowRoot ?? element.attachShadow({ mode: 'open' }),
      options,
    );
    // Unmounting a root while React renders this one is refused: do it right after.
    return () => queueMicrotask(handle.unmount);
  }, [options]);

  return <div ref={host} data-org-chat-widget="" />;
}
