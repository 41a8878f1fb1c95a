/**
 * Deals entered by hand, deleted and restored, each one edit of the artist's document
 * (undoable; a creation shows in the undo list). A new hold goes through the shared holds
 * rules (placeHold: one 1st hold per artist and date, refused on a firm date or when every
 * level is taken) and gets a default expiry; deleting a hold releases it (lower holds are
 * promoted); restoring it places it again at the next level. The result is the deal's
 * detail, whose radius-clause conflicts are the creation's warnings.
 */
import {
  artistDocId,
  collectionMap,
  DEFAULT_AGENCY_COMMISSION_BPS,
  DealRecord,
  type DealHistoryEntry,
  type HoldChange,
  type HoldDeal,
  HoldError,
  isActiveHold,
  placeHold,
  type RpcHandlers,
  readFields,
  releaseHold,
  upsertRecord,
  uuidv7,
  writeFields,
} from '@flowstage/shared';
import * as Y from 'yjs';
import { z } from 'zod';
import { dealsOfArtist, getArtist, getDeal } from '../queries/deals';
import { getVenue } from '../queries/directory';
import { setDeleted } from '../records/soft-delete';
import { RpcError } from '../rpc/dispatch';
import { appendHistory } from './deal-history';
import { applyWrites, type DealWrite, docDeals } from './deal-holds';
import { dealHandlers } from './deals';
import type { DirectoryWorkspace } from './directory';

/** A new hold's expiry, editable on the deal page. */
export const DEFAULT_HOLD_DAYS = 14;

type CreateMethods = 'deal.create' | 'deal.delete' | 'deal.restore';

function refused(err: unknown): never {
  if (err instanceof HoldError) throw new RpcError(`hold_${err.code}`, err.message);
  throw err;
}

/** The writes of the other deals of the date that a hold step moved (promotions). */
export function holdWrites(
  before: readonly HoldDeal[],
  after: readonly HoldDeal[],
  changes: readonly HoldChange[],
  skip: string,
  at: string,
  by: string,
): DealWrite[] {
  return after.flatMap((d) => {
    const was = before.find((b) => b.id === d.id);
    if (!was || d.id === skip) return [];
    const fields = (['stage', 'holdLevel', 'holdExpiresAt'] as const).filter((f) => was[f] !== d[f]);
    if (fields.length === 0) return [];
    const kind = changes.filter((c) => c.dealId === d.id).at(-1)?.kind ?? 'hold_promoted';
    const history: DealHistoryEntry = {
      at,
      by,
      kind,
      changes: fields.map((f) => ({ field: f, from: was[f], to: d[f] })),
    };
    return [
      {
        id: d.id,
        fields: { ...Object.fromEntries(fields.map((f) => [f, d[f]])), updatedAt: at },
        history: [history],
      },
    ];
  });
}

