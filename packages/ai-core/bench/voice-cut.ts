import OpenAI from 'openai';
import { completeSentenceCount, createAssistant, createMemoryHistory } from '../src/index';
import { createOpenAIModel } from '../src/openai/index';
import { createOpenAITestServer } from '../src/test/index';
import { ms } from './stats';

const sentence = (i: number) =>
  `Here is sentence ${i} of a long answer that nobody on the phone will ever hear.`;

/**
 * The voice early cut: a 300-token answer streamed at 50 tokens/s. Prints when the second
 * sentence ended in the raw stream (baseline), the voice reply time and the chat reply time.
 */
export async function benchVoiceCut(rounds = 3): Promise<void> {
  let text = '';
  for (let i = 1; text.split(/\s+/).length < 300; i++) text += `${i > 1 ? ' ' : ''}${sentence(i)}`;
  text = text.split(/\s+/).slice(0, 300).join(' ');
  const server = await createOpenAITestServer({ respond: () => ({ text }), tokensPerSecond: 50 });
  try {
    const client = new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });
    const model = createOpenAIModel({ model: 'test', client });
    const assistant = createAssistant({
      model,
      history: createMemoryHistory(),
      instructions: 'Be helpful.',
    });
    const rows: [number, number][] = [];
    for (let round = 0; round < rounds; round++) {
      // Baseline: the raw stream, noting when its second sentence was complete.
      let secondSentenceAt = Number.NaN;
      let streamed = '';
      const start = performance.now();
      const raw = await client.chat.completions.create({
        model: 'test',
        messages: [{ role: 'user', content: 'tell me everything' }],
        stream: true,
      });
      for await (const chunk of raw) {
        streamed += chunk.choices[0]?.delta.content ?? '';
        if (completeSentenceCount(streamed) >= 2) {
          secondSentenceAt = performance.now() - start;
          raw.controller.abort();
          break;
        }
      }
      const voiceStart = performance.now();
      await assistant.reply({ conversationId: `v${round}`, channel: 'voice', text: 'tell me' });
      const voice = performance.now() - voiceStart;
      rows.push([secondSentenceAt, voice]);
    }
    const chatStart = performance.now();
    const chat = await assistant.reply({
      conversationId: 'chat',
      channel: 'chat',
      text: 'tell me',
    });
    const chatTime = performance.now() - chatStart;
    console.log('\n## voice early cut (300-token answer at 50 tokens/s)');
    for (const [second, voice] of rows) {
      console.log(
        `second sentence ended ${ms(second)}   voice reply ${ms(voice)}   difference ${ms(voice - second)}`,
      );
    }
    console.log(`chat reply (whole answer, ${chat.text.length} chars) ${ms(chatTime)}`);
  } finally {
    await server.close();
  }
}
