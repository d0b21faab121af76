import { z } from 'zod';
import type { ModelToolDefinition } from '../chat-model';
import type { ToolCall } from '../messages';
import type { ToolContext, Tools } from '../tools';

/** Describes the tools to the model, their zod schemas turned into JSON Schema. */
export function toToolDefinitions(tools: Tools): ModelToolDefinition[] {
  return Object.entries(tools).map(([name, tool]) => {
    const { $schema: _, ...parameters } = z.toJSONSchema(tool.parameters, { io: 'input' });
    return { name, description: tool.description, parameters };
  });
}

/**
 * Runs one tool call and returns what the model gets back (JSON text). A failing tool does not
 * fail the turn: the model is told what went wrong and can answer anyway.
 */
export async function runToolCall(
  tools: Tools,
  call: ToolCall,
  context: ToolContext,
): Promise<string> {
  const tool = tools[call.name];
  if (!tool) return JSON.stringify({ error: `There is no tool named "${call.name}".` });
  let input: unknown;
  try {
    input = call.input.trim() === '' ? {} : JSON.parse(call.input);
  } catch {
    return JSON.stringify({ error: 'The tool input was not valid JSON.' });
  }
  const parsed = tool.parameters.safeParse(input);
  if (!parsed.success) {
    return JSON.stringify({ error: `Invalid tool input: ${z.prettifyError(parsed.error)}` });
  }
  try {
    const result = await tool.execute(parsed.data, context);
    return JSON.stringify(result ?? null);
  } catch (error) {
    if (context.signal.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return JSON.stringify({ error: `The tool failed: ${message}` });
  }
}
