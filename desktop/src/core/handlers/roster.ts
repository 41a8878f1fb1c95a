import {
  ArtistRecord,
  collectionMap,
  type RpcHandlers,
  readFields,
  ROOT_DOC,
  upsertRecord,
  uuidv7,
  writeFields,
} from '@flowstage/shared';
import * as Y from 'yjs';
import { z } from 'zod';
import type { CoreContext } from '../context';
import { getArtist, listRoster, workspaceCounts } from '../queries/roster';
import { RpcError } from '../rpc/dispatch';

type RosterHandlers = Pick<
  RpcHandlers,
  'roster.list' | 'artist.get' | 'artist.update' | 'artist.create' | 'workspace.counts'
>;

export function rosterHandlers(ctx: CoreContext, now: () => Date = () => new Date()): RosterHandlers {
  return {
    'workspace.counts': async () => workspaceCounts(ctx.workspace.db.db),
    'roster.list': async ({ search }) =>
      listRoster(ctx.workspace.db.db, search, now().toISOString().slice(0, 10)),
    'artist.get': async ({ id }) => {
      const artist = getArtist(ctx.workspace.db.db, id);
      if (!artist) throw new RpcError('not_found', `no artist ${id}`);
      return artist;
    },
    'artist.create': async ({ name, kind }) => {
      const at = now().toISOString();
      const record = ArtistRecord.parse({
        id: uuidv7(now().getTime()),
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        name,
        kind: kind ?? 'band',
        genres: [],
        lineupSize: 1,
        feeMin: 0,
        feeMax: 0,
        currency: 'EUR',
        draw: 0,
        homeCity: '',
        homeCountry: 'FR',
        lat: 0,
        lon: 0,
        agentId: null,
        radiusKm: 0,
        radiusDaysBefore: 0,
        radiusDaysAfter: 0,
        bio: '',
      });
      ctx.workspace.docs.mutate(ROOT_DOC, (doc) => upsertRecord(doc, 'artists', record.id, record));
      return record;
    },
    'artist.update': async ({ id, patch }) => {
      const ws = ctx.workspace;
      const ymap = collectionMap(ws.docs.get(ROOT_DOC), 'artists').get(id);
      if (!(ymap instanceof Y.Map)) throw new RpcError('not_found', `no artist ${id}`);
      const fields = { ...patch, updatedAt: now().toISOString() };
      const parsed = ArtistRecord.safeParse({ ...readFields(ymap), ...fields });
      if (!parsed.success) throw new RpcError('invalid_record', z.prettifyError(parsed.error));
      if (parsed.data.feeMin > parsed.data.feeMax) {
        throw new RpcError('invalid_record', 'the minimum fee must not exceed the maximum fee');
      }
      ws.docs.mutate(ROOT_DOC, () => writeFields('artists', ymap, fields));
      return parsed.data;
    },
  };
}
