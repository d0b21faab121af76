// For tests only: the real chat-api app (in process, nothing listens) as the widget's `fetch`.

import type { ChatModel } from '@org/ai-core';
import { createMockChatModel, type MockChatModel } from '@org/ai-core/test';
import { createTestApp, type TestAppOptions } from '@org/chat-api/test';

/** A chat-api over a mock model (or `model`), and a `fetch` that calls it, recording every request. */
export function createTestApi<TModel extends ChatModel = MockChatModel>(
  options: TestAppOptions<TModel> = {},
) {
  const api = createTestApp<TModel>({
    ...options,
    model: options.model ?? (createMockChatModel() as ChatModel as TModel),
  });
  const requests: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return api.app.fetch(request);
  }) as typeof globalThis.fetch;
  return { ...api, fetch, requests };
}

/** A promise and its resolve function, to hold a mock model until the test lets it answer. */
export function createGate() {
  let open: () => void = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
