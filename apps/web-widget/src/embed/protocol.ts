import type { DataAttributes } from '../options/data-attributes';
import type { WidgetHandle } from '../widget/render-widget';

/** The event the app script fires on its own `<script>` element, with {@link Boot} as detail. */
export const readyEvent = 'org-chat-widget:ready';

/** What the loader hands to the app. */
export type BootContext = {
  /** The loader's shadow root: its launcher is replaced by the app's. */
  shadow: ShadowRoot;
  data: DataAttributes;
  /** The visitor already clicked the launcher: open and focus the panel. */
  openNow: boolean;
  /** The loader's launcher had focus: give it to the app's. */
  focusLauncher: boolean;
};

/** Starts the app; `undefined` when the options are invalid (the reason is on the console). */
export type Boot = (context: BootContext) => WidgetHandle | undefined;

/** The one global: `window.OrgChatWidget`. */
export type GlobalApi = {
  open(): void;
  close(): void;
  toggle(): void;
  newConversation(): void;
};
