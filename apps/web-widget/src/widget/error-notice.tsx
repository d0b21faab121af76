import { useEffect, useMemo, useState } from 'react';
import type { ChatFailure } from './use-chat';

const secondsLeft = (retryAt: number | undefined) =>
  retryAt ? Math.max(0, Math.ceil((retryAt - Date.now()) / 1000)) : 0;

function describe(failure: ChatFailure): string {
  const seconds = secondsLeft(failure.retryAt);
  const wait = seconds > 0 ? ` Please try again in ${seconds} seconds.` : '';
  if (failure.action === 'restore') {
    return failure.kind === 'offline'
      ? 'You seem to be offline, so earlier messages could not be loaded.'
      : `Earlier messages could not be loaded.${wait}`;
  }
  switch (failure.kind) {
    case 'offline':
      return 'You seem to be offline. Your message was not sent.';
    case 'rate-limited':
      return `You are sending messages too fast.${wait || ' Please try again.'}`;
    case 'rejected':
      return 'This message could not be sent. Please rephrase it.';
    default:
      return `Sorry, something went wrong on our side.${wait}`;
  }
}

/**
 * A visible error, announced once, with a Retry button that counts down and stays disabled
 * until `Retry-After` has passed.
 */
export function ErrorNotice({ failure, onRetry }: { failure: ChatFailure; onRetry(): void }) {
  // Computed once per failure: a changing alert would be announced every second.
  const message = useMemo(() => describe(failure), [failure]);
  const [seconds, setSeconds] = useState(() => secondsLeft(failure.retryAt));
  useEffect(() => {
    setSeconds(secondsLeft(failure.retryAt));
    if (!failure.retryAt) return;
    const timer = setInterval(() => {
      const left = secondsLeft(failure.retryAt);
      setSeconds(left);
      if (left === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [failure.retryAt]);
  const retryable = failure.kind !== 'rejected';
  return (
    <div className="notice">
      <p role="alert">{message}</p>
      {retryable ? (
        <button
          type="button"
          aria-disabled={seconds > 0}
          onClick={() => {
            if (seconds === 0) onRetry();
          }}
        >
          {seconds > 0 ? `Retry in ${seconds} s` : 'Retry'}
        </button>
      ) : null}
    </div>
  );
}
