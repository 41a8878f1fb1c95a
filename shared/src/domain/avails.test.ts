import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AvailBlock,
  type AvailDeal,
  addDays,
  availRanges,
  availSummary,
  computeAvails,
  datesBetween,
  dayNumber,
  eventDays,
  weekday,
} from './avails';
import { availsText, formatDay, formatRange, groupedRanges, groupKey } from './avails-text';
import { DealStage } from './enums';
import { FIRM_STAGES } from './stages';

describe('avails', () => {
  it('dates, weekdays and event days', () => {
    expect(datesBetween('2027-02-27', '2027-03-02')).toEqual([
      '2027-02-27',
      '2027-02-28',
      '2027-03-01',
      '2027-03-02',
    ]);
    expect(datesBetween('2027-03-02', '2027-03-01')).toEqual([]);
    expect(weekday('2027-03-01')).toBe(0); // a Monday
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    // All-day: 00:00Z to 00:00Z the next day is one day.
    expect(
      eventDays({ start: '2027-03-04T00:00:00.000Z', end: '2027-03-05T00:00:00.000Z', allDay: true }),
    ).toEqual({ from: '2027-03-04', to: '2027-03-04' });
    // Timed, Paris time: 23:30Z on the 4th is already the 5th in Paris (winter, UTC+1).
    expect(
      eventDays({ start: '2027-03-04T23:30:00.000Z', end: '2027-03-05T01:00:00.000Z', allDay: false }),
    ).toEqual({ from: '2027-03-05', to: '2027-03-05' });
    expect(
      eventDays({ start: '2027-03-04T20:00:00.000Z', end: '2027-03-04T23:30:00.000Z', allDay: false }),
    ).toEqual({ from: '2027-03-04', to: '2027-03-05' });
  });

  it('ranks a day booked > day off > travel > held > open', () => {
    const deals: AvailDeal[] = [
      { date: '2027-03-02', stage: 'confirmed', holdLevel: null },
      { date: '2027-03-03', stage: 'hold', holdLevel: 2 },
      { date: '2027-03-03', stage: 'hold', holdLevel: 1 },
      { date: '2027-03-04', stage: 'request', holdLevel: null },
      { date: '2027-03-05', stage: 'released', holdLevel: null },
      { date: '2027-03-06', stage: 'offer', holdLevel: null },
    ];
    const blocks: AvailBlock[] = [
      { kind: 'travel', from: '2027-03-02', to: '2027-03-02' },
      { kind: 'day_off', from: '2027-03-07', to: '2027-03-08' },
      { kind: 'travel', from: '2027-03-08', to: '2027-03-09' },
      { kind: 'promo', from: '2027-03-10', to: '2027-03-10' },
    ];
    const days = computeAvails('2027-03-01', '2027-03-10', deals, blocks);
    expect(
      days.map((d) => `${d.date.slice(8)}:${d.status}${d.holds.length ? d.holds.join('') : ''}`),
    ).toEqual([
      '01:open',
      '02:booked',
      '03:held12',
      '04:open',
      '05:open',
      '06:booked',
      '07:day_off',
      '08:day_off',
      '09:travel',
      '10:open',
    ]);
    expect(availSummary(days)).toEqual({ open: 4, held: 1, booked: 2, day_off: 2, travel: 1 });
    expect(availRanges(days)).toEqual([
      { from: '2027-03-01', to: '2027-03-01', days: 1 },
      { from: '2027-03-04', to: '2027-03-05', days: 2 },
      { from: '2027-03-10', to: '2027-03-10', days: 1 },
    ]);
  });

  const dateIn = fc.integer({ min: 0, max: 59 }).map((n) => addDays('2027-03-01', n));
  const deal = fc.record({
    date: dateIn,
    stage: fc.constantFrom(...DealStage.options),
    holdLevel: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  });
  const block = fc
    .record({
      kind: fc.constantFrom('travel', 'day_off', 'promo', 'rehearsal', 'show', 'hold' as const),
      from: dateIn,
      length: fc.integer({ min: 0, max: 3 }),
    })
    .map((b) => ({ kind: b.kind, from: b.from, to: addDays(b.from, b.length) }));

  it('property: one day per date in order; a firm date is never open; open ranges cover exactly the open days', () => {
    fc.assert(
      fc.property(
        fc.array(deal, { maxLength: 40 }),
        fc.array(block, { maxLength: 20 }),
        dateIn,
        fc.integer({ min: 0, max: 40 }),
        (deals, blocks, from, len) => {
          const to = addDays(from, len);
          const days = computeAvails(from, to, deals, blocks);
          expect(days.map((d) => d.date)).toEqual(datesBetween(from, to));
          const firm = new Set(deals.filter((d) => FIRM_STAGES.has(d.stage)).map((d) => d.date));
          for (const d of days) {
            if (firm.has(d.date)) expect(d.status).toBe('booked');
            if (d.status === 'held') expect(d.holds.length).toBeGreaterThan(0);
          }
          const ranges = availRanges(days);
          const covered = ranges.flatMap((r) => datesBetween(r.from, r.to));
          expect(covered).toEqual(days.filter((d) => d.status === 'open').map((d) => d.date));
          for (let i = 1; i < ranges.length; i++) {
            // Maximal runs: two ranges never touch.
            const prev = ranges[i - 1];
            const cur = ranges[i];
            if (prev && cur) expect(dayNumber(cur.from) - dayNumber(prev.to)).toBeGreaterThan(1);
          }
          // Grouping only cuts ranges: the same open days, each group inside one week.
          for (const g of groupedRanges(days, 'week')) {
            for (const r of g.ranges) expect(groupKey(r.to, 'week')).toBe(g.key);
          }
          const grouped = groupedRanges(days, 'month').flatMap((g) =>
            g.ranges.flatMap((r) => datesBetween(r.from, r.to)),
          );
          expect(grouped).toEqual(covered);
        },
      ),
    );
  });
});

