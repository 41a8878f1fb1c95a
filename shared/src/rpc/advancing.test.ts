import { describe, expect, it } from 'vitest';
import {
  AdvancingPatch,
  advancingContract,
  advancingSummary,
  NewGuest,
  showDayMinutes,
  sortSchedule,
} from './advancing';
import { rpcContract } from './contract';

describe('advancing RPC', () => {
  it('is in the contract', () => {
    for (const m of Object.keys(advancingContract)) expect(Object.keys(rpcContract)).toContain(m);
  });

  it('validates patches and guests', () => {
    expect(AdvancingPatch.safeParse({ schedule: [{ time: '18:30', label: 'Doors' }] }).success).toBe(true);
    expect(AdvancingPatch.safeParse({ schedule: [{ time: '7:30', label: 'x' }] }).success).toBe(false);
    expect(AdvancingPatch.safeParse({ schedule: [{ time: '07:30', label: ' ' }] }).success).toBe(false);
    expect(AdvancingPatch.safeParse({ guarantee: 1 }).success).toBe(false);
    expect(NewGuest.safeParse({ name: 'Léa', plusOnes: 2, note: '' }).success).toBe(true);
    expect(NewGuest.safeParse({ name: 'Léa', plusOnes: -1, note: '' }).success).toBe(false);
    const book = advancingContract['advancing.tourBookPdf'].params;
    const base = { artistId: 'a', lang: 'fr', path: '/tmp/x.pdf' };
    expect(book.safeParse({ ...base, from: '2026-01-02', to: '2026-01-01' }).success).toBe(false);
    expect(book.safeParse({ ...base, from: '2026-01-01', to: '2026-01-01' }).success).toBe(true);
    expect(book.safeParse({ ...base, from: '2026-01-01', to: '2026-01-01', path: 'x.pdf' }).success).toBe(
      false,
    );
  });

  it('sorts a show day: after midnight belongs to the night before; ties keep their order', () => {
    expect(showDayMinutes('06:00')).toBe(360);
    expect(showDayMinutes('01:00')).toBe(25 * 60);
    const day = sortSchedule([
      { time: '01:00', label: 'Curfew' },
      { time: '21:00', label: 'Set A' },
      { time: '14:00', label: 'Load-in' },
      { time: '21:00', label: 'Set B' },
    ]);
    expect(day.map((s) => s.label)).toEqual(['Load-in', 'Set A', 'Set B', 'Curfew']);
  });

  it('summarises what is filled in', () => {
    expect(
      advancingSummary({
        schedule: [{ time: '10:00', label: 'x' }],
        production: '  ',
        hospitality: 'Dinner',
        dayContactIds: ['c1'],
        guestList: [
          { id: 'g1', name: 'A', plusOnes: 2, note: '' },
          { id: 'g2', name: 'B', plusOnes: 0, note: '' },
        ],
      }),
    ).toEqual({ schedule: 1, production: false, hospitality: true, contacts: 1, guests: 2, guestHeads: 4 });
  });
});
