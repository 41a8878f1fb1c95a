/**
 * Tour planner handlers: the problem from the workspace (problem.ts), road distances
 * (OSRM when FLOWSTAGE_OSRM_URL is set, else straight line × road factor; pairs cached
 * for the session), accepting a tour into the pipeline through the deal handlers (so the
 * holds rules, history and undo apply) and the itinerary PDF.
 */
import { join } from 'node:path';
import type { RpcHandlers, TourAcceptResult, VenueRecord } from '@flowstage/shared';
import { cachedProvider, type DistanceProvider, haversineProvider } from '@flowstage/shared/tour/plan/index';
import { tourPdf } from '../export/tour-pdf';
import { writeExportFile } from '../export/files';
import { dealsInRange, eventsInRange } from '../queries/calendar';
import { addDays } from '../queries/dashboard-math';
import { getArtist, getDeal } from '../queries/deals';
import { getVenue, listVenueRecords } from '../queries/directory';
import { RpcError } from '../rpc/dispatch';
import { osrmProvider } from '../tour/osrm';
import { sqlitePairStore } from '../tour/pair-store';
import { buildTourProblem, CLAUSE_LOOKAROUND_DAYS } from '../tour/problem';
import { DEFAULT_HOLD_DAYS } from './deal-create';
import type { DirectoryWorkspace } from './directory';

type Accepted = Omit<TourAcceptResult['results'][number], 'candidateId'>;

type TourMethods = 'tour.problem' | 'tour.distances' | 'tour.accept' | 'tour.pdf';

/**
 * The distance source: an OSRM-compatible router when configured (pairs kept in
 * `<dataDir>/distances.sqlite` between sessions), else the straight-line estimate.
 */
export function defaultDistanceProvider(
  dataDir: string | null,
  env: Record<string, string | undefined> = process.env,
): DistanceProvider {
  const url = env.FLOWSTAGE_OSRM_URL?.trim();
  if (!url) return cachedProvider(haversineProvider());
  const store = dataDir ? sqlitePairStore(join(dataDir, 'distances.sqlite')) : undefined;
  return cachedProvider(osrmProvider({ baseUrl: url }), store);
}

export function tourHandlers(
  workspace: () => DirectoryWorkspace,
  deals: Pick<RpcHandlers, 'deal.create' | 'deal.update'>,
  now: () => Date = () => new Date(),
  distances: DistanceProvider = defaultDistanceProvider(null),
): Pick<RpcHandlers, TourMethods> {
  const db = () => workspace().db.db;
  const artistOf = (id: string) => {
    const a = getArtist(db(), id);
    if (!a || a.deletedAt) throw new RpcError('not_found', `no artist ${id}`);
    return a;
  };

  return {
    'tour.problem': async ({ artistId, partnerIds, from, to, openDates, maxOpenVenues }) => {
      const artist = artistOf(artistId);
      if (artist.lat === 0 && artist.lon === 0)
        throw new RpcError(
          'artist_no_home',
          `${artist.name} has no home base position: set the home city first`,
        );
      const artists = [
        artist,
        ...[...new Set(partnerIds ?? [])].filter((id) => id !== artistId).map(artistOf),
      ];
      const lo = addDays(from, -CLAUSE_LOOKAROUND_DAYS);
      const hi = addDays(to, CLAUSE_LOOKAROUND_DAYS);
      const all = artists.flatMap((a) => dealsInRange(db(), lo, hi, a.id));
      const venues = new Map<string, VenueRecord>();
      for (const d of all) {
        if (venues.has(d.venueId)) continue;
        const v = getVenue(db(), d.venueId);
        if (v && !v.deletedAt) venues.set(v.id, v);
      }
      return buildTourProblem({
        artists,
        from,
        to,
        deals: all,
        events: artists.flatMap((a) => eventsInRange(db(), from, to, a.id)),
        venues,
        openVenues: openDates ? listVenueRecords(db(), {}) : [],
        maxOpenVenues: openDates ? (maxOpenVenues ?? 20) : 0,
      });
    },

    'tour.distances': async ({ points }) => {
      const m = await distances.matrix(points).catch((e: unknown) => {
        throw new RpcError('distances_unavailable', e instanceof Error ? e.message : String(e));
      });
      return { n: m.n, km: Array.from(m.km), hours: m.hours ? Array.from(m.hours) : null, source: m.source };
    },

    'tour.accept': async ({ artistId, partnerIds, stops }) => {
      artistOf(artistId);
      const members = new Set([artistId, ...(partnerIds ?? [])]);
      for (const id of members) artistOf(id);
      const expiry = new Date(now().getTime() + DEFAULT_HOLD_DAYS * 86_400_000).toISOString();
      const results: TourAcceptResult['results'] = [];
      const attempt = async (candidateId: string, dealId: string | null, step: () => Promise<Accepted>) => {
        try {
          const r = await step();
          results.push({ candidateId, ...r });
        } catch (e) {
          if (!(e instanceof RpcError)) throw e;
          results.push({ candidateId, action: 'refused', dealId, holdLevel: null, reason: e.code });
        }
      };
      for (const s of stops) {
        if (s.dealId === null) {
          // An open date: a hold per artist who plays it, the fee split exactly between them.
          const who = (s.artistIds?.length ? s.artistIds : [artistId]).filter((id) => members.has(id));
          for (const [k, id] of who.entries()) {
            const share = Math.floor(s.fee / who.length) + (k === 0 ? s.fee % who.length : 0);
            await attempt(s.candidateId, null, async () => {
              const created = await deals['deal.create']({
                artistId: id,
                venueId: s.venueId,
                date: s.date,
                stage: 'hold',
                guarantee: share,
              });
              return { action: 'created', dealId: created.deal.id, holdLevel: created.deal.holdLevel };
            });
          }
          continue;
        }
        for (const dealId of s.dealIds?.length ? s.dealIds : [s.dealId])
          await attempt(s.candidateId, dealId, async () => {
            const d = getDeal(db(), dealId);
            if (!d || d.deletedAt || !members.has(d.artistId))
              throw new RpcError('not_found', `no deal ${dealId}`);
            const toHold = d.stage === 'request';
            if (!toHold && d.date === s.date) return { action: 'unchanged', dealId, holdLevel: d.holdLevel };
            const patch = toHold
              ? { stage: 'hold' as const, date: s.date, holdExpiresAt: expiry }
              : { date: s.date };
            const updated = await deals['deal.update']({ id: dealId, patch });
            return { action: toHold ? 'held' : 'moved', dealId, holdLevel: updated.deal.holdLevel };
          });
      }
      return { results };
    },

    'tour.pdf': async ({ artistId, from, to, lang, path, itinerary }) => {
      const artist = artistOf(artistId);
      const { bytes, pages } = await tourPdf({ artistName: artist.name, from, to, lang, itinerary });
      return { path, bytes: await writeExportFile(path, bytes), count: pages };
    },
  };
}
