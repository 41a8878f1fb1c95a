/** Sentences for why a candidate is out of the tour and for the rules a tour breaks (FR/EN). */
import type { Exclusion, Violation } from '@flowstage/shared/tour/plan/index';
import { formatKm } from './logic';
import type { TourT } from './messages';

export interface Describe {
  t: TourT;
  locale: string;
  name(id: string): string;
  money(minor: number): string;
  date(iso: string): string;
}

export function exclusionText(e: Exclusion, d: Describe): string {
  const other = e.otherId ? d.t('other.with', { name: d.name(e.otherId) }) : '';
  switch (e.code) {
    case 'date_taken':
    case 'displaced':
      return d.t(`excl.${e.code}`, { other });
    case 'radius':
      return d.t('excl.radius', { other: e.otherId ? d.name(e.otherId) : '—' });
    case 'too_far':
      return d.t('excl.too_far', { km: formatKm(e.value ?? 0, d.locale) });
    case 'not_worth_it':
      return d.t('excl.not_worth_it', { value: d.money(Math.round(e.value ?? 0)) });
    default:
      return d.t(`excl.${e.code}`);
  }
}

export function violationText(v: Violation, d: Describe): string {
  const stops = v.stopIds.map((id) => d.name(id)).join(', ') || '—';
  switch (v.code) {
    case 'too_far':
      return d.t('viol.too_far', { stops, km: formatKm(v.value ?? 0, d.locale) });
    case 'consecutive_shows':
    case 'days_off':
      return d.t(`viol.${v.code}`, { n: v.value ?? 0, date: v.date ? d.date(v.date) : '—' });
    default:
      return d.t(`viol.${v.code}`, { stops });
  }
}
