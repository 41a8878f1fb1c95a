/** What each deal stage means for the artist's date (DOMAIN.md, "Holds and the life of a date"). */
import type { DealStage } from './enums';

/** Stages that take the artist's date: no other firm deal, no hold, that day. */
export const FIRM_STAGES: ReadonlySet<DealStage> = new Set([
  'offer',
  'confirmed',
  'contract_sent',
  'contract_signed',
  'advanced',
  'played',
  'settled',
]);

/** Stages that put a show in the calendar. */
export const SHOW_STAGES: ReadonlySet<DealStage> = new Set([
  'confirmed',
  'contract_sent',
  'contract_signed',
  'advanced',
  'played',
  'settled',
]);
