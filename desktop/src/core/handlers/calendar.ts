/**
 * Calendar handlers: items of a date range, the check before a hold is dragged to
 * another date (the move itself is `deal.update` with the new date, which applies the
 * holds rules and writes the history), and the avails with their text and PDF exports.
 */
import {
  type AvailsResult,
  availsText,
  availSummary,
  type CheckMoveResult,
  computeAvails,
  dateInZone,
  FIRM_STAGES,
  isActiveHold,
  type MoveIssue,
  type RpcHandlers,
  radiusConflicts,
} from '@flowstage/shared';
import { availsPdf } from '../export/avails-pdf';
import { writeExportFile } from '../export/files';
import { AGENCY_TIME_ZONE, calendarItems, dealsInRange, eventsInRange } from '../queries/calendar';
import { dealsOfArtist, getArtist, getDeal, namesOf } from '../queries/deals';
import { RpcError } from '../rpc/dispatch';
import { planHolds } from './deals';
import type { DirectoryWorkspace } from './directory';

type CalendarMethods =
  | 'calendar.items'
  | 'calendar.checkMove'
  | 'calendar.avails'
  | 'calendar.availsText'
  | 'calendar.availsPdf';
type CalendarHandlers = Pick<RpcHandlers, CalendarMethods>;

function issue(code: MoveIssue['code'], more: Partial<Omit<MoveIssue, 'code'>> = {}): MoveIssue {
  return {
    code,
    otherId: null,
    otherLabel: '',
    otherDate: null,
    distanceKm: null,
    daysApart: null,
    level: null,
    ...more,
  };
}

export function calendarHandlers(
  workspace: () => DirectoryWorkspace,
  now: () => Date = () => new Date(),
): CalendarHandlers {
  const db = () => workspace().db.db;

  function liveArtist(id: string) {
    const artist = getArtist(db(), id);
    if (!artist || artist.deletedAt) throw new RpcError('not_found', `no artist ${id}`);
    return artist;
  }

  function checkMove(dealId: string, date: string): CheckMoveResult {
    const deal = getDeal(db(), dealId);
    if (!deal || deal.deletedAt) throw new RpcError('not_found', `no deal ${dealId}`);
    const at = now().toISOString();
    const refusals: MoveIssue[] = [];
    const warnings: MoveIssue[] = [];
    if (!isActiveHold(deal)) refusals.push(issue('not_a_hold'));
    if (date === deal.date) refusals.push(issue('same_date'));
    if (date < dateInZone(at, AGENCY_TIME_ZONE)) refusals.push(issue('past_date'));
    const mine = dealsOfArtist(db(), deal.artistId);
    const names = namesOf(db(), [], [...new Set(mine.map((d) => d.venueId))]);
    const venueName = (venueId: string) => names.venue.get(venueId)?.name ?? '';
    const others = mine.filter((d) => d.id !== dealId);
    const firm = others.find((d) => d.date === date && FIRM_STAGES.has(d.stage));
    if (firm) {
      refusals.push(
        issue('date_taken', { otherId: firm.id, otherLabel: venueName(firm.venueId), otherDate: date }),
      );
    }
    let level: number | null = null;
    let firstId: string | null = null;
    if (isActiveHold(deal) && date !== deal.date && !firm) {
      try {
        const plan = planHolds(others, deal, { ...deal, date }, undefined, at);
        level = plan.deals.get(dealId)?.holdLevel ?? null;
        // The 1st hold of that date once the move is done (lower holds promoted).
        for (const d of plan.deals.values()) {
          if (d.id !== dealId && d.date === date && isActiveHold(d) && d.holdLevel === 1) firstId = d.id;
        }
      } catch (err) {
        if (!(err instanceof RpcError)) throw err;
        refusals.push(issue(err.code === 'hold_no_level_left' ? 'no_level_left' : 'date_taken'));
      }
    }
    if (level !== null && level > 1) {
      const first = others.find((d) => d.id === firstId);
      warnings.push(
        issue('lower_hold', {
          level,
          otherId: first?.id ?? null,
          otherLabel: first ? venueName(first.venueId) : '',
          otherDate: date,
        }),
      );
    }
    for (const { event } of eventsInRange(db(), date, date, deal.artistId)) {
      const about = { otherId: event.id, otherLabel: event.title, otherDate: date };
      if (event.kind === 'day_off') refusals.push(issue('day_off', about));
      else if (event.kind === 'travel' && !firm) refusals.push(issue('travel', about));
      else if (event.kind === 'promo' || event.kind === 'rehearsal') warnings.push(issue('busy', about));
    }
    const artist = getArtist(db(), deal.artistId);
    if (artist && refusals.length === 0) {
      const located = mine.flatMap((d) => {
        const v = names.venue.get(d.venueId);
        const when = d.id === dealId ? date : d.date;
        return v ? [{ id: d.id, date: when, stage: d.stage, lat: v.lat, lon: v.lon }] : [];
      });
      for (const c of radiusConflicts(artist, located)) {
        if (c.anchorId !== dealId && c.otherId !== dealId) continue;
        const otherId = c.anchorId === dealId ? c.otherId : c.anchorId;
        const other = mine.find((d) => d.id === otherId);
        warnings.push(
          issue('radius', {
            otherId,
            otherLabel: other ? venueName(other.venueId) : '',
            otherDate: other?.date ?? null,
            distanceKm: Math.round(c.distanceKm),
            daysApart: c.daysApart,
          }),
        );
      }
    }
    return { dealId, date, allowed: refusals.length === 0, refusals, warnings, level };
  }

  function avails(artistId: string, from: string, to: string): AvailsResult {
    const artist = liveArtist(artistId);
    const deals = dealsInRange(db(), from, to, artistId);
    const blocks = eventsInRange(db(), from, to, artistId).map((e) => ({
      kind: e.event.kind,
      from: e.from,
      to: e.to,
    }));
    return { artistId, artistName: artist.name, from, to, days: computeAvails(from, to, deals, blocks) };
  }

  return {
    'calendar.items': async (p) => calendarItems(db(), p),
    'calendar.checkMove': async ({ dealId, date }) => checkMove(dealId, date),
    'calendar.avails': async ({ artistId, from, to }) => avails(artistId, from, to),
    'calendar.availsText': async ({ artistId, from, to, lang, group, includeHeld }) => {
      const a = avails(artistId, from, to);
      return {
        text: availsText(a.days, { lang, group, artistName: a.artistName, from, to, includeHeld }),
        openDays: availSummary(a.days).open,
      };
    },
    'calendar.availsPdf': async ({ artistId, from, to, lang, path }) => {
      const a = avails(artistId, from, to);
      const { bytes, pages } = await availsPdf({ artistName: a.artistName, from, to, days: a.days, lang });
      return { path, bytes: await writeExportFile(path, bytes), count: pages };
    },
  };
}
