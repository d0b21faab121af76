import type { WidgetOptions } from '../options/widget-options';

/** The options the widget's component tests render it with. */
export const testWidgetOptions: WidgetOptions = {
  apiUrl: 'https://chat.example',
  title: 'Harbor Lane',
  greeting: 'Hello there!',
  primaryColor: '#7c2d12',
  position: 'right',
  openOnLoad: false,
};

/** Where the widget keeps its session id for {@link testWidgetOptions}. */
export const testStorageKey = `org-chat-widget:session:${testWidgetOptions.apiUrl}`;
