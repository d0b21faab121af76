import type { z } from 'zod';

/** What a tool's `execute` receives besides its input. */
export type ToolContext = {
  conversationId: string;
  channel: string;
  /** Aborted when the turn is cancelled or passes its deadline. */
  signal: AbortSignal;
};

/**
 * A tool the model may call. Its input is validated with `parameters` before `execute` runs;
 * the result (any JSON value) is given back to the model.
 *
 * @example
 * ```ts
 * const tools = {
 *   orderStatus: {
 *     description: 'Look up the status of an order by its number',
 *     parameters: z.object({ orderNumber: z.string() }),
 *     execute: async ({ orderNumber }) => ({ status: await orders.status(orderNumber) }),
 *   },
 * } satisfies Tools
 * ```
 */
export type Tool<TSchema extends z.ZodType = z.ZodType> = {
  description: string;
  parameters: TSchema;
  execute(input: z.infer<TSchema>, context: ToolContext): unknown | Promise<unknown>;
};

/** Tools by name. Names must match `^[a-zA-Z0-9_-]{1,64}$` (OpenAI function names). */
// biome-ignore lint/suspicious/noExplicitAny: a record of tools with differing schemas
export type Tools = Record<string, Tool<any>>;
