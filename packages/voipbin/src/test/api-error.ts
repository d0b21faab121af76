import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';

/** Status codes the simulated API answers with. */
export type ApiErrorStatus = 400 | 401 | 404 | 409 | 500 | 503;

/** VoIPBin's error envelope: `{"error":{"status","reason","message","request_id"}}` (SPEC.md §5). */
export const apiError = (c: Context, status: ApiErrorStatus, message: string) =>
  c.json({ error: { status, reason: 'simulated', message, request_id: randomUUID() } }, status);

const badJson = Symbol('bad JSON');

/** The JSON body as an object, or undefined when it is not JSON or not an object. */
export async function readObject(c: Context): Promise<Record<string, unknown> | undefined> {
  const body: unknown = await c.req.json().catch(() => badJson);
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}
