import type { Ref } from 'react';
import { Composer } from './composer';
import { ErrorNotice } from './error-notice';
import { Icon } from './icons';
import { MessageList } from './message-list';
import type { useChat } from './use-chat';

/** Props of {@link ChatPanel}. */
export type ChatPanelProps = {
  id: string;
  title: string;
  greeting: string;
  open: boolean;
  chat: ReturnType<typeof useChat>;
  onClose(): void;
  inputRef: Ref<HTMLTextAreaElement>;
};

/**
 * The chat window: header (title, new conversation, close), while a person of the team has the
 * conversation a line saying so, messages, error, composer.
 */
export function ChatPanel({ id, title, greeting, open, chat, onClose, inputRef }: ChatPanelProps) {
  const titleId = `${id}-title`;
  const withTeam = chat.handoff?.status === 'active';
  return (
    <section id={id} className="panel" role="dialog" aria-labelledby={titleId} hidden={!open}>
      <header>
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="New conversation"
          title="New conversation"
          onClick={chat.newConversation}
        >
          <Icon name="restart" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Close chat"
          title="Close"
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </header>
      {withTeam ? <p className="handoff">You're now chatting with our team</p> : null}
      <MessageList
        greeting={greeting}
        messages={chat.messages}
        status={chat.status}
        withTeam={withTeam}
      />
      {chat.error ? <ErrorNotice failure={chat.error} onRetry={chat.retry} /> : null}
      <Composer onSend={chat.send} busy={chat.status !== 'idle'} inputRef={inputRef} />
    </section>
  );
}
