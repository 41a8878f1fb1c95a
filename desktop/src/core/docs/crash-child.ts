/**
 * Child process of crash.test.ts: opens a workspace database, loads every stored
 * document (as the app does at start, compaction and migrations included), then makes
 * a long series of mixed edits through WorkspaceDocs.mutate until it is killed. Before
 * each edit it prints a `begin` line and after it commits an `ack` line, both listing
 * the values the edit leaves: `[docId, collection, id, field, value]`.
 *
 * usage: node --import tsx crash-child.ts <db file> <seed> <round>
 */
import { writeSync } from 'node:fs';
import {
  artistDocId,
  type Collection,
  collectionMap,
  ROOT_DOC,
  readFields,
  upsertRecord,
  venueDocId,
  writeFields,
} from '@flowstage/shared';
import { createRng } from '@flowstage/shared/demo/index';
import * as Y from 'yjs';
import { artist, deal, venue } from '../../../test/fixtures';
import { openDatabase } from '../db/open';
import { WorkspaceDocs } from './workspace-docs';

export type Expectation = [docId: string, collection: Collection, id: string, field: string, value: unknown];
export type ChildLine = { t: 'loading' | 'ready' } | { t: 'begin' | 'ack'; n: number; expect: Expectation[] };

const MAX_EDITS = 20_000;

function print(line: ChildLine): void {
  writeSync(1, `${JSON.stringify(line)}\n`);
}

function main(): void {
  const [file, seedArg, roundArg] = process.argv.slice(2);
  if (!file || !seedArg || !roundArg) throw new Error('usage: crash-child <db> <seed> <round>');
  const round = Number(roundArg);
  const rng = createRng(Number(seedArg)).fork(`round-${round}`);
  print({ t: 'loading' });
  const db = openDatabase(file);
  const docs = new WorkspaceDocs(db.sqlite, () => {});
  for (const docId of docs.storedDocIds()) docs.get(docId);
  print({ t: 'ready' });

  const ids = (docId: string, c: Collection) => [...collectionMap(docs.get(docId), c).keys()].sort();
  const artistIds = () => ids(ROOT_DOC, 'artists');
  const venueDocs = () => docs.storedDocIds().filter((d) => d.startsWith('venues.'));

  for (let n = 0; n < MAX_EDITS; n++) {
    const tag = `${round}-${n}`;
    const artists = artistIds();
    const kind =
      artists.length < 3 ? 'artist' : rng.pick(['artist', 'deal', 'venue', 'field', 'text', 'delete']);
    let docId = ROOT_DOC;
    let expect: Expectation[] = [];
    let edit: (doc: Y.Doc) => void;
    if (kind === 'artist') {
      const id = `a-${tag}`;
      expect = [[docId, 'artists', id, 'name', `Électro ${tag}`]];
      edit = (doc) => upsertRecord(doc, 'artists', id, artist(id, { name: `Électro ${tag}` }));
    } else if (kind === 'deal') {
      const artistId = rng.pick(artists);
      const id = `d-${tag}`;
      docId = artistDocId(artistId);
      expect = [[docId, 'deals', id, 'notes', `Notes ${tag}`]];
      edit = (doc) => upsertRecord(doc, 'deals', id, deal(id, artistId, { notes: `Notes ${tag}` }));
    } else if (kind === 'venue') {
      const id = `v-${tag}`;
      docId = venueDocId(id);
      expect = [[docId, 'venues', id, 'name', `Salle ${tag}`]];
      edit = (doc) => upsertRecord(doc, 'venues', id, venue(id, { name: `Salle ${tag}` }));
    } else if (kind === 'field') {
      const vdocs = venueDocs();
      const onVenue = vdocs.length > 0 && rng.chance(0.4);
      docId = onVenue ? rng.pick(vdocs) : ROOT_DOC;
      const collection = onVenue ? 'venues' : 'artists';
      const id = rng.pick(ids(docId, collection));
      const field = onVenue ? 'capacityStanding' : 'draw';
      const value = rng.int(0, 100_000);
      expect = [[docId, collection, id, field, value]];
      edit = (doc) => writeFields(collection, collectionMap(doc, collection).get(id)!, { [field]: value });
    } else if (kind === 'text') {
      const dealDocs = docs
        .storedDocIds()
        .filter((d) => d.startsWith('artist.') && ids(d, 'deals').length > 0);
      const onDeal = dealDocs.length > 0 && rng.chance(0.5);
      docId = onDeal ? rng.pick(dealDocs) : ROOT_DOC;
      const collection = onDeal ? 'deals' : 'artists';
      const field = onDeal ? 'notes' : 'bio';
      const id = rng.pick(ids(docId, collection));
      const before = String(readFields(collectionMap(docs.get(docId), collection).get(id)!)[field] ?? '');
      const at = rng.int(0, before.length);
      const insert = ` é${tag} `;
      const after = before.slice(0, at) + insert + before.slice(at);
      expect = [[docId, collection, id, field, after]];
      edit = (doc) => {
        const ymap = collectionMap(doc, collection).get(id)!;
        const text = ymap.get(field);
        if (text instanceof Y.Text) text.insert(at, insert);
        else writeFields(collection, ymap, { [field]: after });
      };
    } else {
      const id = rng.pick(artists);
      const deleted = collectionMap(docs.get(ROOT_DOC), 'artists').get(id)!.get('deletedAt') !== null;
      const value = deleted ? null : `2026-03-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`;
      expect = [[docId, 'artists', id, 'deletedAt', value]];
      edit = (doc) => writeFields('artists', collectionMap(doc, 'artists').get(id)!, { deletedAt: value });
    }
    print({ t: 'begin', n, expect });
    docs.mutate(docId, edit);
    print({ t: 'ack', n, expect });
  }
  docs.close();
  db.close();
}

main();
