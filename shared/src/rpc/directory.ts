/**
 * Directory RPC (venues and contacts): lists, detail, edits, tags, interaction history,
 * CSV import (mapping → preview → all-or-nothing commit) and CSV export. Composed into
 * `rpcContract` (contract.ts).
 */
import { z } from 'zod';
import { ContactRecord, Interaction, InteractionKind, IsoDate, VenueRecord } from '../domain/records';

const id = z.string().min(1).max(64);
const tag = z.string().trim().min(1).max(60);

export const DirectoryCollection = z.enum(['venues', 'contacts']);
export type DirectoryCollection = z.infer<typeof DirectoryCollection>;

export const VenueRow = VenueRecord.pick({
  id: true,
  name: true,
  kind: true,
  city: true,
  country: true,
  capacityStanding: true,
  capacitySeated: true,
  email: true,
  tags: true,
  updatedAt: true,
});
export type VenueRow = z.infer<typeof VenueRow>;

export const ContactRow = ContactRecord.pick({
  id: true,
  firstName: true,
  lastName: true,
  role: true,
  company: true,
  email: true,
  phone: true,
  city: true,
  country: true,
  venueId: true,
  tags: true,
  updatedAt: true,
});
export type ContactRow = z.infer<typeof ContactRow>;

export const VenuePatch = VenueRecord.pick({
  name: true,
  kind: true,
  address: true,
  postalCode: true,
  city: true,
  country: true,
  capacityStanding: true,
  capacitySeated: true,
  email: true,
  phone: true,
  website: true,
  tags: true,
})
  .partial()
  .strict();
export type VenuePatch = z.infer<typeof VenuePatch>;

export const ContactPatch = ContactRecord.pick({
  firstName: true,
  lastName: true,
  role: true,
  company: true,
  email: true,
  phone: true,
  city: true,
  country: true,
  venueId: true,
  tags: true,
})
  .partial()
  .strict();
export type ContactPatch = z.infer<typeof ContactPatch>;

/** The fields a booker edits on a detail page and maps in a CSV import, in display order. */
export const VENUE_FIELDS = [
  'name',
  'kind',
  'address',
  'postalCode',
  'city',
  'country',
  'capacityStanding',
  'capacitySeated',
  'email',
  'phone',
  'website',
  'tags',
] as const satisfies readonly (keyof VenuePatch)[];
export const CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'role',
  'company',
  'email',
  'phone',
  'city',
  'country',
  'tags',
] as const satisfies readonly (keyof ContactPatch)[];

export const DirectoryListParams = z
  .object({
    search: z.string().max(200).optional(),
    tag: tag.optional(),
    sort: z.enum(['name', 'city', 'updatedAt']).optional(),
    desc: z.boolean().optional(),
  })
  .strict();
export type DirectoryListParams = z.infer<typeof DirectoryListParams>;

export const VenueDetail = z.object({ venue: VenueRecord, contacts: z.array(ContactRow) });
export type VenueDetail = z.infer<typeof VenueDetail>;

export const NewInteraction = z
  .object({ kind: InteractionKind, date: IsoDate, text: z.string().trim().min(1).max(5000) })
  .strict();

/** Where an import's CSV comes from: pasted text or an absolute file path on this device. */
export const ImportSource = z
  .object({
    collection: DirectoryCollection,
    text: z.string().max(20_000_000).optional(),
    path: z.string().min(2).max(4096).optional(),
    /** Record field → CSV column index (null: not imported). Absent: guessed from the headers. */
    mapping: z.record(z.string().max(60), z.number().int().min(0).max(1000).nullable()).optional(),
  })
  .strict();
export type ImportSource = z.infer<typeof ImportSource>;

/** One problem of an import line, translated by the renderer from its code. */
export const ImportIssue = z.object({
  field: z.string(),
  code: z.enum([
    'not_number',
    'unknown_value',
    'invalid_email',
    'needs_name',
    'invalid',
    'duplicate_existing',
    'duplicate_in_file',
  ]),
  value: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportLine = z.object({
  /** 1-based line of the file (the header is line 1). */
  line: z.number().int(),
  status: z.enum(['ok', 'error', 'duplicate']),
  label: z.string(),
  /** The issues in English (logs); `issues` carries them for translation. */
  errors: z.array(z.string()),
  issues: z.array(ImportIssue),
});
export type ImportLine = z.infer<typeof ImportLine>;

export const ImportPreview = z.object({
  collection: DirectoryCollection,
  separator: z.string(),
  headers: z.array(z.string()),
  fields: z.array(z.string()),
  mapping: z.record(z.string(), z.number().int().nullable()),
  lines: z.array(ImportLine),
  counts: z.object({ ok: z.number().int(), error: z.number().int(), duplicate: z.number().int() }),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  created: z.number().int(),
  skippedDuplicates: z.number().int(),
  preview: ImportPreview,
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportParams = z
  .object({
    collection: DirectoryCollection,
    format: z.enum(['csv', 'xlsx']),
    path: z
      .string()
      .min(2)
      .max(4096)
      .refine((p) => !p.includes('\0'))
      .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'the path must be absolute'),
    search: z.string().max(200).optional(),
    tag: tag.optional(),
  })
  .strict();

/** A venue entered by hand: the detail fields (name required), duplicates refused unless allowed. */
export const NewVenue = VenuePatch.required({ name: true })
  .extend({ allowDuplicate: z.boolean().optional() })
  .strict();
export type NewVenue = z.infer<typeof NewVenue>;

/** A contact entered by hand (a name or an e-mail), optionally linked to a venue. */
export const NewContact = ContactPatch.extend({ allowDuplicate: z.boolean().optional() }).strict();
export type NewContact = z.infer<typeof NewContact>;

export const directoryContract = {
  'venue.create': { params: NewVenue, result: VenueRecord },
  'venue.delete': { params: z.object({ id }).strict(), result: VenueRecord },
  'venue.restore': { params: z.object({ id }).strict(), result: VenueRecord },
  'contact.create': { params: NewContact, result: ContactRecord },
  'contact.delete': { params: z.object({ id }).strict(), result: ContactRecord },
  'contact.restore': { params: z.object({ id }).strict(), result: ContactRecord },
  'venues.list': { params: DirectoryListParams, result: z.array(VenueRow) },
  'venues.tags': { params: z.object({}).strict(), result: z.array(z.string()) },
  'venue.get': { params: z.object({ id }).strict(), result: VenueDetail },
  'venue.update': { params: z.object({ id, patch: VenuePatch }).strict(), result: VenueRecord },
  'venue.addInteraction': {
    params: z.object({ id, interaction: NewInteraction }).strict(),
    result: z.array(Interaction),
  },
  'contacts.list': { params: DirectoryListParams, result: z.array(ContactRow) },
  'contacts.tags': { params: z.object({}).strict(), result: z.array(z.string()) },
  'contact.get': { params: z.object({ id }).strict(), result: ContactRecord },
  'contact.update': { params: z.object({ id, patch: ContactPatch }).strict(), result: ContactRecord },
  'contact.addInteraction': {
    params: z.object({ id, interaction: NewInteraction }).strict(),
    result: z.array(Interaction),
  },
  'directory.importPreview': { params: ImportSource, result: ImportPreview },
  'directory.importCommit': { params: ImportSource, result: ImportResult },
  'directory.export': {
    params: ExportParams,
    result: z.object({ path: z.string(), rows: z.number().int(), bytes: z.number().int() }),
  },
} as const;
