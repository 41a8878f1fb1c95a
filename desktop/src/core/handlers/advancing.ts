/**
 * Advancing handlers: read from the projection, written as edits of the deal in its
 * artist's document. Schedule and day contacts are plain fields (last writer wins, field
 * by field), production and hospitality Y.Text (character merge), and the guest list a
 * Y.Array inside the deal's Y.Map, so guests added on two devices at once both stay.
 */
import {
  type AdvancingDetail,
  type AdvancingPatch,
  artistDocId,
  collectionMap,
  DealRecord,
  FIRM_STAGES,
  type GuestEntry,
  type NewGuest,
  type RpcHandlers,
  readFields,
  uuidv7,
  writeFields,
} from '@flowstage/shared';
import * as Y from 'yjs';
import { z } from 'zod';
import { daySheetPdf } from '../export/pdf/day-sheet';
import { tourBookPdf } from '../export/pdf/tour-book';
import { writeExportFile } from '../export/files';
import { advancingDetail, contactsById, eventsBetween, firmDeals, listAdvancing } from '../queries/advancing';
import { getArtist, getDeal } from '../queries/deals';
import { RpcError } from '../rpc/dispatch';
import type { DirectoryWorkspace } from './directory';

type AdvancingMethods =
  | 'advancing.list'
  | 'advancing.get'
  | 'advancing.update'
  | 'advancing.addGuest'
  | 'advancing.removeGuest'
  | 'advancing.daySheetPdf'
  | 'advancing.tourBookPdf';
type AdvancingHandlers = Pick<RpcHandlers, AdvancingMethods>;

/** Longest tour book period, in days. */
export const MAX_TOUR_DAYS = 366;

