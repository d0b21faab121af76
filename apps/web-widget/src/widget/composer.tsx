import { type FormEvent, type KeyboardEvent, type Ref, useState } from 'react';
import { Icon } from './icons';

/** The longest message chat-api accepts. */
export const maxMessageLength = 4000;

/** Props of {@link Composer}. */
export type ComposerProps = {
  /** Sends; returns false when it could not (a message is in flight). */
  onSend(text: string): boolean;
  busy: boolean;
  inputRef: Ref<HTMLTextAreaElement>;
};

/** The message box: Enter sends, Shift+Enter breaks the line. */
export function Composer({ onSend, busy, inputRef }: ComposerProps) {
  const [text, setText] = useState('');
  const canSend = !busy && text.trim() !== '';
  const submit = () => {
    if (canSend && onSend(text)) setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Not while an input method is composing: Enter then confirms the composition.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={inputRef}
        aria-label="Message"
        placeholder="Type your message…"
        rows={1}
        maxLength={maxMessageLength}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="send" aria-label="Send message" aria-disabled={!canSend}>
        <Icon name="send" />
      </button>
    </form>
  );
}
