import { z } from 'zod';

/** `{ "type": "<event_type>", "data": { ... } }`: every customer webhook (SPEC.md §4). */
export const webhookEnvelopeSchema = z.object({
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});
/** A customer webhook before its `data` is parsed. */
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

/**
 * Types whose resource keeps its `data.id` across events, so the key needs what changed:
 * calls, transcribe sessions, and the updates of messages, conferences, conversations and their
 * messages.
 */
function isStateChange(type: string): boolean {
  if (type.startsWith('call_')) return true;
  if (type.startsWith('transcribe_')) return !type.startsWith('transcribe_speech');
  return (
    type === 'message_updated' ||
    type === 'conference_updated' ||
    type === 'conversation_updated' ||
    type === 'conversation_message_updated'
  );
}

/**
 * The key to drop redeliveries by (SPEC.md §7, MESSAGES.md §4): the envelope has no event id.
 * Events of one call, transcribe session or updated message/conversation share `data.id`, so
 * their key is `type|id|status|tm_update`, and a `conference_updated` adds its
 * `conferencecall_ids` (a join and a leave must never share a key); everything else (created,
 * deleted, transcripts, speech events) is `type|id`. An inbound SMS yields `message_created|<id>` and
 * `conversation_message_created|<id>`: the same id, two keys, one per event.
 *
 * @example
 * if (!(await store.claim(dedupeKey(envelope)))) return c.json({ ok: true, duplicate: true });
 */
export function dedupeKey(envelope: WebhookEnvelope): string {
  const { data, type } = envelope;
  const part = (value: unknown) => (typeof value === 'string' ? value : '');
  if (type === 'conference_updated') {
    const ids = Array.isArray(data.conferencecall_ids) ? data.conferencecall_ids.map(part) : [];
    return [type, part(data.id), part(data.status), part(data.tm_update), ids.join(',')].join('|');
  }
  if (isStateChange(type)) {
    return [type, part(data.id), part(data.status), part(data.tm_update)].join('|');
  }
  return [type, part(data.id)].join('|');
}
