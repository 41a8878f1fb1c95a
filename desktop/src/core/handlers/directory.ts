/** Directory handlers: venues and contacts read from the projection, written as document edits. */
import { readFile } from 'node:fs/promises';
import {
  collectionMap,
  ContactRecord,
  contactDocId,
  type DirectoryCollection,
  type ImportSource,
  type Interaction,
  type RpcHandlers,
  readFields,
  uuidv7,
  VenueRecord,
  venueDocId,
  writeFields,
} from '@flowstage/shared';
import * as Y from 'yjs';
import { z } from 'zod';
import type { OpenedDb } from '../db/open';
import { directoryCsv } from '../export/directory-csv';
import { directoryXlsx } from '../export/directory-xlsx';
import { writeExportFile } from '../export/files';
import { commitRecords, type MutableDocs } from '../import/commit';
import { buildImport } from '../import/preview';
import {
  contactsOfVenue,
  directoryTags,
  existingKeys,
  getContact,
  getVenue,
  listContactRecords,
  listContacts,
  listVenueRecords,
  listVenues,
} from '../queries/directory';
import { RpcError } from '../rpc/dispatch';

type DirectoryMethods =
  | 'venues.list'
  | 'venues.tags'
  | 'venue.get'
  | 'venue.update'
  | 'venue.addInteraction'
  | 'contacts.list'
  | 'contacts.tags'
  | 'contact.get'
  | 'contact.update'
  | 'contact.addInteraction'
  | 'directory.importPreview'
  | 'directory.importCommit'
  | 'directory.export';
type DirectoryHandlers = Pick<RpcHandlers, DirectoryMethods>;

/** What the handlers need of an open workspace (a `Workspace`, or a test device). */
export interface DirectoryWorkspace {
  db: OpenedDb;
  docs: MutableDocs & { get(docId: string): Y.Doc };
}

const MAX_IMPORT_BYTES = 20_000_000;

