/** Pure helpers of the advancing screen: time entry, schedule rows, drafts, file names. */
import type {
  AdvancingDetail,
  AdvancingPatch,
  AdvancingSummary,
  DayContact,
  ScheduleItem,
} from '@flowstage/shared';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What a booker types as a time, as HH:MM: "9:30", "0930", "21h30", "21h", "21.30" → "21:30".
 * Null when it is not a time of day.
 */
export function parseTime(input: string): string | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, '');
  let h: string | undefined;
  let min: string | undefined;
  const split = /^(\d{1,2})[:h.](\d{2})$/.exec(text);
  const hour = /^(\d{1,2})h?$/.exec(text);
  const packed = /^(\d{3,4})$/.exec(text);
  if (split) [, h, min] = split;
  else if (hour) [h, min] = [hour[1], '00'];
  else if (packed) [h, min] = [text.slice(0, -2), text.slice(-2)];
  if (h === undefined || min === undefined) return null;
  const out = `${h.padStart(2, '0')}:${min}`;
  return HHMM.test(out) ? out : null;
}

export interface RowError {
  time?: boolean;
  label?: boolean;
}

/** Errors of schedule rows being typed (index → what is wrong); empty when all are valid. */
export function scheduleErrors(rows: readonly ScheduleItem[]): Map<number, RowError> {
  const errors = new Map<number, RowError>();
  rows.forEach((r, i) => {
    const e: RowError = {};
    if (!HHMM.test(r.time)) e.time = true;
    if (!r.label.trim()) e.label = true;
    if (e.time || e.label) errors.set(i, e);
  });
  return errors;
}

/** Move a row up (-1) or down (+1); the same array when it cannot move. */
export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  const [row] = next.splice(index, 1);
  next.splice(to, 0, row as T);
  return next;
}

/** The usual rows of a show day, offered when the schedule is empty. */
export const SCHEDULE_TEMPLATE = {
  en: [
    { time: '14:00', label: 'Load-in' },
    { time: '16:30', label: 'Soundcheck' },
    { time: '19:30', label: 'Doors' },
    { time: '21:00', label: 'Set' },
    { time: '23:30', label: 'Curfew' },
  ],
  fr: [
    { time: '14:00', label: 'Arrivée / déchargement' },
    { time: '16:30', label: 'Balances' },
    { time: '19:30', label: 'Ouverture des portes' },
    { time: '21:00', label: 'Concert' },
    { time: '23:30', label: 'Couvre-feu' },
  ],
} as const satisfies Record<'en' | 'fr', readonly ScheduleItem[]>;

/** The editable part of a show's advancing, as the editor holds it. */
export interface Draft {
  schedule: ScheduleItem[];
  production: string;
  hospitality: string;
  dayContactIds: string[];
}
export type DraftField = keyof Draft;
export const DRAFT_FIELDS: readonly DraftField[] = ['schedule', 'production', 'hospitality', 'dayContactIds'];

export function draftOf(d: AdvancingDetail): Draft {
  return {
    schedule: (d.deal.schedule ?? []).map((s) => ({ ...s })),
    production: d.deal.production ?? '',
    hospitality: d.deal.hospitality ?? '',
    dayContactIds: d.dayContacts.map((c) => c.id),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields of `draft` that differ from `saved`. */
export function dirtyFields(draft: Draft, saved: Draft): DraftField[] {
  return DRAFT_FIELDS.filter((f) => !same(draft[f], saved[f]));
}

/**
 * The draft after the server's state moved from `reference` to `next`: a field the user
 * has not changed since `reference` takes the new value; a changed one keeps the user's
 * value (an edit is never dropped by a save answer or a sync).
 */
export function rebase(draft: Draft, reference: Draft, next: Draft): Draft {
  const out = { ...draft };
  for (const f of DRAFT_FIELDS) {
    if (same(draft[f], reference[f])) (out as Record<DraftField, unknown>)[f] = next[f];
  }
  return out;
}

/**
 * The patch for the dirty fields that are valid now (a schedule with a bad row waits), with
 * times normalised and labels trimmed.
 */
export function patchOf(draft: Draft, saved: Draft): { patch: AdvancingPatch; sent: Partial<Draft> } {
  const patch: AdvancingPatch = {};
  for (const f of dirtyFields(draft, saved)) {
    if (f === 'schedule') {
      if (scheduleErrors(draft.schedule).size > 0) continue;
      patch.schedule = draft.schedule.map((s) => ({ time: s.time, label: s.label.trim() }));
    } else if (f === 'dayContactIds') patch.dayContactIds = [...draft.dayContactIds];
    else patch[f] = draft[f];
  }
  return { patch, sent: { ...(patch as Partial<Draft>) } };
}

/** How many of the five parts of a day sheet are filled in. */
export function completeness(s: AdvancingSummary): number {
  return [s.schedule > 0, s.production, s.hospitality, s.contacts > 0, s.guests > 0].filter(Boolean).length;
}

export function contactName(c: Pick<DayContact, 'firstName' | 'lastName' | 'company'>): string {
  return `${c.firstName} ${c.lastName}`.trim() || c.company;
}

/** A file name the export dialog accepts: "Feuille de route - Zaz - 2026-12-05.pdf". */
export function pdfFileName(kind: string, artist: string, period: string): string {
  const safe = `${kind} - ${artist} - ${period}`.replace(/[/\\:*?"<>|\0]+/g, '-').replace(/\s+/g, ' ');
  return `${safe.trim().slice(0, 190)}.pdf`;
}

/** YYYY-MM-DD plus `days` (calendar dates, no time zone). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today as YYYY-MM-DD in local time. */
export function todayLocal(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
