/**
 * Deals across every stage and deal type. Dates: past for played/settled, future for
 * holds and offers. An artist's date carries either one firm deal or up to three
 * holds; there is at most one 1st hold per artist per date, and per room per date.
 */
import type { Currency, DealStage, DealType } from '../domain/enums';
import { DealStage as DealStageEnum, DealType as DealTypeEnum } from '../domain/enums';
import type { DealRecord } from '../domain/records';
import type { ArtistDraft } from './artists';
import type { ContactDraft } from './contacts';
import { type GenContext, newId, randomMs, roundFeeMinor } from './context';
import { distanceKm } from './geo';
import { type Rng, weightedPicker } from './prng';
import {
  CHF_PRICE_FACTOR,
  COMMISSION_RANGE,
  DEAL_TERMS,
  DEAL_TYPE_WEIGHTS,
  FIRM_STAGES,
  FX,
  HOLD_LEVEL_WEIGHTS,
  LEVELS,
  MAX_HOLDS_PER_ARTIST_DAY,
  STAGE_LEAD_DAYS,
  STAGE_WEIGHTS,
  STAGE_WINDOWS,
  TOUR_MAX_KM,
  WEEKDAY_WEIGHTS,
} from './tables';
import { fill, usableTemplates } from './text';
import { cetToUtcMs, DAY_MS, dayOfWeek, HOUR_MS, isoAt, isoDate } from './time';
import type { VenueDraft } from './venues';

export interface DealDraft {
  record: DealRecord;
  artist: ArtistDraft;
  venue: VenueDraft;
  day: number;
  createdMs: number;
  updatedMs: number;
}

interface Candidates {
  home: VenueDraft[];
  abroad: VenueDraft[];
}

/** Can this artist plausibly play this venue: draw vs capacity, and a shared genre (`genresMatch`)? */
export function venueFits(artist: ArtistDraft, venue: VenueDraft, genresMatch: boolean): boolean {
  const a = artist.record;
  const v = venue.record;
  if (v.kind === 'private') return true;
  if (v.kind !== 'municipal' && !genresMatch) return false;
  const cap = venue.capacity;
  if (v.kind === 'festival') return cap >= a.draw && (artist.level !== 'local' || cap <= 6000);
  return cap >= a.draw * 0.7 && cap <= a.draw * 6;
}

/** Genres as a bit set (the inputs hold at most 31 genres). */
function genreMask(bits: ReadonlyMap<string, number>, genres: readonly string[]): number {
  let m = 0;
  for (const g of genres) m |= bits.get(g) ?? 0;
  return m;
}

function candidatesFor(
  artist: ArtistDraft,
  venues: readonly VenueDraft[],
  bits: ReadonlyMap<string, number>,
  venueMasks: Int32Array,
): Candidates {
  const mask = genreMask(bits, artist.record.genres);
  let fit = venues.filter((v) => venueFits(artist, v, ((venueMasks[v.index] ?? 0) & mask) !== 0));
  if (fit.length < 5) {
    const draw = Math.max(1, artist.record.draw);
    const ratio = (v: VenueDraft) => Math.max(v.capacity / draw, draw / Math.max(1, v.capacity));
    fit = venues
      .map((v) => ({ v, r: ratio(v) }))
      .sort((x, y) => x.r - y.r || x.v.index - y.v.index)
      .slice(0, 25)
      .map((x) => x.v);
  }
  const country = artist.record.homeCountry;
  return {
    home: fit.filter((v) => v.record.country === country),
    abroad: fit.filter((v) => v.record.country !== country),
  };
}

function convertMinor(minor: number, from: Currency, to: Currency): number {
  if (from === to) return minor;
  return roundFeeMinor((minor / 100) * (from === 'EUR' ? FX.EUR_TO_CHF : FX.CHF_TO_EUR));
}

function ticketPrice(rng: Rng, artist: ArtistDraft, venue: VenueDraft, type: DealType): number {
  const kind = venue.record.kind;
  const needsTicket = type !== 'flat' && type !== 'guarantee_bonus';
  if (kind === 'private' && !needsTicket) return 0;
  if (!needsTicket && (kind === 'bar' || kind === 'municipal') && rng.chance(kind === 'bar' ? 0.6 : 0.3))
    return 0;
  let units: number;
  if (kind === 'bar') units = rng.pick([5, 8, 10, 12]);
  else if (kind === 'festival') units = rng.pick([29, 35, 39, 45, 49, 59, 69]);
  else units = rng.pick(LEVELS[artist.level].tickets);
  if (venue.record.currency === 'CHF') units = Math.round(units * CHF_PRICE_FACTOR);
  return units * 100;
}

const BOOKER_ROLES = new Set(['promoter', 'programmer', 'venue_manager']);