function cleanTags(tags: readonly string[] | undefined): string[] | undefined {
  if (!tags) return undefined;
  const seen = new Set<string>();
  return tags
    .map((t) => t.trim())
    .filter((t) => {
      const k = t.toLocaleLowerCase('fr');
      if (!t || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

async function importText(source: ImportSource): Promise<string> {
  if (source.text !== undefined) return source.text;
  if (!source.path) throw new RpcError('invalid_params', 'give the CSV text or a file path');
  if (!(source.path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(source.path))) {
    throw new RpcError('invalid_params', 'the path must be absolute');
  }
  let buf: Buffer;
  try {
    buf = await readFile(source.path);
  } catch (err) {
    throw new RpcError('file_unreadable', `cannot read ${source.path}: ${(err as Error).message}`);
  }
  if (buf.length > MAX_IMPORT_BYTES) throw new RpcError('file_too_large', 'the file is larger than 20 MB');
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  // Not UTF-8 (replacement characters): Excel's Windows-1252 export.
  return utf8.includes('\ufffd') ? new TextDecoder('windows-1252').decode(buf) : utf8;
}

export function directoryHandlers(
  workspace: () => DirectoryWorkspace,
  now: () => Date = () => new Date(),
  newId: () => string = () => uuidv7(),
): DirectoryHandlers {
  const db = () => workspace().db.db;

  /** A live (not deleted) venue or contact: its document, map and fields. */
  function liveRecord(collection: DirectoryCollection, id: string) {
    const ws = workspace();
    const docId = collection === 'venues' ? venueDocId(id) : contactDocId(id);
    const ymap = collectionMap(ws.docs.get(docId), collection).get(id);
    if (!(ymap instanceof Y.Map)) throw new RpcError('not_found', `no ${collection} record ${id}`);
    const current = readFields(ymap);
    if (current.deletedAt) throw new RpcError('not_found', `${id} was deleted`);
    return { ws, docId, ymap, current };
  }

  function update<C extends DirectoryCollection>(
    collection: C,
    id: string,
    fields: Record<string, unknown>,
  ): C extends 'venues' ? VenueRecord : ContactRecord {
    const { ws, docId, ymap, current } = liveRecord(collection, id);
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const all = { ...defined, updatedAt: now().toISOString() };
    const schema = collection === 'venues' ? VenueRecord : ContactRecord;
    const parsed = schema.safeParse({ deletedAt: null, ...current, ...all });
    if (!parsed.success) throw new RpcError('invalid_record', z.prettifyError(parsed.error));
    ws.docs.mutate(docId, () => writeFields(collection, ymap, all));
    return parsed.data as C extends 'venues' ? VenueRecord : ContactRecord;
  }

  function addInteraction(
    collection: DirectoryCollection,
    id: string,
    entry: { kind: Interaction['kind']; date: string; text: string },
  ): Interaction[] {
    const { ws, docId, ymap, current } = liveRecord(collection, id);
    const existing = (current.interactions as Interaction[] | undefined) ?? [];
    const updatedAt = now().toISOString();
    const interaction: Interaction = { id: newId(), ...entry, createdAt: updatedAt };
    const next = [...existing, interaction];
    const schema = collection === 'venues' ? VenueRecord : ContactRecord;
    const parsed = schema.safeParse({ deletedAt: null, ...current, interactions: next, updatedAt });
    if (!parsed.success) throw new RpcError('invalid_record', z.prettifyError(parsed.error));
    // A Y.Array: entries added on two devices at once both stay (a plain array would keep one).
    ws.docs.mutate(docId, () => {
      const list = ymap.get('interactions');
      if (list instanceof Y.Array) list.push([interaction]);
      else ymap.set('interactions', Y.Array.from<Interaction>([...existing, interaction]));
      ymap.set('updatedAt', updatedAt);
    });
    return newestFirst(next);
  }

  async function preview(source: ImportSource) {
    const text = await importText(source);
    return buildImport(source.collection, text, {
      existing: existingKeys(db()),
      now: now().toISOString(),
      newId,
      mapping: source.mapping,
    });
  }

  return {
    'venues.list': async (params) => listVenues(db(), params),
    'venues.tags': async () => directoryTags(db(), 'venues'),
    'venue.get': async ({ id }) => {
      const venue = getVenue(db(), id);
      if (!venue || venue.deletedAt) throw new RpcError('not_found', `no venue ${id}`);
      return {
        venue: { ...venue, interactions: newestFirst(venue.interactions ?? []) },
        contacts: contactsOfVenue(db(), id),
      };
    },
    'venue.update': async ({ id, patch }) => update('venues', id, { ...patch, tags: cleanTags(patch.tags) }),
    'venue.addInteraction': async ({ id, interaction }) => addInteraction('venues', id, interaction),
    'contacts.list': async (params) => listContacts(db(), params),
    'contacts.tags': async () => directoryTags(db(), 'contacts'),
    'contact.get': async ({ id }) => {
      const contact = getContact(db(), id);
      if (!contact || contact.deletedAt) throw new RpcError('not_found', `no contact ${id}`);
      return { ...contact, interactions: newestFirst(contact.interactions ?? []) };
    },
    'contact.update': async ({ id, patch }) => {
      if (patch.venueId && !getVenue(db(), patch.venueId)) {
        throw new RpcError('invalid_record', `no venue ${patch.venueId}`);
      }
      return update('contacts', id, { ...patch, tags: cleanTags(patch.tags) });
    },
    'contact.addInteraction': async ({ id, interaction }) => addInteraction('contacts', id, interaction),
    'directory.importPreview': async (source) => (await preview(source)).preview,
    'directory.importCommit': async (source) => {
      const built = await preview(source);
      if (built.preview.counts.error > 0) {
        throw new RpcError(
          'import_invalid',
          `${built.preview.counts.error} line(s) have errors: nothing was imported`,
          built.preview,
        );
      }
      const records = built.rows.flatMap((r) => (r.record ? [r.record] : []));
      const created = commitRecords(workspace().docs, source.collection, records);
      return { created, skippedDuplicates: built.preview.counts.duplicate, preview: built.preview };
    },
    'directory.export': async ({ collection, format, path, search, tag }) => {
      const records =
        collection === 'venues'
          ? listVenueRecords(db(), { search, tag })
          : listContactRecords(db(), { search, tag });
      const data =
        format === 'xlsx' ? await directoryXlsx(collection, records) : directoryCsv(collection, records);
      const bytes = await writeExportFile(path, data);
      return { path, rows: records.length, bytes };
    },
  };
}

/** Interactions by date, newest first (then by when they were entered). */
export function newestFirst(list: readonly Interaction[]): Interaction[] {
  return [...list].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  );
}
