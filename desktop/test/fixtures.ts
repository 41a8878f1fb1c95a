import type { ArtistRecord, ContactRecord, DealRecord, VenueRecord } from '@flowstage/shared';

const T = '2026-01-15T10:00:00.000Z';

export function artist(id: string, over: Partial<ArtistRecord> = {}): ArtistRecord {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    deletedAt: null,
    name: `Artist ${id}`,
    kind: 'band',
    genres: ['rock'],
    lineupSize: 4,
    feeMin: 150_000,
    feeMax: 300_000,
    currency: 'EUR',
    draw: 300,
    homeCity: 'Lyon',
    homeCountry: 'FR',
    lat: 45.764,
    lon: 4.8357,
    agentId: null,
    radiusKm: 100,
    radiusDaysBefore: 30,
    radiusDaysAfter: 15,
    bio: '',
    ...over,
  };
}

export function deal(id: string, artistId: string, over: Partial<DealRecord> = {}): DealRecord {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    deletedAt: null,
    artistId,
    venueId: 'venue-1',
    contactId: null,
    date: '2026-03-01',
    stage: 'confirmed',
    holdLevel: null,
    holdExpiresAt: null,
    dealType: 'flat',
    guarantee: 200_000,
    percentageBps: 0,
    currency: 'EUR',
    ticketPrice: 2_000,
    capacity: 400,
    agencyCommissionBps: 1_500,
    notes: '',
    ...over,
  };
}

export function venue(id: string, over: Partial<VenueRecord> = {}): VenueRecord {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    deletedAt: null,
    name: `Venue ${id}`,
    kind: 'club',
    address: '1 rue de la Gare',
    postalCode: '69001',
    city: 'Lyon',
    country: 'FR',
    lat: 45.76,
    lon: 4.83,
    capacityStanding: 300,
    capacitySeated: 0,
    genres: ['rock'],
    budgetMin: 0,
    budgetMax: 500_000,
    currency: 'EUR',
    email: 'booking@example.org',
    phone: '',
    website: '',
    tags: [],
    ...over,
  };
}

export function contact(id: string, over: Partial<ContactRecord> = {}): ContactRecord {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    deletedAt: null,
    firstName: 'Jean',
    lastName: `Contact ${id}`,
    role: 'programmer',
    company: '',
    email: `${id}@example.org`,
    phone: '',
    venueId: null,
    city: 'Lyon',
    country: 'FR',
    tags: [],
    ...over,
  };
}
