import type { AdvancingDetail } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import {
  completeness,
  type Draft,
  dirtyFields,
  draftOf,
  moveRow,
  parseTime,
  patchOf,
  pdfFileName,
  rebase,
  scheduleErrors,
} from './logic';

const base: Draft = {
  schedule: [{ time: '20:00', label: 'Doors' }],
  production: 'PA',
  hospitality: '',
  dayContactIds: [],
};

describe('advancing logic', () => {
  it('reads times as bookers type them', () => {
    expect(parseTime('9:30')).toBe('09:30');
    expect(parseTime('0930')).toBe('09:30');
    expect(parseTime('21h30')).toBe('21:30');
    expect(parseTime('21h')).toBe('21:00');
    expect(parseTime(' 21.05 ')).toBe('21:05');
    expect(parseTime('7')).toBe('07:00');
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('12:60')).toBeNull();
    expect(parseTime('soon')).toBeNull();
    expect(parseTime('')).toBeNull();
  });

  it('flags bad schedule rows and moves rows', () => {
    const errors = scheduleErrors([
      { time: '20:00', label: 'Doors' },
      { time: '8', label: ' ' },
    ]);
    expect([...errors]).toEqual([[1, { time: true, label: true }]]);
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('patches only the dirty, valid fields; a bad schedule row waits', () => {
    const draft: Draft = { ...base, production: 'PA + lights', schedule: [{ time: '25:00', label: 'x' }] };
    expect(dirtyFields(draft, base)).toEqual(['schedule', 'production']);
    expect(patchOf(draft, base).patch).toEqual({ production: 'PA + lights' });
    const ok: Draft = { ...base, schedule: [{ time: '19:00', label: ' Doors ' }] };
    expect(patchOf(ok, base).patch).toEqual({ schedule: [{ time: '19:00', label: 'Doors' }] });
  });

  it('never drops an edit when the server state moves', () => {
    // The user changed production; a sync brings a new hospitality and a new production.
    const draft: Draft = { ...base, production: 'mine' };
    const next: Draft = { ...base, production: 'theirs', hospitality: 'Dinner' };
    expect(rebase(draft, base, next)).toEqual({ ...base, production: 'mine', hospitality: 'Dinner' });
    // After a save of production, typing continued: the newer text stays.
    const typing: Draft = { ...base, production: 'mine, more' };
    const saved: Draft = { ...base, production: 'mine' };
    expect(rebase(typing, { ...base, production: 'mine' }, saved).production).toBe('mine, more');
  });

  it('counts completeness, builds drafts and file names', () => {
    expect(
      completeness({
        schedule: 2,
        production: true,
        hospitality: false,
        contacts: 0,
        guests: 3,
        guestHeads: 4,
      }),
    ).toBe(3);
    const d = {
      deal: { schedule: [{ time: '10:00', label: 'x' }], production: 'p' },
      dayContacts: [{ id: 'c1' }],
    } as unknown as AdvancingDetail;
    expect(draftOf(d)).toEqual({
      schedule: [{ time: '10:00', label: 'x' }],
      production: 'p',
      hospitality: '',
      dayContactIds: ['c1'],
    });
    expect(pdfFileName('Day sheet', 'AC/DC: live', '2026-12-05')).toBe(
      'Day sheet - AC-DC- live - 2026-12-05.pdf',
    );
  });
});
