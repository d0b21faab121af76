import type { Ref } from 'react';
import { Icon } from './icons';

/** The accessible name of the launcher. */
export function launcherLabel(open: boolean, unread: number): string {
  if (open) return 'Hide chat';
  if (unread === 0) return 'Open chat';
  return `Open chat, ${unread} unread ${unread === 1 ? 'message' : 'messages'}`;
}

/** Props of {@link Launcher}. */
export type LauncherProps = {
  open: boolean;
  unread: number;
  panelId: string;
  onToggle(): void;
  buttonRef: Ref<HTMLButtonElement>;
};

/** The round button that opens and closes the panel, with the unread badge. */
export function Launcher({ open, unread, panelId, onToggle, buttonRef }: LauncherProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      className="launcher"
      aria-label={launcherLabel(open, unread)}
      aria-expanded={open}
      aria-controls={panelId}
      onClick={onToggle}
    >
      <Icon name={open ? 'close' : 'chat'} />
      {unread > 0 && !open ? (
        <span className="badge" aria-hidden="true">
          {unread > 9 ? '9+' : unread}
        </span>
      ) : null}
    </button>
  );
}
