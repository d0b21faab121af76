import type { z } from 'zod';

/** What a tool's `execute` receives besides its input. */
export type ToolContext = {
  conversationId: string;
  channel: string;
  /**
   * The turn's event id, when it has one: a tool with side effects can use it to do them once,
   * also when a failed turn is retried.
   */
  eventId?: string;
  /** Aborted when the turn is cancelled or passes its deadline. */
  signal: AbortSignal;
};

/**
 * A tool the model may call. Its input is validated with `parameters` before `execute` runs;
 * the result (any JSON value) is given back to the model.
 *
 * Write tools with {@link defineTool}, which types `execute`'s input from `parameters`.
 */
export type Tool<TSchema extends z.ZodType = z.ZodType> = {
  description: string;
  parameters: TSchema;
  execute(input: z.infer<TSchema>, context: ToolContext): unknown | Promise<unknown>;
};

/** Tools by name. Names must match `^[a-zA-Z0-9_-]{1,64}$` (OpenAI function names). */
// biome-ignore lint/suspicious/noExplicitAny: a record of tools with differing schemas
export type Tools = Record<string, Tool<any>>;

/**
 * Defines a tool, typing `execute`'s input from its zod `parameters` (a plain object literal
 * checked against `Tools` would not: the record erases each tool's schema).
 *
 * @example
 * ```ts
 * const tools = {
 *   orderStatus: defineTool({
 *     description: 'Look up the status of an order by its number',
 *     parameters: z.object({ orderNumber: z.string() }),
 *     execute: async ({ orderNumber }) => ({ status: await orders.status(orderNumber) }),
 *   }),
 * }
 * ```
 */
export function defineTool<TSchema extends z.ZodType>(tool: Tool<TSchema>): Tool<TSchema> {
  return tool;
}
