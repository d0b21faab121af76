const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const minutesPerDay = 24 * 60;

/** One `<days> <from>-<to>` entry: open on `days` (0 = Sunday) from `from` to `to`, in minutes. */
type OpeningRule = { days: ReadonlySet<number>; from: number; to: number };

/**
 * Whether a person is there at a given time, by the business's opening hours.
 *
 * `spec` is a comma-separated list of `<days> <HH:MM>-<HH:MM>` entries: `days` is one day
 * (`Mon`), a range (`Mon-Fri`, also across the week's end: `Fri-Mon`) or `Daily`; day names are
 * English, three letters, any case. `24:00` ends a day. An entry whose end is earlier than its
 * start runs past midnight and belongs to the day it starts on: `Fri 22:00-02:00` is open from
 * Friday 22:00 to Saturday 02:00. Times are wall-clock times in `timeZone` (IANA, default `UTC`),
 * so daylight saving time is followed. No `spec` means always open.
 *
 * @throws Error saying which entry is wrong and why, or that the time zone is unknown.
 * @example
 * ```ts
 * const available = createOpeningHours('Mon-Fri 09:00-17:00, Sat 10:00-14:00', 'Europe/Berlin');
 * available(new Date('2026-03-02T08:30:00Z')); // Monday 09:30 in Berlin: true
 * ```
 */
export function createOpeningHours(
  spec: string | undefined,
  timeZone = 'UTC',
): (at: Date) => boolean {
  const clock = createWallClock(timeZone);
  if (spec === undefined) return () => true;
  const rules = parseOpeningHours(spec);
  return (at) => {
    const { day, minute } = clock(at);
    const yesterday = (day + 6) % 7;
    return rules.some((rule) =>
      rule.from < rule.to
        ? rule.days.has(day) && minute >= rule.from && minute < rule.to
        : (rule.days.has(day) && minute >= rule.from) ||
          (rule.days.has(yesterday) && minute < rule.to),
    );
  };
}

/** Parses `spec` (see {@link createOpeningHours}); throws an `Error` naming the bad entry. */
function parseOpeningHours(spec: string): OpeningRule[] {
  const entries = spec.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => entry === '')) {
    throw new Error('Opening hours are empty; expected e.g. "Mon-Fri 09:00-17:00"');
  }
  return entries.map((entry, index) => {
    try {
      return parseEntry(entry);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Opening hours entry ${index + 1} ("${entry}"): ${reason}`, {
        cause: error,
      });
    }
  });
}

function parseEntry(entry: string): OpeningRule {
  const match = /^(\S+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(entry);
  if (!match) throw new Error('expected "<days> <HH:MM>-<HH:MM>", e.g. "Mon-Fri 09:00-17:00"');
  const [, days = '', fromText = '', toText = ''] = match;
  const from = parseTime(fromText);
  const to = parseTime(toText);
  if (from === to) throw new Error('opens and closes at the same time');
  if (from === minutesPerDay) throw new Error('24:00 can only end an entry');
  // 24:00 is the same instant as 00:00 of the next day: keep it as a same-day end.
  return { days: parseDays(days), from, to: to === 0 && from > 0 ? minutesPerDay : to };
}

function parseDays(text: string): ReadonlySet<number> {
  if (text.toLowerCase() === 'daily') return new Set([0, 1, 2, 3, 4, 5, 6]);
  const [first = '', last, ...rest] = text.split('-');
  if (rest.length > 0) throw new Error(`"${text}" is not a day or a range of days`);
  const start = dayIndex(first);
  const end = last === undefined ? start : dayIndex(last);
  const days = new Set<number>();
  for (let day = start; ; day = (day + 1) % 7) {
    days.add(day);
    if (day === end) return days;
  }
}

function dayIndex(name: string): number {
  const index = dayNames.indexOf(name.toLowerCase() as (typeof dayNames)[number]);
  if (index === -1) throw new Error(`unknown day "${name}"; use Mon, Tue, Wed, Thu, Fri, Sat, Sun`);
  return index;
}

function parseTime(text: string): number {
  const [hours = NaN, minutes = NaN] = text.split(':').map(Number);
  const total = hours * 60 + minutes;
  if (minutes > 59 || !(total <= minutesPerDay)) throw new Error(`"${text}" is not a time of day`);
  return total;
}

/** The weekday (0 = Sunday) and minute of the day at an instant, on the clocks of `timeZone`. */
function createWallClock(timeZone: string): (at: Date) => { day: number; minute: number } {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  } catch (error) {
    throw new Error(`Unknown time zone "${timeZone}"; expected an IANA name like Europe/Berlin`, {
      cause: error,
    });
  }
  return (at) => {
    const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
    const day = dayIndex(parts.weekday ?? '');
    return { day, minute: Number(parts.hour) * 60 + Number(parts.minute) };
  };
}

/** Whether `timeZone` is an IANA time zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
