/** Column mapping for directory CSV imports: which CSV column feeds which record field. */
import { CONTACT_FIELDS, type DirectoryCollection, VENUE_FIELDS } from '@flowstage/shared';

export const IMPORT_FIELDS: Record<DirectoryCollection, readonly string[]> = {
  venues: VENUE_FIELDS,
  contacts: CONTACT_FIELDS,
};

const COMMON: Record<string, string[]> = {
  address: ['adresse', 'address', 'rue', 'street', 'adressepostale'],
  postalCode: ['codepostal', 'cp', 'postalcode', 'zip', 'zipcode', 'npa', 'postcode'],
  city: ['ville', 'city', 'localite', 'commune', 'town'],
  country: ['pays', 'country'],
  email: ['email', 'mail', 'courriel', 'adressemail', 'adresseemail', 'emailaddress', 'mel'],
  phone: ['telephone', 'tel', 'phone', 'portable', 'mobile', 'phonenumber', 'numero'],
  website: ['siteweb', 'siteinternet', 'site', 'website', 'web', 'url'],
  tags: ['tags', 'tag', 'etiquettes', 'etiquette', 'motscles', 'labels'],
};

const SYNONYMS: Record<DirectoryCollection, Record<string, string[]>> = {
  venues: {
    ...COMMON,
    name: [
      'nom',
      'name',
      'salle',
      'lieu',
      'venue',
      'nomdelasalle',
      'venuename',
      'nomdulieu',
      'etablissement',
    ],
    kind: ['type', 'kind', 'categorie', 'category', 'typedelieu', 'typedesalle'],
    capacityStanding: ['capacite', 'capacity', 'jauge', 'capacitedebout', 'standing', 'jaugedebout'],
    capacitySeated: ['capaciteassise', 'seated', 'placesassises', 'jaugeassise', 'seatedcapacity'],
  },
  contacts: {
    ...COMMON,
    firstName: ['prenom', 'firstname', 'givenname', 'first'],
    lastName: ['nom', 'lastname', 'surname', 'nomdefamille', 'familyname', 'last', 'name'],
    role: ['role', 'fonction', 'poste', 'title', 'jobtitle'],
    company: ['societe', 'entreprise', 'company', 'structure', 'organisation', 'organization', 'employeur'],
  },
};

/** Lower case, accents and everything but letters and digits removed ("E-mail" → "email"). */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export type Mapping = Record<string, number | null>;

/** Guess each field's column from the headers (FR/EN); each column feeds at most one field. */
export function guessMapping(collection: DirectoryCollection, headers: readonly string[]): Mapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: Mapping = {};
  for (const field of IMPORT_FIELDS[collection]) mapping[field] = null;
  // Exact synonyms first, then prefixes ("telephone portable" → phone), in field order.
  for (const pass of ['exact', 'prefix'] as const) {
    for (const field of IMPORT_FIELDS[collection]) {
      if (mapping[field] !== null) continue;
      const names = SYNONYMS[collection][field] ?? [];
      const index = normalized.findIndex(
        (h, i) =>
          !used.has(i) &&
          h !== '' &&
          names.some((n) => (pass === 'exact' ? h === n : n.length >= 3 && h.startsWith(n))),
      );
      if (index >= 0) {
        mapping[field] = index;
        used.add(index);
      }
    }
  }
  return mapping;
}

/** A mapping from the user, kept to known fields and existing columns. */
export function sanitizeMapping(
  collection: DirectoryCollection,
  columns: number,
  mapping: Record<string, number | null>,
): Mapping {
  const out: Mapping = {};
  for (const field of IMPORT_FIELDS[collection]) {
    const v = mapping[field];
    out[field] = typeof v === 'number' && v >= 0 && v < columns ? v : null;
  }
  return out;
}
