/** How the deal page and the board show times left and history values (pure, translated by the caller). */
import type { DealHistoryEntry } from '@flowstage/shared';
import { formatDate, formatDateTime } from '../lib/dates';
import { formatMoney } from '../lib/money';
import { holdBadge } from './logic';
import type { PipeKey } from './messages';
import { bpsToPercent } from './percent';

type Vars = Record<string, string | number>;
export type Translate = (key: PipeKey, vars?: Vars) => string;

/** The time left before `deadline`, as a message key and its values. */
export function timeLeft(deadline: string, now: number): { key: PipeKey; vars: Vars } {
  const ms = Date.parse(deadline) - now;
  if (!(ms > 0)) return { key: 'left.over', vars: {} };
  const minutes = Math.floor(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return { key: 'left.days', vars: { d, h } };
  if (h > 0) return { key: 'left.hours', vars: { h, m } };
  return { key: 'left.minutes', vars: { m } };
}

const MONEY_FIELDS = new Set(['guarantee', 'ticketPrice', 'depositPaid']);
const KINDS = new Set([
  'created',
  'edit',
  'hold_placed',
  'hold_promoted',
  'hold_released',
  'hold_expired',
  'challenge_issued',
  'challenge_sent',
  'challenge_lapsed',
  'hold_confirmed',
  'released_by_confirmation',
]);

export interface ValueContext {
  currency: string;
  locale: string;
  lang: 'fr' | 'en';
  t: Translate;
}

/** The label of a history entry's kind. */
export function kindLabel(kind: string, t: Translate): string {
  return KINDS.has(kind) ? t(`kind.${kind}` as PipeKey) : kind;
}

/** The label of a tracked field. */
export function fieldLabel(field: string, t: Translate): string {
  const key = `hfield.${field}` as PipeKey;
  const label = t(key);
  return label === key ? field : label;
}

/** A history value as the booker reads it: money formatted, rates in %, names translated. */
export function describeValue(field: string, value: unknown, c: ValueContext): string {
  if (value === null || value === undefined || value === '') return '—';
  const money = (n: number) => formatMoney(n, c.currency, c.locale);
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return money(value);
  if (field.endsWith('Bps') && typeof value === 'number') return `${bpsToPercent(value)} %`;
  if (field === 'stage' && typeof value === 'string') return c.t(`stage.${value}` as PipeKey);
  if (field === 'dealType' && typeof value === 'string') return c.t(`type.${value}` as PipeKey);
  if (field === 'bonusMode' && typeof value === 'string') return c.t(`bonusMode.${value}` as PipeKey);
  if (field === 'holdLevel' && typeof value === 'number') return holdBadge(value, c.lang) ?? '—';
  if (field === 'date' && typeof value === 'string') return formatDate(value, c.locale);
  if (field === 'holdExpiresAt' && typeof value === 'string') return formatDateTime(value, c.locale);
  if (typeof value === 'boolean') return c.t(value ? 'yes' : 'no');
  if (field === 'coHeadlineIndex' && typeof value === 'number') {
    return c.t('history.headliner', { n: value + 1 });
  }
  if (field === 'coHeadlineSharesBps' && Array.isArray(value)) {
    return value.map((b) => `${bpsToPercent(Number(b))} %`).join(' / ');
  }
  if (field === 'expenses' && Array.isArray(value)) {
    if (value.length === 0) return '—';
    return (value as { label: string; amount: number }[])
      .map((e) => `${e.label || '…'} ${money(e.amount)}`)
      .join(', ');
  }
  if (field === 'bonuses' && Array.isArray(value)) {
    if (value.length === 0) return '—';
    return (value as { metric: string; threshold: number; amount: number }[])
      .map((b) => {
        const th =
          b.metric === 'revenue'
            ? money(b.threshold)
            : b.metric === 'occupancy'
              ? `${bpsToPercent(b.threshold)} %`
              : String(b.threshold);
        return `${c.t(`metric.${b.metric}` as PipeKey)} ≥ ${th}: +${money(b.amount)}`;
      })
      .join(', ');
  }
  if (field === 'challenge' && typeof value === 'object') {
    const deadline = (value as { deadline?: string }).deadline;
    return deadline ? c.t('history.deadline', { deadline: formatDateTime(deadline, c.locale) }) : '—';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A stable React key for a history entry. */
export function entryKey(h: DealHistoryEntry, i: number): string {
  return `${h.at}-${h.kind}-${i}`;
}
