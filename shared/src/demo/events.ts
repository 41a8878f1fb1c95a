/**
 * Calendar events consistent with the deals: a show per confirmed-and-later deal, a
 * hold per held date, travel to shows away from the previous night's city, then
 * promo, rehearsal and days off around the tour dates up to the requested total.
 * All-day events run from 00:00Z on their date to 00:00Z the next day.
 */
import type { EventKind } from '../domain/enums';
import type { EventRecord } from '../domain/records';
import type { ArtistDraft } from './artists';
import { type GenContext, newId, randomMs } from './context';
import type { DealDraft } from './deals';
import { distanceKm } from './geo';
import { TITLE_VARS } from './inputs';
import { type Rng, weightedPicker } from './prng';
import { DJ_CLUB_STARTS, EXTRA_EVENT_WEIGHTS, ROAD, SET_MINUTES, SHOW_STAGES, SHOW_STARTS } from './tables';
import { fill, usableTemplates } from './text';
import { cetToUtcMs, DAY_MS, HOUR_MS, isoAt, MINUTE_MS } from './time';
import type { VenueDraft } from './venues';

const SHOW = 1;
const HOLD = 2;
const OFF = 4;
const REHEARSAL = 8;
const TRAVEL = 16;
const PROMO = 32;

type ExtraKind = keyof typeof EXTRA_EVENT_WEIGHTS;

interface Trip {
  artist: ArtistDraft;
  show: DealDraft;
  title: string;
  startMs: number;
  minutes: number;
}

/** Minutes on the road (or rail, far away) plus loading, rounded up to the quarter hour. */
export function travelMinutes(km: number): number {
  const raw =
    km > ROAD.trainKm
      ? (km * ROAD.detour * 60) / ROAD.trainKmh + ROAD.trainExtraMinutes
      : (km * ROAD.detour * 60) / ROAD.kmh + 20;
  return Math.ceil(raw / 15) * 15;
}

