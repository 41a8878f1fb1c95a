import { z } from 'zod';

export const Country = z.enum(['FR', 'BE', 'CH']);
export type Country = z.infer<typeof Country>;

export const Currency = z.enum(['EUR', 'CHF']);
export type Currency = z.infer<typeof Currency>;

export const ArtistKind = z.enum(['solo', 'band', 'dj', 'ensemble']);
export type ArtistKind = z.infer<typeof ArtistKind>;

export const VenueKind = z.enum([
  'club',
  'concert_hall',
  'bar',
  'theatre',
  'festival',
  'private',
  'municipal',
]);
export type VenueKind = z.infer<typeof VenueKind>;

export const ContactRole = z.enum([
  'promoter',
  'programmer',
  'production',
  'venue_manager',
  'tour_manager',
  'press',
  'agent',
]);
export type ContactRole = z.infer<typeof ContactRole>;

/** The life of a date (DOMAIN.md): main line, then side states. */
export const DealStage = z.enum([
  'request',
  'hold',
  'offer',
  'confirmed',
  'contract_sent',
  'contract_signed',
  'advanced',
  'played',
  'settled',
  'declined',
  'released',
  'cancelled',
]);
export type DealStage = z.infer<typeof DealStage>;

export const DealType = z.enum([
  'flat',
  'guarantee_bonus',
  'versus_net',
  'versus_gross',
  'door',
  'percentage',
  'co_headline',
]);
export type DealType = z.infer<typeof DealType>;

export const EventKind = z.enum(['show', 'hold', 'travel', 'day_off', 'promo', 'rehearsal']);
export type EventKind = z.infer<typeof EventKind>;

/** Holds are ranked 1st, 2nd, 3rd … some agencies go to 5. */
export const MAX_HOLD_LEVEL = 5;
export const HoldLevel = z.number().int().min(1).max(MAX_HOLD_LEVEL);

export const MemberRole = z.enum(['owner', 'agent', 'assistant']);
export type MemberRole = z.infer<typeof MemberRole>;
