/**
 * Directory CSV import: rows → records with per-line validation (the shared zod schemas)
 * and duplicate detection (venues: name + city, accent- and case-insensitive; contacts:
 * e-mail), then an all-or-nothing commit.
 */
import {
  ContactRecord,
  type ContactRole,
  type Country,
  type DirectoryCollection,
  type ImportIssue,
  type ImportLine,
  type ImportPreview,
  VenueRecord,
  type VenueKind,
} from '@flowstage/shared';
import { z } from 'zod';
import { parseCsv } from './csv';
import { guessMapping, IMPORT_FIELDS, type Mapping, normalizeHeader, sanitizeMapping } from './mapping';

/** Lower case, accents folded, punctuation and runs of spaces collapsed: "L'Épicerie  Moderne" → "l epicerie moderne". */
export function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function venueKey(name: string, city: string): string {
  return `${foldKey(name)}|${foldKey(city)}`;
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Dedupe keys of the records already in the workspace. */
export interface ExistingKeys {
  venues: Set<string>;
  contactEmails: Set<string>;
}

const COUNTRIES: Record<string, Country> = {
  fr: 'FR',
  france: 'FR',
  be: 'BE',
  belgique: 'BE',
  belgium: 'BE',
  belgie: 'BE',
  ch: 'CH',
  suisse: 'CH',
  switzerland: 'CH',
  schweiz: 'CH',
};

const VENUE_KINDS: Record<string, VenueKind> = {
  club: 'club',
  concerthall: 'concert_hall',
  salledeconcert: 'concert_hall',
  salledeconcerts: 'concert_hall',
  salle: 'concert_hall',
  smac: 'concert_hall',
  bar: 'bar',
  theatre: 'theatre',
  festival: 'festival',
  private: 'private',
  prive: 'private',
  municipal: 'municipal',
  municipale: 'municipal',
};

const ROLES: Record<string, ContactRole> = {
  promoter: 'promoter',
  promoteur: 'promoter',
  organisateur: 'promoter',
  programmer: 'programmer',
  programmateur: 'programmer',
  programmatrice: 'programmer',
  production: 'production',
  venuemanager: 'venue_manager',
  directeur: 'venue_manager',
  directrice: 'venue_manager',
  regisseur: 'production',
  tourmanager: 'tour_manager',
  press: 'press',
  presse: 'press',
  agent: 'agent',
};

const Email = z.email();

type Issue = ImportIssue;

const ENGLISH: Record<ImportIssue['code'], string> = {
  not_number: 'is not a whole number',
  unknown_value: 'is not a known value',
  invalid_email: 'is not an e-mail address',
  needs_name: 'a contact needs a name or an e-mail',
  invalid: 'is not valid',
  duplicate_existing: 'already in the directory',
  duplicate_in_file: 'repeats an earlier line of this file',
};

/** An issue in English (logs, tests); the renderer translates `code`. */
export function issueText(i: ImportIssue): string {
  return `${i.field}: ${i.value ? `"${i.value}" ` : ''}${ENGLISH[i.code]}`;
}

function parseCount(raw: string, field: string, errors: Issue[]): number {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return 0;
  if (!/^\d+$/.test(s)) {
    errors.push({ field, code: 'not_number', value: raw });
    return 0;
  }
  return Number(s);
}

function parseTags(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of raw.split(/[,;|]/)) {
    const tag = t.trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}

function enumValue<T extends string>(
  raw: string,
  table: Record<string, T>,
  fallback: T,
  field: string,
  errors: Issue[],
): T {
  if (raw.trim() === '') return fallback;
  const v = table[normalizeHeader(raw)];
  if (!v) errors.push({ field, code: 'unknown_value', value: raw });
  return v ?? fallback;
}

function zodIssues(error: z.ZodError): Issue[] {
  // A required text that is empty is the usual case ("name" too short): "invalid".
  return error.issues.map((i) => ({ field: i.path.join('.') || 'record', code: 'invalid', value: '' }));
}

export interface BuiltRow {
  line: ImportLine;
  record: VenueRecord | ContactRecord | null;
}

export interface PreviewOptions {
  existing: ExistingKeys;
  now: string;
  newId(): string;
  mapping?: Record<string, number | null> | undefined;
}

/** Everything the import needs: the preview shown to the user and the records a commit writes. */
export function buildImport(
  collection: DirectoryCollection,
  text: string,
  options: PreviewOptions,
): { preview: ImportPreview; rows: BuiltRow[] } {
  const parsed = parseCsv(text);
  const [header, ...data] = parsed.rows;
  const headers = header?.cells.map((h) => h.trim()) ?? [];
  const mapping: Mapping = options.mapping
    ? sanitizeMapping(collection, headers.length, options.mapping)
    : guessMapping(collection, headers);
  const seen = new Set<string>();
  const rows: BuiltRow[] = data.map((row) => {
    const get = (field: string) => {
      const index = mapping[field];
      return index === null || index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const errors: Issue[] = [];
    const base = { id: options.newId(), createdAt: options.now, updatedAt: options.now, deletedAt: null };
    const email = get('email');
    if (email !== '' && !Email.safeParse(email).success)
      errors.push({ field: 'email', code: 'invalid_email', value: email });
    const country = enumValue(get('country'), COUNTRIES, 'FR', 'country', errors);
    let record: VenueRecord | ContactRecord | null = null;
    let key: string | null;
    let label: string;
    if (collection === 'venues') {
      const name = get('name');
      const city = get('city');
      label = [name, city].filter(Boolean).join(', ');
      key = name ? venueKey(name, city) : null;
      const candidate = {
        ...base,
        name,
        kind: enumValue(get('kind'), VENUE_KINDS, 'club', 'kind', errors),
        address: get('address'),
        postalCode: get('postalCode'),
        city,
        country,
        lat: 0,
        lon: 0,
        capacityStanding: parseCount(get('capacityStanding'), 'capacityStanding', errors),
        capacitySeated: parseCount(get('capacitySeated'), 'capacitySeated', errors),
        genres: [],
        budgetMin: 0,
        budgetMax: 0,
        currency: country === 'CH' ? 'CHF' : 'EUR',
        email,
        phone: get('phone'),
        website: get('website'),
        tags: parseTags(get('tags')),
        interactions: [],
      };
      const result = VenueRecord.safeParse(candidate);
      if (result.success) record = result.data;
      else errors.push(...zodIssues(result.error));
    } else {
      const firstName = get('firstName');
      const lastName = get('lastName');
      label = [`${firstName} ${lastName}`.trim(), email].filter(Boolean).join(', ');
      key = email ? emailKey(email) : null;
      if (!firstName && !lastName && !email) errors.push({ field: 'record', code: 'needs_name', value: '' });
      const candidate = {
        ...base,
        firstName,
        lastName,
        role: enumValue(get('role'), ROLES, 'programmer', 'role', errors),
        company: get('company'),
        email,
        phone: get('phone'),
        venueId: null,
        city: get('city'),
        country,
        tags: parseTags(get('tags')),
        interactions: [],
      };
      const result = ContactRecord.safeParse(candidate);
      if (result.success) record = result.data;
      else errors.push(...zodIssues(result.error));
    }
    let status: ImportLine['status'] = errors.length > 0 ? 'error' : 'ok';
    if (status === 'ok' && key !== null) {
      const existing = collection === 'venues' ? options.existing.venues : options.existing.contactEmails;
      if (existing.has(key)) {
        status = 'duplicate';
        errors.push({ field: 'record', code: 'duplicate_existing', value: '' });
      } else if (seen.has(key)) {
        status = 'duplicate';
        errors.push({ field: 'record', code: 'duplicate_in_file', value: '' });
      } else seen.add(key);
    }
    return {
      line: { line: row.line, status, label, errors: errors.map(issueText), issues: errors },
      record: status === 'ok' ? record : null,
    };
  });
  const counts = { ok: 0, error: 0, duplicate: 0 };
  for (const r of rows) counts[r.line.status]++;
  return {
    preview: {
      collection,
      separator: parsed.separator,
      headers,
      fields: [...IMPORT_FIELDS[collection]],
      mapping,
      lines: rows.map((r) => r.line),
      counts,
    },
    rows,
  };
}
