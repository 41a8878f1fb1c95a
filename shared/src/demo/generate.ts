/**
 * `generateDemoAgency`: a whole booking agency (roster, venues, contacts, deals,
 * calendar) from the demo inputs, deterministic for a given seed and reference time.
 * Pure: no I/O, no clock, no Math.random.
 */
import { z } from 'zod';
import type { ArtistRecord, ContactRecord, DealRecord, EventRecord, VenueRecord } from '../domain/records';
import { generateArtists } from './artists';
import { generateContacts } from './contacts';
import { createContext } from './context';
import { generateDeals } from './deals';
import { generateEvents } from './events';
import type { DemoInputs } from './inputs';
import { createRng } from './prng';
import { generateVenues } from './venues';

export const DEMO_DEFAULT_SEED = 20260901;
/** Reference "now" when none is given: every date is placed relative to it. */
export const DEMO_DEFAULT_NOW = '2026-09-01T08:00:00.000Z';

const Count = (max: number, fallback: number) => z.number().int().min(0).max(max).default(fallback);

export const DemoOptions = z.object({
  seed: z.number().int().min(0).max(0xffffffff).default(DEMO_DEFAULT_SEED),
  /** A Date, an ISO-8601 string or epoch milliseconds. */
  now: z.union([z.date(), z.string(), z.number()]).default(DEMO_DEFAULT_NOW),
  artists: Count(1_000, 40),
  venues: Count(50_000, 400),
  contacts: Count(100_000, 600),
  deals: Count(200_000, 1_500),
  /** Target total; never fewer than one show per confirmed-and-later deal and one per hold. */
  events: Count(300_000, 3_000),
});
export type DemoOptions = z.input<typeof DemoOptions>;

export interface DemoAgency {
  workspaceName: string;
  artists: ArtistRecord[];
  venues: VenueRecord[];
  contacts: ContactRecord[];
  deals: DealRecord[];
  events: EventRecord[];
}

function toMs(now: Date | string | number): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new RangeError(`invalid reference time: ${String(now)}`);
  return Math.floor(ms);
}

export function generateDemoAgency(inputs: DemoInputs, options: DemoOptions = {}): DemoAgency {
  const opts = DemoOptions.parse(options);
  if (opts.deals > 0 && (opts.artists === 0 || opts.venues === 0)) {
    throw new RangeError('deals need at least one artist and one venue');
  }
  const ctx = createContext(inputs, toMs(opts.now));
  const root = createRng(opts.seed);
  // One stream per part, so changing one count leaves the parts before it unchanged.
  const workspaceName = root.fork('workspace').pick(inputs.names.agencyNames);
  const artists = generateArtists(ctx, root.fork('artists'), opts.artists);
  const venues = generateVenues(ctx, root.fork('venues'), opts.venues);
  const contacts = generateContacts(ctx, root.fork('contacts'), opts.contacts, venues);
  const deals = generateDeals(ctx, root.fork('deals'), opts.deals, artists, venues, contacts);
  const events = generateEvents(ctx, root.fork('events'), opts.events, artists, venues, deals);
  return {
    workspaceName,
    artists: artists.map((a) => a.record),
    venues: venues.map((v) => v.record),
    contacts: contacts.map((c) => c.record),
    deals: deals.map((d) => d.record),
    events,
  };
}
