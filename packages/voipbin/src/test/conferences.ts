import { randomUUID } from 'node:crypto';
import { nilUuid } from '../wire';
import type { Background } from './background';
import { type Envelope, goTime } from './events';
import type { SimulatedConference, SimulatorState } from './state';

/** Body of `POST /conferences`, as read. */
export type ConferenceCreate = {
  id?: string;
  type: string;
  name: string;
  detail: string;
  timeout: number;
  data: Record<string, unknown>;
  pre_flow_id: string;
  post_flow_id: string;
};

/** A call in a conference. */
export type Participation = {
  readonly conferenceId: string;
  /** Resolves once the call is out: `kicked` (the conference was deleted) or `left` (hung up). */
  readonly out: Promise<'kicked' | 'left'>;
  /** The call leaves (it hung up): `conference_updated`. Resolves once delivered. */
  leave(): Promise<void>;
};

/** The account's conferences (HANDOFF.md §1.2), their webhooks and participants. */
export type Conferences = {
  /** `conference_created`; undefined when the id is taken. */
  create(input: ConferenceCreate): SimulatedConference | undefined;
  /**
   * Deletes: `terminating` (`conference_updated`), every participant kicked (one
   * `conference_updated` each), then `terminated` (`conference_deleted`). Deleting again changes
   * nothing. Undefined when unknown.
   */
  remove(conferenceId: string): SimulatedConference | undefined;
  /**
   * A call joins (`conference_updated`), right after `announce(confbridgeId)` posted the call's
   * own update; undefined when the conference is unknown or not `progressing`.
   */
  join(conferenceId: string, announce?: (confbridgeId: string) => void): Participation | undefined;
  /** Stops the auto-delete timers. */
  close(): void;
};

/** What a webhook carries: Go's `omitempty` drops empty strings, lists, maps and zeros. */
function webhookData(conference: SimulatedConference): Record<string, unknown> {
  const isEmpty = (value: unknown) =>
    value === '' ||
    value === 0 ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
  return Object.fromEntries(
    Object.entries(structuredClone(conference)).filter(([, value]) => !isEmpty(value)),
  );
}

/** Conferences on `state`, their webhooks posted in order through `background`. */
export function createConferences(options: {
  state: SimulatorState;
  background: Background;
  clock: () => Date;
  /** A conference or its participants changed (wakes `waitUntil`). */
  changed: () => void;
}): Conferences {
  const { state, background, clock, changed } = options;
  const members = new Map<string, Map<string, { kick: () => void }>>();
  const confbridges = new Map<string, string>();
  const timers = new Map<string, NodeJS.Timeout>();

  const publish = (conference: SimulatedConference, type: string) => {
    conference.tm_update = goTime(clock());
    changed();
    const envelope: Envelope = { type, data: webhookData(conference) };
    return background.post([envelope]);
  };

  function remove(conferenceId: string): SimulatedConference | undefined {
    const conference = state.conferences.get(conferenceId);
    if (conference?.status !== 'progressing') return conference;
    clearTimeout(timers.get(conferenceId));
    conference.status = 'terminating';
    void publish(conference, 'conference_updated');
    const inside = members.get(conferenceId);
    for (const [conferencecallId, member] of [...(inside ?? [])]) {
      inside?.delete(conferencecallId);
      conference.conferencecall_ids = conference.conferencecall_ids.filter(
        (id) => id !== conferencecallId,
      );
      void publish(conference, 'conference_updated');
      member.kick();
    }
    conference.status = 'terminated';
    conference.tm_end = conference.tm_delete = goTime(clock());
    void publish(conference, 'conference_deleted');
    return conference;
  }

  return {
    create(input) {
      const id = input.id || randomUUID();
      if (state.conferences.has(id)) return undefined;
      const now = goTime(clock());
      // As VoIPBin: a timeout of 1–59 s becomes a day; any timeout schedules a delete.
      const timeout = input.timeout > 0 && input.timeout < 60 ? 86_400 : input.timeout;
      const conference: SimulatedConference = {
        id,
        customer_id: state.customer.id,
        type: input.type,
        status: 'progressing',
        name: input.name,
        detail: input.detail,
        data: input.data,
        timeout,
        pre_flow_id: input.pre_flow_id || nilUuid,
        post_flow_id: input.post_flow_id || nilUuid,
        conferencecall_ids: [],
        recording_id: nilUuid,
        recording_ids: [],
        transcribe_id: nilUuid,
        transcribe_ids: [],
        tm_end: null,
        tm_create: now,
        tm_update: now,
        tm_delete: null,
      };
      state.conferences.set(id, conference);
      members.set(id, new Map());
      confbridges.set(id, randomUUID());
      if (timeout > 0) timers.set(id, setTimeout(() => remove(id), timeout * 1000).unref());
      void publish(conference, 'conference_created');
      return conference;
    },
    remove,
    join(conferenceId, announce) {
      const conference = state.conferences.get(conferenceId);
      const inside = members.get(conferenceId);
      if (conference?.status !== 'progressing' || !inside) return undefined;
      announce?.(confbridges.get(conferenceId) ?? nilUuid);
      const conferencecallId = randomUUID();
      let settle: (how: 'kicked' | 'left') => void = () => {};
      const out = new Promise<'kicked' | 'left'>((resolve) => {
        settle = resolve;
      });
      inside.set(conferencecallId, { kick: () => settle('kicked') });
      conference.conferencecall_ids = [...conference.conferencecall_ids, conferencecallId];
      void publish(conference, 'conference_updated');
      return {
        conferenceId,
        out,
        async leave() {
          if (!inside.delete(conferencecallId)) return;
          conference.conferencecall_ids = conference.conferencecall_ids.filter(
            (id) => id !== conferencecallId,
          );
          settle('left');
          await publish(conference, 'conference_updated');
        },
      };
    },
    close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
