import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { AiCoreError } from '../errors';
import type { ToolCall } from '../messages';

type Fragment = ChatCompletionChunk.Choice.Delta.ToolCall;

/** Collects streamed tool-call fragments (by `index`) into whole tool calls. */
export type ToolCallAssembler = {
  add(fragment: Fragment): void;
  /** The assembled calls in index order; throws `model_unavailable` for a call without a name. */
  finish(): ToolCall[];
};

/** Creates a {@link ToolCallAssembler}. */
export function createToolCallAssembler(): ToolCallAssembler {
  const calls = new Map<number, { id: string; name: string; input: string }>();
  return {
    add(fragment) {
      const call = calls.get(fragment.index) ?? { id: '', name: '', input: '' };
      calls.set(fragment.index, call);
      // Some compatible servers repeat id and name in every fragment: keep the first.
      if (!call.id && fragment.id) call.id = fragment.id;
      if (!call.name && fragment.function?.name) call.name = fragment.function.name;
      call.input += fragment.function?.arguments ?? '';
    },
    finish() {
      return [...calls.entries()]
        .sort(([a], [b]) => a - b)
        .map(([index, call]) => {
          if (!call.name) {
            throw new AiCoreError('model_unavailable', {
              message: `The model streamed tool call #${index} without a name`,
            });
          }
          return { id: call.id || `call_${index}`, name: call.name, input: call.input || '{}' };
        });
    },
  };
}
