/** What the page can ask of a mounted widget. */
export type WidgetCommand = 'open' | 'close' | 'toggle' | 'new-conversation';

/** A channel from the imperative API (`mount()`'s handle, `window.OrgChatWidget`) to the app. */
export type WidgetControls = {
  send(command: WidgetCommand): void;
  /** Delivers queued commands first; returns the unsubscribe function. */
  subscribe(listener: (command: WidgetCommand) => void): () => void;
};

/** Commands sent before the app subscribed are queued, so `open()` right after mount works. */
export function createWidgetControls(): WidgetControls {
  const queue: WidgetCommand[] = [];
  let current: ((command: WidgetCommand) => void) | undefined;
  return {
    send(command) {
      if (current) current(command);
      else queue.push(command);
    },
    subscribe(listener) {
      current = listener;
      for (const command of queue.splice(0)) listener(command);
      return () => {
        if (current === listener) current = undefined;
      };
    },
  };
}
