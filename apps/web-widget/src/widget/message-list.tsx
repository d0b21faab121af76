import { useLayoutEffect, useMemo, useRef } from 'react';
import { Markdown } from '../markdown/markdown';
import { parseMarkdown } from '../markdown/parse-markdown';
import { MessageBoundary } from './message-boundary';
import type { ChatEntry, ChatStatus } from './use-chat';

function MarkdownText({ content }: { content: string }) {
  const blocks = useMemo(() => parseMarkdown(content), [content]);
  return <Markdown blocks={blocks} />;
}

/** Props of {@link MessageList}. */
export type MessageListProps = {
  greeting: string;
  messages: ChatEntry[];
  status: ChatStatus;
  /** A person of the team has the conversation: nobody is typing an answer to each message. */
  withTeam?: boolean;
};

const speakers = { user: 'You: ', assistant: 'Assistant: ' };

/**
 * The conversation, oldest first, kept scrolled to the newest message. Not a live region
 * itself (streaming would be read token by token); the widget announces finished answers.
 */
export function MessageList({ greeting, messages, status, withTeam }: MessageListProps) {
  const list = useRef<HTMLOListElement>(null);
  const last = messages.at(-1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when the content grows
  useLayoutEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [messages.length, last?.content, status]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <ol ref={list} className="messages" aria-label="Conversation" tabIndex={0}>
      {greeting ? (
        <li className="message assistant">
          <span className="sr-only">Assistant: </span>
          {greeting}
        </li>
      ) : null}
      {messages.map((message) => (
        <li key={message.id} className={`message ${message.role}`}>
          {message.role === 'operator' ? (
            <span className="author">
              {message.name || 'Our team'}
              <span className="sr-only"> from our team: </span>
            </span>
          ) : (
            <span className="sr-only">{speakers[message.role]}</span>
          )}
          <MessageBoundary fallback={message.content}>
            {message.role === 'user' ? message.content : <MarkdownText content={message.content} />}
          </MessageBoundary>
        </li>
      ))}
      {(status === 'waiting' && !withTeam) || status === 'restoring' ? (
        <li className="message assistant typing">
          <span className="sr-only">
            {status === 'waiting' ? 'Assistant is typing' : 'Loading earlier messages'}
          </span>
          <i />
          <i />
          <i />
        </li>
      ) : null}
    </ol>
  );
}
