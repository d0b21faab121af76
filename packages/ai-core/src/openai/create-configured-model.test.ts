import { describe, expect, it } from 'vitest';
import { createOpenAITestServer } from '../test/index';
import { createConfiguredModel } from './create-configured-model';

describe('createConfiguredModel', () => {
  it('is the offline knowledge model when neither a key nor a base URL is set', () => {
    expect(createConfiguredModel({ model: 'gpt-4o-mini' }).modelId).toBe('knowledge');
    expect(createConfiguredModel({ model: 'x', apiKey: '', baseURL: undefined }).modelId).toBe(
      'knowledge',
    );
  });

  it('talks to an OpenAI-compatible server given its base URL', async () => {
    const server = await createOpenAITestServer({ respond: () => ({ text: 'From the server.' }) });
    try {
      const model = createConfiguredModel({ model: 'llama3.2', baseURL: server.url });
      expect(model.modelId).toBe('llama3.2');
      let text = '';
      for await (const part of model.stream({ messages: [{ role: 'user', content: 'hi' }] })) {
        if (part.type === 'text-delta') text += part.text;
      }
      expect(text).toBe('From the server.');
      expect(server.requests[0]?.model).toBe('llama3.2');
    } finally {
      await server.close();
    }
  });
});