export function generateDeals(
  ctx: GenContext,
  rng: Rng,
  count: number,
  artists: readonly ArtistDraft[],
  venues: readonly VenueDraft[],
  contacts: readonly ContactDraft[],
): DealDraft[] {
  if (count === 0) return [];
  if (artists.length === 0 || venues.length === 0) {
    throw new RangeError('deals need at least one artist and one venue');
  }
  const { names } = ctx.inputs;
  const span = ctx.maxDay - ctx.minDay + 1;
  const artistState = new Uint8Array(artists.length * span); // 0 free, 1 holds, 2 firm
  const artistHolds = new Uint8Array(artists.length * span);
  const artistFirst = new Uint8Array(artists.length * span);
  const venueFirm = new Uint8Array(venues.length * span);
  const venueLevels = new Uint8Array(venues.length * span); // bit per hold level

  const artistFirmVenue = new Int32Array(artists.length * span); // venue index + 1 of the firm deal

  const bits = new Map(names.genres.map((g, i) => [g.name, 1 << i]));
  const venueMasks = Int32Array.from(venues, (v) => genreMask(bits, v.record.genres));
  const candidates = artists.map((a) => candidatesFor(a, venues, bits, venueMasks));
  const contactsByVenue: ContactDraft[][] = venues.map(() => []);
  for (const c of contacts) if (c.venue) contactsByVenue[c.venue.index]?.push(c);
  const bookersByVenue = contactsByVenue.map((list) => {
    const bookers = list.filter((c) => BOOKER_ROLES.has(c.record.role));
    return bookers.length > 0 ? bookers : list;
  });
  /** Distance to the artist's firm shows the day before and after (0 if none). */
  const tourGapKm = (artistIndex: number, day: number, venue: VenueDraft) => {
    let worst = 0;
    for (const d of [day - 1, day + 1]) {
      if (d < ctx.minDay || d > ctx.maxDay) continue;
      const other = venues[(artistFirmVenue[artistIndex * span + (d - ctx.minDay)] ?? 0) - 1];
      if (!other) continue;
      const km = distanceKm(venue.record.lat, venue.record.lon, other.record.lat, other.record.lon);
      if (km > worst) worst = km;
    }
    return worst;
  };

  const stages = DealStageEnum.options;
  const types = DealTypeEnum.options;
  const pickStage = weightedPicker(
    stages,
    stages.map((s) => STAGE_WEIGHTS[s]),
  );
  const pickArtist = weightedPicker(
    artists,
    artists.map((a) => LEVELS[a.level].dealWeight),
  );
  const typePickers = new Map(
    Object.entries(DEAL_TYPE_WEIGHTS).map(([kind, w]) => {
      const ts = types.filter((t) => (w[t] ?? 0) > 0);
      return [
        kind,
        weightedPicker(
          ts,
          ts.map((t) => w[t] ?? 0),
        ),
      ] as const;
    }),
  );

  const pickDay = (stage: DealStage): number => {
    const [lo, hi] = STAGE_WINDOWS[stage];
    for (let i = 0; i < 6; i++) {
      const day = ctx.nowDay + rng.int(lo, hi);
      if (rng.next() * 2 < (WEEKDAY_WEIGHTS[dayOfWeek(day)] ?? 1)) return day;
    }
    return ctx.nowDay + rng.int(lo, hi);
  };

  const chooseLevel = (artistHasFirst: boolean, venueMask: number): number | null => {
    const drawn = rng.weighted([1, 2, 3, 4, 5], HOLD_LEVEL_WEIGHTS);
    const free = (l: number) => !(l === 1 && artistHasFirst) && (venueMask & (1 << l)) === 0;
    for (let l = drawn; l <= 5; l++) if (free(l)) return l;
    for (let l = drawn - 1; l >= 1; l--) if (free(l)) return l;
    return null;
  };

  const place = (artist: ArtistDraft, stage: DealStage) => {
    const c = candidates[artist.index] ?? { home: venues.slice(), abroad: [] };
    const useHome = c.home.length > 0 && (c.abroad.length === 0 || rng.chance(0.75));
    const list = useHome ? c.home : c.abroad;
    for (let t = 0; t < 20; t++) {
      const venue = rng.pick(list);
      const day = pickDay(stage);
      const ak = artist.index * span + (day - ctx.minDay);
      const vk = venue.index * span + (day - ctx.minDay);
      const shared = venue.record.kind === 'festival';
      if (FIRM_STAGES.has(stage)) {
        if (artistState[ak] !== 0 || (!shared && venueFirm[vk] === 1)) continue;
        // Back-to-back dates are routed: the next venue is within a day's drive.
        if (t < 16 && tourGapKm(artist.index, day, venue) > TOUR_MAX_KM) continue;
        artistState[ak] = 2;
        venueFirm[vk] = 1;
        artistFirmVenue[ak] = venue.index + 1;
        return { venue, day, level: null };
      }
      if (stage === 'hold') {
        if (artistState[ak] === 2 || (artistHolds[ak] ?? 0) >= MAX_HOLDS_PER_ARTIST_DAY) continue;
        if (!shared && venueFirm[vk] === 1) continue;
        const level = chooseLevel(artistFirst[ak] === 1, shared ? 0 : (venueLevels[vk] ?? 0));
        if (level === null) continue;
        artistState[ak] = 1;
        artistHolds[ak] = (artistHolds[ak] ?? 0) + 1;
        if (level === 1) artistFirst[ak] = 1;
        if (!shared) venueLevels[vk] = (venueLevels[vk] ?? 0) | (1 << level);
        return { venue, day, level };
      }
      return { venue, day, level: null };
    }
    return null;
  };

  const out: DealDraft[] = [];
  // The first deals walk every stage and every type, so small runs still cover them all.
  const forceStages = count >= stages.length;
  const forceTypes = count >= types.length;
  for (let i = 0; i < count; i++) {
    let stage: DealStage = forceStages && i < stages.length ? (stages[i] as DealStage) : pickStage(rng);
    let artist = i < artists.length ? (artists[i] as ArtistDraft) : pickArtist(rng);
    let placed = place(artist, stage);
    for (let retry = 0; retry < 5 && !placed; retry++) {
      artist = pickArtist(rng);
      placed = place(artist, stage);
    }
    if (!placed) {
      stage = 'declined';
      placed = place(artist, stage);
    }
    if (!placed) continue;
    const { venue, day, level } = placed;
    const v = venue.record;
    const a = artist.record;

    const type: DealType =
      forceTypes && i < types.length ? (types[i] as DealType) : (typePickers.get(v.kind)?.(rng) ?? 'flat');
    const terms = DEAL_TERMS[type];
    const feeMinConv = convertMinor(a.feeMin, a.currency, v.currency);
    const fee = convertMinor(rng.int(a.feeMin, a.feeMax), a.currency, v.currency);
    const base = Math.min(fee, Math.max(v.budgetMax, feeMinConv));
    const share = rng.float(terms.guarantee[0], terms.guarantee[1]);
    const guarantee = share > 0 ? roundFeeMinor((base / 100) * share) : 0;
    const bps = terms.bps[1] > 0 ? Math.round(rng.int(terms.bps[0], terms.bps[1]) / 500) * 500 : 0;
    let commission = artist.commissionBps;
    if (rng.chance(0.15)) commission += rng.pick([-200, 200]);
    commission = Math.min(COMMISSION_RANGE[1], Math.max(COMMISSION_RANGE[0], commission));

    const dateMs = day * DAY_MS;
    let createdHi = Math.min(ctx.nowMs - HOUR_MS, dateMs - STAGE_LEAD_DAYS[stage] * DAY_MS);
    let createdLo = Math.max(ctx.epochMs + 30 * DAY_MS, dateMs - 300 * DAY_MS);
    if (stage === 'request') {
      createdLo = ctx.nowMs - 30 * DAY_MS;
      createdHi = ctx.nowMs - HOUR_MS;
    }
    const createdMs = randomMs(rng, Math.min(createdLo, createdHi), createdHi);
    let updatedLo = createdMs;
    if (stage === 'played') updatedLo = Math.max(createdMs, dateMs + 23 * HOUR_MS);
    if (stage === 'settled') updatedLo = Math.max(createdMs, dateMs + 2 * DAY_MS);
    const updatedMs = randomMs(rng, updatedLo, ctx.nowMs - 60_000);

    let holdExpiresAt: string | null = null;
    let days = '';
    if (stage === 'hold') {
      const ahead = rng.int(1, Math.max(1, Math.min(21, day - ctx.nowDay - 1)));
      holdExpiresAt = isoAt(cetToUtcMs(ctx.nowDay + ahead, 18 * 60));
      days = String(ahead);
    }

    const bookers = bookersByVenue[venue.index] ?? [];
    const contact = bookers.length > 0 && rng.chance(0.92) ? rng.pick(bookers) : null;
    const vars: Record<string, string> = {
      artist: a.name,
      venue: v.name,
      city: v.city,
      contact: contact ? `${contact.record.firstName} ${contact.record.lastName}` : 'la programmation',
      capacity: String(venue.capacity),
    };
    if (level !== null) {
      vars.level = String(level);
      vars.days = days;
    }
    const templates = usableTemplates(names.dealNotes[stage], vars);
    const notes = templates.length > 0 && rng.chance(0.7) ? fill(rng.pick(templates), vars, rng) : '';

    const record: DealRecord = {
      id: newId(rng, createdMs),
      createdAt: isoAt(createdMs),
      updatedAt: isoAt(updatedMs),
      deletedAt: null,
      artistId: a.id,
      venueId: v.id,
      contactId: contact ? contact.record.id : null,
      date: isoDate(day),
      stage,
      holdLevel: level,
      holdExpiresAt,
      dealType: type,
      guarantee,
      percentageBps: bps,
      currency: v.currency,
      ticketPrice: ticketPrice(rng, artist, venue, type),
      capacity: venue.capacity,
      agencyCommissionBps: commission,
      notes,
    };
    out.push({ record, artist, venue, day, createdMs, updatedMs });
  }
  return out.sort(
    (x, y) => x.day - y.day || (x.record.id < y.record.id ? -1 : x.record.id > y.record.id ? 1 : 0),
  );
}
