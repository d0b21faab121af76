import { createAssistant, createMemoryHistory } from '../src/index';
import { createMockChatModel } from '../src/test/index';
import { summarize, time, us } from './stats';

/**
 * Per-turn overhead of the assistant: `assistant.reply` with memory history and a zero-latency
 * model, against iterating the same model's stream directly (the baseline, same run).
 */
export async function benchOverhead(turns = 3000): Promise<void> {
  const text =
    'We are open Monday to Friday from 9 AM to 6 PM, and on Saturdays from 10 AM to 4 PM.';
  const model = createMockChatModel({ responses: () => ({ text }), record: false });
  const assistant = createAssistant({
    model,
    history: createMemoryHistory(),
    instructions: 'You are a helpful assistant.',
  });
  const request = {
    messages: [
      { role: 'system' as const, content: 'You are a helpful assistant.' },
      { role: 'user' as const, content: 'When are you open?' },
    ],
  };
  const bare = await time(turns, 300, async () => {
    for await (const _ of model.stream(request)) {
      // drain
    }
  });
  const full = await time(turns, 300, (i) =>
    assistant.reply({ conversationId: `c${i % 50}`, channel: 'chat', text: 'When are you open?' }),
  );
  const voice = await time(turns, 300, (i) =>
    assistant.reply({ conversationId: `v${i % 50}`, channel: 'voice', text: 'When are you open?' }),
  );
  const b = summarize(bare);
  const f = summarize(full);
  const v = summarize(voice);
  console.log('\n## assistant.reply overhead (memory history, zero-latency model)');
  console.log(
    `bare model call     mean ${us(b.mean)}  p50 ${us(b.p50)}  p99 ${us(b.p99)}  (n=${b.n})`,
  );
  console.log(`reply, chat         mean ${us(f.mean)}  p50 ${us(f.p50)}  p99 ${us(f.p99)}`);
  console.log(`reply, voice        mean ${us(v.mean)}  p50 ${us(v.p50)}  p99 ${us(v.p99)}`);
  console.log(
    `overhead per turn   chat ${us(f.mean - b.mean)} (${(f.mean / b.mean).toFixed(2)}× the bare call), ` +
      `voice ${us(v.mean - b.mean)} (${(v.mean / b.mean).toFixed(2)}×)`,
  );
}