describe('avails text', () => {
  it('formats days and ranges in French and English', () => {
    expect(formatDay('2027-03-02', 'fr')).toBe('mar. 2 mars');
    expect(formatDay('2027-03-01', 'fr')).toBe('lun. 1er mars');
    expect(formatRange({ from: '2027-03-02', to: '2027-03-04' }, 'fr')).toBe('mar. 2 – jeu. 4 mars');
    expect(formatRange({ from: '2027-03-02', to: '2027-03-04' }, 'en')).toBe('Tue 2 – Thu 4 March');
    expect(formatRange({ from: '2027-02-27', to: '2027-03-01' }, 'fr')).toBe(
      'sam. 27 février – lun. 1er mars',
    );
    expect(formatRange({ from: '2027-12-31', to: '2028-01-01' }, 'en')).toBe(
      'Fri 31 December 2027 – Sat 1 January 2028',
    );
  });

  it('writes the pitch text grouped by month or week, with held dates when asked', () => {
    const days = computeAvails(
      '2027-03-01',
      '2027-04-04',
      [
        { date: '2027-03-05', stage: 'confirmed', holdLevel: null },
        { date: '2027-03-06', stage: 'hold', holdLevel: 1 },
      ],
      [{ kind: 'day_off', from: '2027-03-10', to: '2027-03-31' }],
    );
    const fr = availsText(days, {
      lang: 'fr',
      group: 'month',
      artistName: 'Zaz',
      from: '2027-03-01',
      to: '2027-04-04',
      includeHeld: true,
    });
    expect(fr).toBe(
      [
        'Disponibilités — Zaz',
        'Du 1er mars 2027 au 4 avril 2027 · 11 dates libres',
        '',
        'Mars 2027',
        '- lun. 1er – jeu. 4 mars',
        '- dim. 7 – mar. 9 mars',
        '',
        'Avril 2027',
        '- jeu. 1er – dim. 4 avril',
        '',
        'Dates en option (une option suivante reste possible)',
        '- sam. 6 mars : en option (1re)',
        '',
      ].join('\n'),
    );
    const en = availsText(days, {
      lang: 'en',
      group: 'week',
      artistName: 'Zaz',
      from: '2027-03-01',
      to: '2027-03-14',
    });
    expect(en).toContain(
      'Week of Mon 1 March\n- Mon 1 – Thu 4 March\n- Sun 7 March\n\nWeek of Mon 8 March\n- Mon 8 – Tue 9 March',
    );
    expect(en).not.toContain('on hold');
    const none = availsText(
      computeAvails(
        '2027-03-05',
        '2027-03-05',
        [{ date: '2027-03-05', stage: 'offer', holdLevel: null }],
        [],
      ),
      {
        lang: 'en',
        group: 'month',
        artistName: 'Zaz',
        from: '2027-03-05',
        to: '2027-03-05',
      },
    );
    expect(none).toContain('0 open dates');
    expect(none).toContain('No open date in this period.');
  });
});