export function dealCreateHandlers(
  workspace: () => DirectoryWorkspace,
  now: () => Date = () => new Date(),
  actor: () => string = () => '',
  newId: () => string = () => uuidv7(),
): Pick<RpcHandlers, CreateMethods> {
  const db = () => workspace().db.db;
  const details = dealHandlers(workspace, now, actor);

  function docOfDeal(id: string) {
    const projected = getDeal(db(), id);
    if (!projected) throw new RpcError('not_found', `no deal ${id}`);
    const docId = artistDocId(projected.artistId);
    const doc = workspace().docs.get(docId);
    const ymap = collectionMap(doc, 'deals').get(id);
    if (!(ymap instanceof Y.Map)) throw new RpcError('not_found', `no deal ${id}`);
    const current = DealRecord.parse({ deletedAt: null, ...readFields(ymap) });
    return { docId, doc, current };
  }

  /** Soft delete or restore with the hold released (delete) or placed again (restore). */
  function setLive(id: string, live: boolean): DealRecord {
    const { docId, doc, current } = docOfDeal(id);
    if ((current.deletedAt === null) === live) return current;
    const at = now().toISOString();
    const by = actor();
    const group = docDeals(doc).filter((d) => d.date === current.date && d.id !== id);
    const fields: Partial<DealRecord> = { deletedAt: live ? null : at, updatedAt: at };
    let writes: DealWrite[] = [];
    if (!live && isActiveHold(current)) {
      const r = (() => {
        try {
          return releaseHold([...group, current], id, at);
        } catch (err) {
          return refused(err);
        }
      })();
      writes = holdWrites(group, r.deals, r.changes, id, at, by);
      Object.assign(fields, { holdLevel: null });
    } else if (live && current.stage === 'hold' && current.holdLevel === null) {
      try {
        const r = placeHold(group, current, at, current.holdExpiresAt);
        writes = holdWrites(group, r.deals, r.changes, id, at, by);
        Object.assign(fields, { holdLevel: r.level });
      } catch (err) {
        if (!(err instanceof HoldError)) throw err;
        // The date is firm now, or every level is taken: back as released.
        Object.assign(fields, { stage: 'released', holdExpiresAt: null });
      }
    }
    workspace().docs.mutate(docId, (d) => {
      const ymap = collectionMap(d, 'deals').get(id) as Y.Map<unknown>;
      writeFields('deals', ymap, fields);
      applyWrites(d, writes);
    });
    return setDeleted(workspace().docs, { collection: 'deals', docId, id }, !live, now());
  }

  return {
    'deal.create': async (params) => {
      const artist = getArtist(db(), params.artistId);
      if (!artist || artist.deletedAt) throw new RpcError('not_found', `no artist ${params.artistId}`);
      const venue = getVenue(db(), params.venueId);
      if (!venue || venue.deletedAt) throw new RpcError('not_found', `no venue ${params.venueId}`);
      const at = now().toISOString();
      const by = actor();
      const stage = params.stage ?? 'hold';
      const usual = dealsOfArtist(db(), artist.id).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
      const expires = new Date(now().getTime() + DEFAULT_HOLD_DAYS * 86_400_000).toISOString();
      const candidate = DealRecord.safeParse({
        id: newId(),
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        artistId: artist.id,
        venueId: venue.id,
        contactId: params.contactId ?? null,
        date: params.date,
        stage,
        holdLevel: null,
        holdExpiresAt: null,
        dealType: params.dealType ?? 'flat',
        guarantee: params.guarantee ?? 0,
        percentageBps: params.percentageBps ?? 0,
        currency: params.currency ?? (venue.country === 'CH' ? 'CHF' : 'EUR'),
        ticketPrice: 0,
        capacity: Math.max(venue.capacityStanding, venue.capacitySeated),
        agencyCommissionBps:
          params.agencyCommissionBps ?? usual?.agencyCommissionBps ?? DEFAULT_AGENCY_COMMISSION_BPS,
        notes: params.notes ?? '',
      });
      if (!candidate.success) throw new RpcError('invalid_record', z.prettifyError(candidate.error));
      let record = candidate.data;
      const docId = artistDocId(artist.id);
      const group = docDeals(workspace().docs.get(docId)).filter((d) => d.date === record.date);
      let writes: DealWrite[] = [];
      if (stage === 'hold') {
        try {
          const r = placeHold(group, { ...record, stage: 'request' }, at, expires);
          record = { ...record, holdLevel: r.level, holdExpiresAt: expires };
          writes = holdWrites(group, r.deals, r.changes, record.id, at, by);
        } catch (err) {
          refused(err);
        }
      }
      const created = DealRecord.parse(record);
      workspace().docs.mutate(docId, (d) => {
        upsertRecord(d, 'deals', created.id, created);
        applyWrites(d, writes);
        appendHistory(d, created.id, {
          at,
          by,
          kind: 'created',
          changes: (['stage', 'holdLevel', 'date', 'guarantee'] as const).map((f) => ({
            field: f,
            from: null,
            to: created[f],
          })),
        });
      });
      return details['deal.get']({ id: created.id });
    },
    'deal.delete': async ({ id }) => setLive(id, false),
    'deal.restore': async ({ id }) => setLive(id, true),
  };
}