export function generateEvents(
  ctx: GenContext,
  rng: Rng,
  target: number,
  artists: readonly ArtistDraft[],
  venues: readonly VenueDraft[],
  deals: readonly DealDraft[],
): EventRecord[] {
  if (artists.length === 0) return [];
  const titles = ctx.inputs.names.eventTitles;
  const span = ctx.maxDay - ctx.minDay + 1;
  const flags = new Uint8Array(artists.length * span);
  const key = (a: ArtistDraft, day: number) => a.index * span + (day - ctx.minDay);
  const mark = (a: ArtistDraft, day: number, flag: number) => {
    flags[key(a, day)] = (flags[key(a, day)] ?? 0) | flag;
  };
  const inWindow = (day: number) => day > ctx.minDay && day < ctx.maxDay;
  // Title templates usable with the variables each kind always has (and rehearsals at a venue).
  const always = (kind: EventKind) => Object.fromEntries(TITLE_VARS[kind].map((k) => [k, k]));
  const lists = new Map<string, string[]>(
    (Object.keys(TITLE_VARS) as EventKind[]).map((k) => [k, usableTemplates(titles[k], always(k))]),
  );
  lists.set('residency', usableTemplates(titles.rehearsal, { ...always('rehearsal'), venue: 'venue' }));
  const title = (list: string, vars: Record<string, string>) =>
    fill(rng.pick(lists.get(list) ?? ['']), vars, rng);

  const out: EventRecord[] = [];
  const starts: number[] = [];
  const push = (
    artist: ArtistDraft,
    kind: EventKind,
    text: string,
    startMs: number,
    endMs: number,
    allDay: boolean,
    dealId: string | null,
    venueId: string | null,
    city: string,
    stamps?: { createdMs: number; updatedMs: number },
  ) => {
    let createdMs: number;
    let updatedMs: number;
    if (stamps) {
      createdMs = stamps.createdMs;
      updatedMs = stamps.updatedMs;
    } else {
      const hi = Math.min(ctx.nowMs - 60_000, startMs - HOUR_MS);
      createdMs = randomMs(rng, Math.min(hi, Math.max(ctx.epochMs + 60 * DAY_MS, startMs - 60 * DAY_MS)), hi);
      updatedMs = randomMs(rng, createdMs, ctx.nowMs - 60_000);
    }
    out.push({
      id: newId(rng, createdMs),
      createdAt: isoAt(createdMs),
      updatedAt: isoAt(updatedMs),
      deletedAt: null,
      artistId: artist.record.id,
      kind,
      title: text,
      start: isoAt(startMs),
      end: isoAt(endMs),
      allDay,
      dealId,
      venueId,
      city,
    });
    starts.push(startMs);
  };

  // Shows and holds, one per deal.
  const showsByArtist: DealDraft[][] = artists.map(() => []);
  for (const d of deals) {
    const { artist, venue, record } = d;
    const city = venue.record.city;
    const vars = {
      artist: artist.record.name,
      venue: venue.record.name,
      city,
      level: String(record.holdLevel ?? ''),
    };
    if (SHOW_STAGES.has(record.stage)) {
      const kind = venue.record.kind;
      const startMin =
        artist.record.kind === 'dj' && kind === 'club'
          ? rng.pick(DJ_CLUB_STARTS)
          : rng.pick(SHOW_STARTS[kind]);
      const [lo, hi] = SET_MINUTES[artist.record.kind];
      const startMs = cetToUtcMs(d.day, startMin);
      const endMs = startMs + rng.int(lo / 5, hi / 5) * 5 * MINUTE_MS;
      push(artist, 'show', title('show', vars), startMs, endMs, false, record.id, venue.record.id, city, d);
      mark(artist, d.day, SHOW);
      showsByArtist[artist.index]?.push(d);
    } else if (record.stage === 'hold') {
      const startMs = d.day * DAY_MS;
      push(
        artist,
        'hold',
        title('hold', vars),
        startMs,
        startMs + DAY_MS,
        true,
        record.id,
        venue.record.id,
        city,
        d,
      );
      mark(artist, d.day, HOLD);
    }
  }

  // Travel to each show from the previous night's city, or from home.
  const trips: Trip[] = [];
  for (const artist of artists) {
    let prev: DealDraft | null = null;
    for (const show of showsByArtist[artist.index] ?? []) {
      const from = prev && show.day - prev.day === 1 ? prev.venue.record : null;
      prev = show;
      const fromCity = from ? from.city : artist.record.homeCity;
      const to = show.venue.record;
      if (fromCity === to.city) continue;
      const km = distanceKm(from?.lat ?? artist.record.lat, from?.lon ?? artist.record.lon, to.lat, to.lon);
      if (km < ROAD.minKm) continue;
      const minutes = travelMinutes(km);
      const dayBefore = show.day - 1;
      const overnight =
        minutes > ROAD.overnightMinutes &&
        !from &&
        inWindow(dayBefore) &&
        ((flags[key(artist, dayBefore)] ?? 0) & SHOW) === 0;
      const startMs = overnight
        ? cetToUtcMs(dayBefore, 10 * 60)
        : cetToUtcMs(show.day, Math.max(6 * 60, 16 * 60 - minutes));
      const vars = { artist: artist.record.name, city: to.city, from: fromCity, to: to.city };
      trips.push({ artist, show, title: title('travel', vars), startMs, minutes });
      mark(artist, overnight ? dayBefore : show.day, TRAVEL);
    }
  }
  const room = Math.max(0, target - out.length);
  for (const t of trips.length <= room ? trips : rng.shuffle(trips).slice(0, room)) {
    const to = t.show.venue.record;
    const endMs = t.startMs + t.minutes * MINUTE_MS;
    push(t.artist, 'travel', t.title, t.startMs, endMs, false, t.show.record.id, to.id, to.city);
  }

  // Promo, rehearsals and days off up to the target.
  const residencies = new Map<string, VenueDraft[]>();
  for (const v of venues) {
    if (v.record.kind !== 'concert_hall' && v.record.kind !== 'theatre') continue;
    const list = residencies.get(v.record.city) ?? [];
    list.push(v);
    residencies.set(v.record.city, list);
  }
  const extraKinds = Object.keys(EXTRA_EVENT_WEIGHTS) as ExtraKind[];
  const pickExtra = weightedPicker(
    extraKinds,
    extraKinds.map((k) => EXTRA_EVENT_WEIGHTS[k]),
  );
  const randomDay = () => rng.int(ctx.minDay + 1, ctx.maxDay - 1);

  const tryExtra = (kind: ExtraKind, artist: ArtistDraft): boolean => {
    const shows = showsByArtist[artist.index] ?? [];
    const show = shows.length > 0 ? rng.pick(shows) : null;
    const a = artist.record;
    let city = a.homeCity;
    if (kind === 'day_off') {
      const near = show !== null && rng.chance(0.8);
      const day = near && show ? show.day + (rng.chance(0.5) ? 1 : -1) : randomDay();
      if (!inWindow(day) || (flags[key(artist, day)] ?? 0) !== 0) return false;
      if (near && show) city = show.venue.record.city;
      mark(artist, day, OFF);
      push(
        artist,
        kind,
        title(kind, { artist: a.name, city }),
        day * DAY_MS,
        (day + 1) * DAY_MS,
        true,
        null,
        null,
        city,
      );
      return true;
    }
    if (kind === 'promo') {
      const day = show ? show.day - rng.int(1, 20) : randomDay();
      if (!inWindow(day) || ((flags[key(artist, day)] ?? 0) & (OFF | PROMO)) !== 0) return false;
      if (show && rng.chance(0.6)) city = show.venue.record.city;
      const startMs = cetToUtcMs(day, rng.pick([600, 660, 720, 840, 900, 960, 1020]));
      const endMs = startMs + rng.pick([30, 45, 60, 90]) * MINUTE_MS;
      mark(artist, day, PROMO);
      push(
        artist,
        kind,
        title(kind, { artist: a.name, city }),
        startMs,
        endMs,
        false,
        show?.record.id ?? null,
        null,
        city,
      );
      return true;
    }
    const day = show && rng.chance(0.6) ? show.day - rng.int(1, 14) : randomDay();
    if (!inWindow(day) || ((flags[key(artist, day)] ?? 0) & (SHOW | OFF | REHEARSAL)) !== 0) return false;
    mark(artist, day, REHEARSAL);
    const rooms = residencies.get(a.homeCity);
    if (rooms && rng.chance(0.25)) {
      const venue = rng.pick(rooms).record;
      const text = title('residency', { artist: a.name, city, venue: venue.name });
      push(artist, kind, text, day * DAY_MS, (day + 1) * DAY_MS, true, null, venue.id, city);
    } else {
      const startMs = cetToUtcMs(day, rng.pick([600, 840, 870]));
      const endMs = startMs + rng.pick([180, 240, 300]) * MINUTE_MS;
      push(artist, kind, title(kind, { artist: a.name, city }), startMs, endMs, false, null, null, city);
    }
    return true;
  };

  const wanted = Math.max(0, target - out.length);
  let made = 0;
  for (let attempts = 0; made < wanted && attempts < wanted * 12 + 100; attempts++) {
    if (tryExtra(pickExtra(rng), rng.pick(artists))) made++;
  }

  const order = Array.from(out.keys()).sort((i, j) => {
    const d = (starts[i] ?? 0) - (starts[j] ?? 0);
    if (d !== 0) return d;
    const a = out[i]?.id ?? '';
    const b = out[j]?.id ?? '';
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return order.map((i) => out[i] as EventRecord);
}
