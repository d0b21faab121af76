import { Component, type ReactNode } from 'react';

/** Props of {@link MessageBoundary}. */
export type MessageBoundaryProps = {
  /** Shown instead of `children` once they threw while rendering, e.g. the message as text. */
  fallback: ReactNode;
  children: ReactNode;
};

/**
 * An error boundary around one message: a message that fails to render shows its fallback,
 * and the rest of the conversation (and the widget) keeps working. A class, because React has
 * no hook for catching render errors.
 */
export class MessageBoundary extends Component<MessageBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
