import { z } from 'zod';

/** The body VoIPBin POSTs to a `fetch` action's URL (SPEC.md §2): no call id of its own. */
export const fetchRequestSchema = z.looseObject({
  activeflow_id: z.string(),
  /** The call id, for call flows. */
  reference_id: z.string(),
});
/** The body of a `fetch` request. */
export type FetchRequest = z.infer<typeof fetchRequestSchema>;

/**
 * A flow action (SPEC.md §1): `{ id, next_id, type, option }`. In `fetch` responses, `id` must
 * be a fresh non-nil UUID (VoIPBin fills none); `POST /flows` fills missing ones.
 */
export const actionSchema = z.looseObject({
  id: z.string().optional(),
  next_id: z.string().optional(),
  type: z.string(),
  option: z.record(z.string(), z.unknown()).optional(),
});
/** A flow action. */
export type VoipbinAction = z.infer<typeof actionSchema>;
