import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatWidget, mount } from './main';

afterEach(cleanup);

describe('mount', () => {
  it('renders the widget and its styles inside a shadow root, and obeys its handle', async () => {
    const element = document.createElement('div');
    document.body.append(element);
    const handle = mount(element, { apiUrl: 'https://chat.example', title: 'Harbor Lane' });
    const shadow = element.shadowRoot as ShadowRoot;
    await waitFor(() => expect(shadow.querySelector('button.launcher')).not.toBeNull());
    expect(shadow.querySelector('style')?.textContent).toContain('.launcher');
    expect(element.children).toHaveLength(0);
    const panel = () => shadow.querySelector('section.panel') as HTMLElement;
    expect(panel().hidden).toBe(true);

    act(() => handle.open());
    await waitFor(() => expect(panel().hidden).toBe(false));
    expect(shadow.querySelector('h2')?.textContent).toBe('Harbor Lane');
    act(() => handle.toggle());
    await waitFor(() => expect(panel().hidden).toBe(true));

    act(() => handle.unmount());
    expect(shadow.childNodes).toHaveLength(0);
    element.remove();
  });

  it('throws one TypeError naming every invalid option', () => {
    const element = document.createElement('div');
    expect(() => mount(element, { apiUrl: 'nope', position: 'top' as 'left' })).toThrow(
      /apiUrl: must be an http\(s\) URL\n {2}position/,
    );
    expect(element.shadowRoot).toBeNull();
  });
});

describe('ChatWidget', () => {
  it('renders a host element with the widget in its shadow root', async () => {
    const { container, unmount } = render(<ChatWidget apiUrl="https://chat.example" />);
    const host = container.querySelector('[data-org-chat-widget]') as HTMLElement;
    await waitFor(() => expect(host.shadowRoot?.querySelector('button.launcher')).toBeTruthy());
    expect(host.shadowRoot?.querySelector('button.launcher')?.getAttribute('aria-label')).toBe(
      'Open chat',
    );
    unmount();
    await waitFor(() => expect(host.shadowRoot?.childNodes).toHaveLength(0));
  });

  it('throws on invalid props', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<ChatWidget apiUrl="ftp://x" />)).toThrow(/Invalid ChatWidget props/);
    quiet.mockRestore();
  });
});