/** The calendar date of an instant in the agency's time zone. */
function localToday(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Add a guest to a deal's Y.Map: pushed on its Y.Array (a legacy plain array is converted). */
export function pushGuest(ymap: Y.Map<unknown>, guest: GuestEntry): void {
  const list = ymap.get('guestList');
  if (list instanceof Y.Array) list.push([guest]);
  else {
    const existing = Array.isArray(list) ? (list as GuestEntry[]) : [];
    ymap.set('guestList', Y.Array.from<GuestEntry>([...existing, guest]));
  }
}

/** Remove a guest by id; false when it is not (or no longer) there. */
export function dropGuest(ymap: Y.Map<unknown>, guestId: string): boolean {
  const list = ymap.get('guestList');
  if (list instanceof Y.Array) {
    const index = (list.toArray() as GuestEntry[]).findIndex((g) => g?.id === guestId);
    if (index < 0) return false;
    list.delete(index, 1);
    return true;
  }
  const existing = Array.isArray(list) ? (list as GuestEntry[]) : [];
  if (!existing.some((g) => g.id === guestId)) return false;
  ymap.set('guestList', Y.Array.from<GuestEntry>(existing.filter((g) => g.id !== guestId)));
  return true;
}

export function advancingHandlers(
  workspace: () => DirectoryWorkspace,
  now: () => Date = () => new Date(),
  newId: () => string = () => uuidv7(),
  footer: () => string = () => 'Flow Stage',
): AdvancingHandlers {
  const db = () => workspace().db.db;

  function liveDeal(id: string) {
    const projected = getDeal(db(), id);
    if (!projected || projected.deletedAt) throw new RpcError('not_found', `no deal ${id}`);
    const ws = workspace();
    const docId = artistDocId(projected.artistId);
    const ymap = collectionMap(ws.docs.get(docId), 'deals').get(id);
    if (!(ymap instanceof Y.Map)) throw new RpcError('not_found', `no deal ${id}`);
    const parsed = DealRecord.safeParse({ deletedAt: null, ...readFields(ymap) });
    if (!parsed.success) throw new RpcError('invalid_record', z.prettifyError(parsed.error));
    if (parsed.data.deletedAt) throw new RpcError('not_found', `${id} was deleted`);
    return { ws, docId, ymap, current: parsed.data };
  }

  function detail(id: string): AdvancingDetail {
    return advancingDetail(db(), liveDeal(id).current);
  }

  function validated(current: DealRecord, fields: Record<string, unknown>): DealRecord {
    const parsed = DealRecord.safeParse({ ...current, ...fields });
    if (!parsed.success) throw new RpcError('invalid_record', z.prettifyError(parsed.error));
    return parsed.data;
  }

  function update(id: string, patch: AdvancingPatch): AdvancingDetail {
    const { ws, docId, ymap, current } = liveDeal(id);
    const fields: Record<string, unknown> = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    );
    if (patch.dayContactIds) {
      const ids = [...new Set(patch.dayContactIds)];
      const known = new Set(contactsById(db(), ids).map((c) => c.id));
      const missing = ids.filter((c) => !known.has(c));
      if (missing.length > 0) throw new RpcError('not_found', `no contact ${missing.join(', ')}`);
      fields.dayContactIds = ids;
    }
    const changed = Object.keys(fields).filter(
      (k) => JSON.stringify(current[k as keyof DealRecord] ?? null) !== JSON.stringify(fields[k]),
    );
    if (changed.length === 0) return detail(id);
    const updatedAt = now().toISOString();
    validated(current, { ...fields, updatedAt });
    const written = Object.fromEntries(changed.map((k) => [k, fields[k]]));
    ws.docs.mutate(docId, () => {
      writeFields('deals', ymap, { ...written, updatedAt });
      // The guest list's Y.Array made early: two devices adding a first guest at once would
      // each create one, and one of the two arrays (with its guest) would lose the key.
      if (ymap.get('guestList') === undefined) ymap.set('guestList', new Y.Array<GuestEntry>());
    });
    return detail(id);
  }

  function addGuest(id: string, guest: NewGuest): AdvancingDetail {
    const { ws, docId, ymap, current } = liveDeal(id);
    const entry: GuestEntry = { id: newId(), ...guest, name: guest.name.trim(), note: guest.note.trim() };
    const updatedAt = now().toISOString();
    validated(current, { guestList: [...(current.guestList ?? []), entry], updatedAt });
    ws.docs.mutate(docId, () => {
      pushGuest(ymap, entry);
      ymap.set('updatedAt', updatedAt);
    });
    return detail(id);
  }

  function removeGuest(id: string, guestId: string): AdvancingDetail {
    const { ws, docId, ymap, current } = liveDeal(id);
    if (!(current.guestList ?? []).some((g) => g.id === guestId)) {
      throw new RpcError('not_found', `no guest ${guestId} on deal ${id}`);
    }
    const updatedAt = now().toISOString();
    ws.docs.mutate(docId, () => {
      if (dropGuest(ymap, guestId)) ymap.set('updatedAt', updatedAt);
    });
    return detail(id);
  }

  return {
    'advancing.list': async (params) =>
      listAdvancing(db(), { ...params, from: params.from ?? localToday(now()) }),
    'advancing.get': async ({ dealId }) => detail(dealId),
    'advancing.update': async ({ dealId, patch }) => update(dealId, patch),
    'advancing.addGuest': async ({ dealId, guest }) => addGuest(dealId, guest),
    'advancing.removeGuest': async ({ dealId, guestId }) => removeGuest(dealId, guestId),
    'advancing.daySheetPdf': async ({ dealId, lang, path }) => {
      const d = detail(dealId);
      const { bytes, pages } = await daySheetPdf(d, lang, { footer: footer() });
      return { path, bytes: await writeExportFile(path, bytes), count: pages };
    },
    'advancing.tourBookPdf': async ({ artistId, from, to, lang, path }) => {
      const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
      if (days > MAX_TOUR_DAYS)
        throw new RpcError('invalid_params', `a tour book covers at most ${MAX_TOUR_DAYS} days`);
      const artist = getArtist(db(), artistId);
      if (!artist || artist.deletedAt) throw new RpcError('not_found', `no artist ${artistId}`);
      const shows = firmDeals(db(), { artistId, from, to })
        .filter((d) => FIRM_STAGES.has(d.stage))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .map((d) => advancingDetail(db(), d));
      const { bytes, pages } = await tourBookPdf(
        {
          artist: { name: artist.name, homeCity: artist.homeCity, lat: artist.lat, lon: artist.lon },
          from,
          to,
          shows,
          events: eventsBetween(db(), artistId, from, to),
        },
        lang,
        { footer: footer() },
      );
      return { path, bytes: await writeExportFile(path, bytes), count: pages };
    },
  };
}
