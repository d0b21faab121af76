import { createRoot } from 'react-dom/client';
import type { ChatClient } from '../api/chat-client';
import type { WidgetOptions } from '../options/widget-options';
import launcherCss from './launcher.css?inline';
import widgetCss from './styles.css?inline';
import { WidgetApp } from './widget-app';
import { createWidgetControls } from './widget-controls';

/** Controls a mounted widget. */
export type WidgetHandle = {
  open(): void;
  close(): void;
  toggle(): void;
  /** Forgets the session and its messages. */
  newConversation(): void;
  /** Removes the widget. */
  unmount(): void;
};

/** Extras for {@link renderWidget}. */
export type RenderExtras = {
  openNow?: boolean;
  focusLauncher?: boolean;
  client?: ChatClient;
  storage?: Storage;
};

/** Renders the widget and its styles into `shadow`, replacing what was there. */
export function renderWidget(
  shadow: ShadowRoot,
  options: WidgetOptions,
  extras: RenderExtras = {},
): WidgetHandle {
  const style = document.createElement('style');
  style.textContent = launcherCss + widgetCss;
  const container = document.createElement('div');
  shadow.replaceChildren(style, container);
  const controls = createWidgetControls();
  const root = createRoot(container);
  root.render(<WidgetApp options={options} controls={controls} {...extras} />);
  return {
    open: () => controls.send('open'),
    close: () => controls.send('close'),
    toggle: () => controls.send('toggle'),
    newConversation: () => controls.send('new-conversation'),
    unmount: () => {
      root.unmount();
      style.remove();
      container.remove();
    },
  };
}
