import { z } from 'zod';

/**
 * Building blocks of VoIPBin's JSON, shared by event and REST schemas. VoIPBin is written in Go:
 * unset UUIDs are all zeros, empty addresses are `{}`, times are RFC 3339 or `null` (SPEC.md §4).
 */

/** Go emits unset UUIDs as all zeros; treat them as absent. */
export const nilUuid = '00000000-0000-0000-0000-000000000000';

/** True for `undefined`, `''` and {@link nilUuid}: an id that names nothing. */
export function isNilId(value: string | null | undefined): boolean {
  return !value || value === nilUuid;
}

/** A non-empty id (a UUID in practice; not checked, VoIPBin's own fakes are not always UUIDs). */
export const idSchema = z.string().min(1);

/** Go `time.Time` (RFC 3339) or the older `YYYY-MM-DD hh:mm:ss` form; null/missing means unset. */
export const timestampSchema = z.string().nullish();

/**
 * A {@link timestampSchema} value in epoch ms; `undefined` when unset or unreadable.
 *
 * @example
 * timeOf('2026-08-22T10:15:30.481223Z') // 1787393730481
 */
export function timeOf(value: unknown): number | undefined {
  const time = typeof value === 'string' ? Date.parse(value.replace(' ', 'T')) : Number.NaN;
  return Number.isNaN(time) ? undefined : time;
}

/**
 * An Address (`bin-common-handler/models/address`): `{type, target, target_name, name, detail}`,
 * every field `omitempty`, so an empty one is `{}`. `type` is e.g. `tel`, `sip`, `agent`, `webchat`.
 */
export const addressSchema = z.looseObject({
  type: z.string().optional(),
  target: z.string().optional(),
  target_name: z.string().optional(),
  name: z.string().optional(),
  detail: z.string().optional(),
});
/** A VoIPBin Address, as received. */
export type VoipbinAddress = z.infer<typeof addressSchema>;

/** An Address as we send it: `type` and `target` at least, e.g. `{ type: 'tel', target: '+1555…' }`. */
export type AddressInput = {
  type: string;
  target: string;
  target_name?: string;
  name?: string;
  detail?: string;
};
