import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dedupeKey, type WebhookEnvelope, webhookEnvelopeSchema } from './envelope';
import { parseEvent } from './event-data';

const fixture = (name: string): WebhookEnvelope =>
  webhookEnvelopeSchema.parse(
    JSON.parse(readFileSync(new URL(`../__fixtures__/${name}.json`, import.meta.url), 'utf8')),
  );

describe('conference events (HANDOFF.md §1.2)', () => {
  it('reads a conference with two participants', () => {
    const parsed = parseEvent(fixture('conference_updated'));
    if (parsed.kind !== 'event' || parsed.type !== 'conference_updated') throw new Error('kind');
    expect(parsed.data).toMatchObject({ type: 'conference', status: 'progressing', timeout: 7200 });
    expect(parsed.data.conferencecall_ids).toHaveLength(2);
  });

  it('reads Go omitempty: no participant (the field left out or null) is an empty list', () => {
    const { conferencecall_ids: _ids, ...rest } = fixture('conference_updated').data;
    for (const data of [rest, { ...rest, conferencecall_ids: null }]) {
      const parsed = parseEvent({ type: 'conference_created', data });
      if (parsed.kind !== 'event' || parsed.type !== 'conference_created') throw new Error('kind');
      expect(parsed.data.conferencecall_ids).toEqual([]);
    }
    const deleted = parseEvent({
      type: 'conference_deleted',
      data: { ...rest, status: 'terminated', tm_delete: '2026-08-22T10:20:00.000001Z' },
    });
    expect(deleted).toMatchObject({ kind: 'event', data: { status: 'terminated' } });
  });

  it('refuses a conference with no status or an unknown one', () => {
    const { status: _status, ...rest } = fixture('conference_updated').data;
    expect(parseEvent({ type: 'conference_updated', data: rest }).kind).toBe('invalid');
    const odd = { ...rest, status: 'paused' };
    expect(parseEvent({ type: 'conference_updated', data: odd }).kind).toBe('invalid');
  });

  it('keys a conference_updated on its participants too: a join and a leave never collide', () => {
    const joined = fixture('conference_updated');
    const ids = joined.data.conferencecall_ids as string[];
    const left = { ...joined, data: { ...joined.data, conferencecall_ids: ids.slice(0, 1) } };
    expect(dedupeKey(joined)).toBe(
      `conference_updated|${joined.data.id}|progressing|2026-08-22T10:17:02.118406Z|${ids.join(',')}`,
    );
    expect(dedupeKey(left)).not.toBe(dedupeKey(joined));
    expect(dedupeKey(structuredClone(joined))).toBe(dedupeKey(joined));
    const deleted = { type: 'conference_deleted', data: joined.data };
    expect(dedupeKey(deleted)).toBe(`conference_deleted|${joined.data.id}`);
  });
});

describe('a dialed leg (HANDOFF.md §1.3)', () => {
  it('reads a leg that never answered: outgoing, noanswer, no tm_progressing', () => {
    const parsed = parseEvent(fixture('call_hangup_noanswer'));
    if (parsed.kind !== 'event' || parsed.type !== 'call_hangup') throw new Error('kind');
    expect(parsed.data).toMatchObject({
      direction: 'outgoing',
      hangup_by: 'remote',
      hangup_reason: 'noanswer',
      action: { id: '00000000-0000-0000-0000-000000000001' },
    });
    expect(parsed.data.tm_progressing == null).toBe(true);
  });

  it('reads the current action, and never fails a call event over an odd one', () => {
    const data = fixture('call_hangup_noanswer').data;
    const bridged = { ...data, action: { id: 'a1', type: 'confbridge_join', option: { x: 1 } } };
    expect(parseEvent({ type: 'call_updated', data: bridged })).toMatchObject({
      kind: 'event',
      data: { action: { type: 'confbridge_join' } },
    });
    const odd = parseEvent({ type: 'call_updated', data: { ...data, action: 'confbridge_join' } });
    expect(odd).toMatchObject({ kind: 'event', data: { status: 'hangup' } });
    if (odd.kind === 'event' && odd.type === 'call_updated')
      expect(odd.data.action).toBeUndefined();
  });
});
