import type { CalendarItem, MoveIssue } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  artistColour,
  defaultPeriod,
  filterItems,
  holdErrorKey,
  issueText,
  itemLabel,
  monthGrid,
  periodOk,
  toEventInput,
} from './logic';
import { type CalKey, calendarMessages } from './messages';

const t = (key: CalKey, vars?: Record<string, string | number>) =>
  calendarMessages.en[key].replace(/\{(\w+)\}/g, (m, n: string) => (vars && n in vars ? String(vars[n]) : m));

const item = (over: Partial<CalendarItem>): CalendarItem => ({
  id: 'd1',
  kind: 'hold',
  dealId: 'd1',
  artistId: 'a1',
  artistName: 'Zaz',
  title: "L'Olympia",
  city: 'Paris',
  date: '2027-03-03',
  endDate: '2027-03-03',
  start: null,
  end: null,
  stage: 'hold',
  holdLevel: 2,
  holdExpiresAt: null,
  ...over,
});

describe('calendar logic', () => {
  it('makes only holds draggable, all-day items end the next day, timed items keep their times', () => {
    const hold = toEventInput(item({}), false);
    expect(hold).toMatchObject({ start: '2027-03-03', end: '2027-03-04', allDay: true, startEditable: true });
    expect(hold.className).toBe('cal-ev cal-ev-hold');
    const show = toEventInput(
      item({ id: 's', kind: 'show', start: '2027-03-05T20:00:00.000Z', end: '2027-03-05T21:30:00.000Z' }),
      false,
    );
    expect(show).toMatchObject({ allDay: false, startEditable: false, end: '2027-03-05T21:30:00.000Z' });
    const off = toEventInput(item({ kind: 'day_off', dealId: null, endDate: '2027-03-05' }), false);
    expect(off).toMatchObject({ end: '2027-03-06', startEditable: false });
    // Roster mode: the artist's colour, stable.
    expect(toEventInput(item({}), true).color).toBe(artistColour('a1'));
    expect(artistColour('a1')).toBe(artistColour('a1'));
  });

  it('labels, filters and explains move issues', () => {
    expect(itemLabel(item({}), true, t)).toBe("H2 · Zaz — L'Olympia, Paris");
    expect(itemLabel(item({ kind: 'show', holdLevel: null }), false, t)).toBe("L'Olympia, Paris");
    expect(filterItems([item({}), item({ kind: 'travel' })], new Set(['travel'])).map((i) => i.kind)).toEqual(
      ['travel'],
    );
    const issue: MoveIssue = {
      code: 'date_taken',
      otherId: 's1',
      otherLabel: 'La Cigale',
      otherDate: '2027-03-05',
      distanceKm: null,
      daysApart: null,
      level: null,
    };
    expect(issueText(issue, t, (d) => d)).toBe(
      'the artist already has a firm deal that day (La Cigale, 2027-03-05).',
    );
    expect(issueText({ ...issue, code: 'radius', distanceKm: 2, daysApart: -7 }, t, (d) => d)).toBe(
      'radius clause: La Cigale, 2 km away, 7 days from the show.',
    );
    expect(holdErrorKey('hold_date_taken')).toBe('error.hold_date_taken');
    expect(holdErrorKey('hold_bad_time')).toBe('error.hold');
    expect(holdErrorKey('not_found')).toBeNull();
  });

  it('periods and month grids', () => {
    expect(defaultPeriod('2026-11-24')).toEqual({ from: '2026-11-24', to: '2027-02-23' });
    expect(periodOk('2027-01-01', '2027-12-31', 366)).toBe(true);
    expect(periodOk('2027-01-01', '2028-01-02', 366)).toBe(false);
    expect(periodOk('2027-02-01', '2027-01-01', 366)).toBe(false);
    expect(periodOk('', '2027-01-01', 366)).toBe(false);
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    const march = monthGrid('2027-03'); // 1 March 2027 is a Monday
    expect(march[0]?.[0]).toBe('2027-03-01');
    expect(march.every((w) => w.length === 7)).toBe(true);
    expect(march.flat().filter(Boolean)).toHaveLength(31);
    const feb = monthGrid('2026-02'); // 1 February 2026 is a Sunday
    expect(feb[0]?.slice(0, 7)).toEqual([null, null, null, null, null, null, '2026-02-01']);
  });
});
