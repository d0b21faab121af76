import type {
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { ModelToolDefinition } from '../chat-model';
import type { FinishReason, ModelMessage } from '../messages';

function toOpenAIMessage(message: ModelMessage): ChatCompletionMessageParam {
  if (message.role === 'tool') {
    return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
  if (message.role !== 'assistant') return { role: message.role, content: message.content };
  const toolCalls = message.toolCalls ?? [];
  if (toolCalls.length === 0) return { role: 'assistant', content: message.content };
  return {
    role: 'assistant',
    content: message.content === '' ? null : message.content,
    tool_calls: toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.input },
    })),
  };
}

/** Maps the port's messages to OpenAI Chat Completions messages. */
export function toOpenAIMessages(messages: readonly ModelMessage[]): ChatCompletionMessageParam[] {
  return messages.map(toOpenAIMessage);
}

/** Maps the port's tool definitions to OpenAI function tools. */
export function toOpenAITools(tools: readonly ModelToolDefinition[]): ChatCompletionFunctionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

/** Maps an OpenAI finish reason (or one of a compatible server) to the port's. */
export function toFinishReason(reason: string): FinishReason {
  switch (reason) {
    case 'stop':
    case 'length':
      return reason;
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}
