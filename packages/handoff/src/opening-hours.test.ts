import { describe, expect, it } from 'vitest';
import { createOpeningHours } from './opening-hours';

// 2026-03-02 is a Monday.
const at = (iso: string) => new Date(iso);

describe('createOpeningHours', () => {
  it('is always open without a spec', () => {
    const open = createOpeningHours(undefined, 'Europe/Berlin');
    expect(open(at('2026-03-01T03:00:00Z'))).toBe(true);
    expect(open(at('2026-03-04T23:59:00Z'))).toBe(true);
  });

  it('opens on the days and hours given, the end excluded', () => {
    const open = createOpeningHours('Mon-Fri 09:00-17:00, Sat 10:00-14:00');
    expect(open(at('2026-03-02T08:59:00Z'))).toBe(false);
    expect(open(at('2026-03-02T09:00:00Z'))).toBe(true);
    expect(open(at('2026-03-06T16:59:00Z'))).toBe(true);
    expect(open(at('2026-03-06T17:00:00Z'))).toBe(false);
    expect(open(at('2026-03-07T09:59:00Z'))).toBe(false);
    expect(open(at('2026-03-07T10:00:00Z'))).toBe(true);
    expect(open(at('2026-03-07T14:00:00Z'))).toBe(false);
    expect(open(at('2026-03-08T12:00:00Z'))).toBe(false);
  });

  it('reads the hours on the clocks of the time zone', () => {
    const berlin = createOpeningHours('Mon-Fri 09:00-17:00', 'Europe/Berlin');
    const utc = createOpeningHours('Mon-Fri 09:00-17:00', 'UTC');
    // 08:30Z is 09:30 in Berlin (CET, +1); 16:30Z is 17:30 there.
    expect(berlin(at('2026-03-02T08:30:00Z'))).toBe(true);
    expect(utc(at('2026-03-02T08:30:00Z'))).toBe(false);
    expect(berlin(at('2026-03-02T16:30:00Z'))).toBe(false);
    expect(utc(at('2026-03-02T16:30:00Z'))).toBe(true);
  });

  it('follows daylight saving time', () => {
    const newYork = createOpeningHours('Mon-Fri 09:00-17:00', 'America/New_York');
    // 13:30Z is 09:30 EDT in July and 08:30 EST in January (both Mondays).
    expect(newYork(at('2026-07-06T13:30:00Z'))).toBe(true);
    expect(newYork(at('2026-01-05T13:30:00Z'))).toBe(false);
  });

  it('takes the weekday from the time zone too', () => {
    const auckland = createOpeningHours('Sat 10:00-14:00', 'Pacific/Auckland');
    // Friday 22:00Z is Saturday 11:00 in Auckland (NZDT, +13).
    expect(auckland(at('2026-03-06T22:00:00Z'))).toBe(true);
    expect(createOpeningHours('Sat 10:00-14:00')(at('2026-03-06T22:00:00Z'))).toBe(false);
  });

  it('reads day ranges across the end of the week', () => {
    const open = createOpeningHours('Fri-Mon 10:00-12:00');
    expect(open(at('2026-03-08T11:00:00Z'))).toBe(true); // Sunday
    expect(open(at('2026-03-02T11:00:00Z'))).toBe(true); // Monday
    expect(open(at('2026-03-04T11:00:00Z'))).toBe(false); // Wednesday
  });

  it('runs an entry past midnight into the next day, for the day it starts on', () => {
    const open = createOpeningHours('Fri 22:00-02:00');
    expect(open(at('2026-03-06T21:59:00Z'))).toBe(false); // Friday
    expect(open(at('2026-03-06T22:00:00Z'))).toBe(true);
    expect(open(at('2026-03-07T01:59:00Z'))).toBe(true); // Saturday
    expect(open(at('2026-03-07T02:00:00Z'))).toBe(false);
    expect(open(at('2026-03-05T23:00:00Z'))).toBe(false); // Thursday
    expect(open(at('2026-03-08T01:00:00Z'))).toBe(false); // Sunday: Saturday is not open
  });

  it('ends a day at 24:00 or 00:00, and reads Daily and any case', () => {
    const evening = createOpeningHours('mon 18:00-00:00');
    expect(evening(at('2026-03-02T23:59:00Z'))).toBe(true);
    expect(evening(at('2026-03-03T00:00:00Z'))).toBe(false);
    const always = createOpeningHours('Daily 00:00-24:00');
    expect(always(at('2026-03-08T00:00:00Z'))).toBe(true);
    expect(always(at('2026-03-04T23:59:00Z'))).toBe(true);
    expect(createOpeningHours('MON 9:00-17:00')(at('2026-03-02T09:00:00Z'))).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['Mon-Fri', /entry 1 \("Mon-Fri"\): expected "<days> <HH:MM>-<HH:MM>"/],
    ['Mnd 09:00-17:00', /entry 1 .*unknown day "Mnd"/],
    ['Mon-Fri 09:00-17:00, Sat 10-14', /entry 2 \("Sat 10-14"\): expected/],
    ['Mon-Fri 09:00-17:00,', /entry 2 \(""\): expected/],
    ['Mon 09:00-09:00', /same time/],
    ['Mon 09:00-25:00', /"25:00" is not a time of day/],
    ['Mon 09:60-10:00', /"09:60" is not a time of day/],
    ['Mon 24:00-02:00', /24:00 can only end/],
    ['Mon-Tue-Wed 09:00-10:00', /not a day or a range of days/],
  ])('refuses %j', (spec, message) => {
    expect(() => createOpeningHours(spec)).toThrow(message);
  });

  it('refuses an unknown time zone', () => {
    expect(() => createOpeningHours('Mon 09:00-17:00', 'Mars/Olympus')).toThrow(
      'Unknown time zone "Mars/Olympus"',
    );
    expect(() => createOpeningHours(undefined, 'Mars/Olympus')).toThrow(/Unknown time zone/);
  });
});
