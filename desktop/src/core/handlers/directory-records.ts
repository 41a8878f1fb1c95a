/**
 * Venues and contacts entered by hand, deleted and restored. A new record is validated by
 * its schema, checked against the import's de-duplication keys (venues: name + city,
 * contacts: e-mail) and written to its directory document by the import's commit: one
 * local edit, so it shows in the undo list and Ctrl-Z removes it. Delete and restore are
 * the soft delete of records/soft-delete.ts (only `deletedAt` is written).
 */
import {
  ContactRecord,
  contactDocId,
  type DirectoryCollection,
  type RpcHandlers,
  uuidv7,
  VenueRecord,
  venueDocId,
} from '@flowstage/shared';
import { z } from 'zod';
import { commitRecords } from '../import/commit';
import { emailKey, venueKey } from '../import/preview';
import { existingKeys, getVenue } from '../queries/directory';
import { cityCoordinates } from '../records/city-geo';
import { setDeleted } from '../records/soft-delete';
import { RpcError } from '../rpc/dispatch';
import type { DirectoryWorkspace } from './directory';

type RecordMethods =
  | 'venue.create'
  | 'venue.delete'
  | 'venue.restore'
  | 'contact.create'
  | 'contact.delete'
  | 'contact.restore';

function cleanTags(tags: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  return (tags ?? [])
    .map((t) => t.trim())
    .filter((t) => t !== '' && !seen.has(t.toLocaleLowerCase('fr')) && seen.add(t.toLocaleLowerCase('fr')));
}

function parsed<T>(schema: z.ZodType<T>, candidate: unknown): T {
  const r = schema.safeParse(candidate);
  if (!r.success) throw new RpcError('invalid_record', z.prettifyError(r.error));
  return r.data;
}

export function directoryRecordHandlers(
  workspace: () => DirectoryWorkspace,
  now: () => Date = () => new Date(),
  newId: () => string = () => uuidv7(),
): Pick<RpcHandlers, RecordMethods> {
  const db = () => workspace().db.db;
  const base = () => {
    const at = now().toISOString();
    return { id: newId(), createdAt: at, updatedAt: at, deletedAt: null };
  };
  const softDelete = (collection: DirectoryCollection, id: string, deleted: boolean) => {
    const docId = collection === 'venues' ? venueDocId(id) : contactDocId(id);
    return setDeleted(workspace().docs, { collection, docId, id }, deleted, now());
  };

  return {
    'venue.create': async ({ allowDuplicate, ...fields }) => {
      const country = fields.country ?? 'FR';
      const city = (fields.city ?? '').trim();
      const { lat, lon } = cityCoordinates(city, country);
      const record = parsed(VenueRecord, {
        ...base(),
        name: fields.name.trim(),
        kind: fields.kind ?? 'club',
        address: (fields.address ?? '').trim(),
        postalCode: (fields.postalCode ?? '').trim(),
        city,
        country,
        lat,
        lon,
        capacityStanding: fields.capacityStanding ?? 0,
        capacitySeated: fields.capacitySeated ?? 0,
        genres: [],
        budgetMin: 0,
        budgetMax: 0,
        currency: country === 'CH' ? 'CHF' : 'EUR',
        email: (fields.email ?? '').trim(),
        phone: (fields.phone ?? '').trim(),
        website: (fields.website ?? '').trim(),
        tags: cleanTags(fields.tags),
        interactions: [],
      });
      if (record.email && !z.email().safeParse(record.email).success) {
        throw new RpcError('invalid_email', `${record.email} is not an e-mail address`);
      }
      if (!allowDuplicate && existingKeys(db()).venues.has(venueKey(record.name, record.city))) {
        throw new RpcError('duplicate_venue', `${record.name}, ${record.city} is already in the directory`);
      }
      commitRecords(workspace().docs, 'venues', [record]);
      return record;
    },
    'contact.create': async ({ allowDuplicate, ...fields }) => {
      const venueId = fields.venueId ?? null;
      const venue = venueId ? getVenue(db(), venueId) : null;
      if (venueId && (!venue || venue.deletedAt)) throw new RpcError('invalid_record', `no venue ${venueId}`);
      const record = parsed(ContactRecord, {
        ...base(),
        firstName: (fields.firstName ?? '').trim(),
        lastName: (fields.lastName ?? '').trim(),
        role: fields.role ?? 'programmer',
        company: (fields.company || venue?.name || '').trim(),
        email: (fields.email ?? '').trim(),
        phone: (fields.phone ?? '').trim(),
        venueId,
        city: (fields.city || venue?.city || '').trim(),
        country: fields.country ?? venue?.country ?? 'FR',
        tags: cleanTags(fields.tags),
        interactions: [],
      });
      if (!record.firstName && !record.lastName && !record.email) {
        throw new RpcError('needs_name', 'a contact needs a name or an e-mail');
      }
      if (record.email && !z.email().safeParse(record.email).success) {
        throw new RpcError('invalid_email', `${record.email} is not an e-mail address`);
      }
      if (!allowDuplicate && record.email && existingKeys(db()).contactEmails.has(emailKey(record.email))) {
        throw new RpcError('duplicate_contact', `${record.email} is already in the directory`);
      }
      commitRecords(workspace().docs, 'contacts', [record]);
      return record;
    },
    'venue.delete': async ({ id }) => VenueRecord.parse(softDelete('venues', id, true)),
    'venue.restore': async ({ id }) => VenueRecord.parse(softDelete('venues', id, false)),
    'contact.delete': async ({ id }) => ContactRecord.parse(softDelete('contacts', id, true)),
    'contact.restore': async ({ id }) => ContactRecord.parse(softDelete('contacts', id, false)),
  };
}
