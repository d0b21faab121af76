import {
  type CSSProperties,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type ChatClient, createChatClient } from '../api/chat-client';
import { readableOn } from '../options/contrast';
import type { WidgetOptions } from '../options/widget-options';
import { ChatPanel } from './chat-panel';
import { Launcher } from './launcher';
import { createSessionStore } from './session-store';
import { useChat } from './use-chat';
import type { WidgetControls } from './widget-controls';

/** Props of {@link WidgetApp}. */
export type WidgetAppProps = {
  options: WidgetOptions;
  /** Default: a client of `options.apiUrl`. */
  client?: ChatClient;
  /** Default: `localStorage`. */
  storage?: Storage;
  controls?: WidgetControls;
  /** Open at once and move focus into the panel (the visitor clicked before the app loaded). */
  openNow?: boolean;
  /** Focus the launcher once mounted (it replaces a launcher that had focus). */
  focusLauncher?: boolean;
};

/** The whole widget (launcher, panel, live region), rendered inside a shadow root. */
export function WidgetApp({
  options,
  client,
  storage,
  controls,
  openNow,
  focusLauncher,
}: WidgetAppProps) {
  const id = useId().replace(/:/g, '');
  const chatClient = useMemo(
    () => client ?? createChatClient({ apiUrl: options.apiUrl }),
    [client, options.apiUrl],
  );
  const sessions = useMemo(
    () => createSessionStore(options.apiUrl, storage),
    [options.apiUrl, storage],
  );
  const [open, setOpen] = useState(Boolean(openNow) || options.openOnLoad);
  const [unread, setUnread] = useState(0);
  const openRef = useRef(open);
  openRef.current = open;
  // Focus moves only after the visitor asked: a panel opened on page load must not steal it.
  const moveFocus = useRef(Boolean(openNow));
  const launcher = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  const chat = useChat({
    client: chatClient,
    sessions,
    live: open,
    onAnswer: () => {
      if (!openRef.current) setUnread((count) => count + 1);
    },
  });

  const show = useCallback((next: boolean) => {
    moveFocus.current = true;
    setOpen(next);
  }, []);

  useEffect(() => {
    if (open) {
      setUnread(0);
      void chat.restore();
    }
  }, [open, chat.restore]);

  // In the commit that shows or hides the panel, so focus is never left on a hidden control.
  useLayoutEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (open ? input : launcher).current?.focus();
  }, [open]);

  useEffect(() => {
    if (focusLauncher && !openNow) launcher.current?.focus();
  }, [focusLauncher, openNow]);

  useEffect(
    () =>
      controls?.subscribe((command) => {
        if (command === 'new-conversation') chat.newConversation();
        else show(command === 'toggle' ? !openRef.current : command === 'open');
      }),
    [controls, chat.newConversation, show],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && openRef.current) {
      event.stopPropagation();
      show(false);
    }
  };

  const style = {
    '--primary': options.primaryColor,
    '--on-primary': readableOn(options.primaryColor),
  } as CSSProperties;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the widget closes it
    <div className={`widget ${options.position}`} style={style} onKeyDown={onKeyDown}>
      <ChatPanel
        id={`${id}-panel`}
        title={options.title}
        greeting={options.greeting}
        open={open}
        chat={chat}
        onClose={() => show(false)}
        inputRef={input}
      />
      <Launcher
        open={open}
        unread={unread}
        panelId={`${id}-panel`}
        onToggle={() => show(!openRef.current)}
        buttonRef={launcher}
      />
      <div className="sr-only" aria-live="polite">
        {chat.announcement ? <p key={chat.announcement.id}>{chat.announcement.text}</p> : null}
      </div>
    </div>
  );
}
