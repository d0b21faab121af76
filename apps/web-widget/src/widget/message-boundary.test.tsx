import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageBoundary } from './message-boundary';

afterEach(cleanup);

function Broken(): never {
  throw new RangeError('Maximum call stack size exceeded');
}

describe('MessageBoundary', () => {
  it('shows the fallback for a message that throws while rendering, the others unaffected', () => {
    // React reports the caught error on the console; keep the test output clean.
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => {});
    try {
      render(
        <ol>
          <li>
            <MessageBoundary fallback="first as text">
              <strong>first</strong>
            </MessageBoundary>
          </li>
          <li>
            <MessageBoundary fallback="> > > hostile as text">
              <Broken />
            </MessageBoundary>
          </li>
          <li>
            <MessageBoundary fallback="third as text">
              <em>third</em>
            </MessageBoundary>
          </li>
        </ol>,
      );
    } finally {
      console.mockRestore();
    }
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'first',
      '> > > hostile as text',
      'third',
    ]);
  });
});
