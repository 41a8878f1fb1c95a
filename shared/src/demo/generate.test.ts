import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMAS } from '../domain/records';
import { UUID_RE } from '../ids';
import citiesJson from '../../../resources/demo/cities.json';
import namesJson from '../../../resources/demo/names.json';
import { DEMO_DEFAULT_NOW, DEMO_DEFAULT_SEED, type DemoAgency, generateDemoAgency } from './generate';
import { parseDemoInputs } from './inputs';

const inputs = parseDemoInputs(citiesJson, namesJson);
const COLLECTIONS = ['artists', 'venues', 'contacts', 'deals', 'events'] as const;

function allRecords(data: DemoAgency) {
  return COLLECTIONS.flatMap((c) => data[c] as { id: string; createdAt: string; updatedAt: string }[]);
}

function firstHoldClashes(data: DemoAgency): number {
  const seen = new Set<string>();
  let clashes = 0;
  for (const d of data.deals) {
    if (d.stage !== 'hold' || d.holdLevel !== 1) continue;
    const key = `${d.artistId}|${d.date}`;
    if (seen.has(key)) clashes++;
    seen.add(key);
  }
  return clashes;
}

describe('generateDemoAgency', () => {
  const data = generateDemoAgency(inputs);

  it('builds the default agency', () => {
    expect(data.artists).toHaveLength(40);
    expect(data.venues).toHaveLength(400);
    expect(data.contacts).toHaveLength(600);
    expect(data.deals).toHaveLength(1500);
    expect(data.events).toHaveLength(3000);
    expect(namesJson.agencyNames).toContain(data.workspaceName);
  });

  it('produces records that all pass their schemas', () => {
    for (const c of COLLECTIONS) {
      const schema = RECORD_SCHEMAS[c];
      const failures = data[c].filter((r) => !schema.safeParse(r).success).length;
      expect(failures, c).toBe(0);
    }
  });

  it('is deterministic for a seed and reference time', () => {
    const again = generateDemoAgency(inputs, { seed: DEMO_DEFAULT_SEED, now: DEMO_DEFAULT_NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const other = generateDemoAgency(inputs, { seed: 7 });
    expect(other.artists[0]?.id).not.toBe(data.artists[0]?.id);
    expect(other.deals.map((d) => d.date)).not.toEqual(data.deals.map((d) => d.date));
  });

  it('keeps each part on its own random stream', () => {
    const moreVenues = generateDemoAgency(inputs, { venues: 450, deals: 100, events: 200 });
    expect(moreVenues.artists).toEqual(data.artists);
    expect(moreVenues.venues.slice(0, 400)).toEqual(data.venues);
  });

  it('gives unique UUIDv7 ids stamped with the creation time', () => {
    const records = allRecords(data);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    for (const r of records) {
      expect(r.id).toMatch(UUID_RE);
      expect(r.id.charAt(14)).toBe('7');
      const ms = Number.parseInt(r.id.replaceAll('-', '').slice(0, 12), 16);
      expect(ms).toBe(Date.parse(r.createdAt));
    }
  });

  it('dates every record before the reference time', () => {
    const now = Date.parse(DEMO_DEFAULT_NOW);
    for (const r of allRecords(data)) {
      expect(Date.parse(r.createdAt)).toBeLessThanOrEqual(Date.parse(r.updatedAt));
      expect(Date.parse(r.updatedAt)).toBeLessThan(now);
    }
  });

  it('places dates relative to `now`', () => {
    const now = new Date('2030-02-10T10:00:00Z');
    const later = generateDemoAgency(inputs, {
      now,
      artists: 10,
      venues: 80,
      contacts: 100,
      deals: 200,
      events: 300,
    });
    const day = 86_400_000;
    for (const d of later.deals) {
      const t = Date.parse(`${d.date}T00:00:00Z`);
      expect(t).toBeGreaterThanOrEqual(now.getTime() - 182 * day);
      expect(t).toBeLessThanOrEqual(now.getTime() + 366 * day);
    }
    expect(
      generateDemoAgency(inputs, { now: now.getTime(), artists: 2, venues: 5, deals: 5, events: 5 }),
    ).toEqual(
      generateDemoAgency(inputs, { now: now.toISOString(), artists: 2, venues: 5, deals: 5, events: 5 }),
    );
  });

  it('handles tiny and empty runs', () => {
    const empty = generateDemoAgency(inputs, { artists: 0, venues: 0, contacts: 0, deals: 0, events: 0 });
    expect(COLLECTIONS.map((c) => empty[c].length)).toEqual([0, 0, 0, 0, 0]);
    const tiny = generateDemoAgency(inputs, { artists: 1, venues: 3, contacts: 2, deals: 12, events: 20 });
    expect(new Set(tiny.deals.map((d) => d.stage)).size).toBe(12);
    expect(firstHoldClashes(tiny)).toBe(0);
  });

  it('rejects invalid options', () => {
    expect(() => generateDemoAgency(inputs, { artists: -1 })).toThrow();
    expect(() => generateDemoAgency(inputs, { deals: 1.5 })).toThrow();
    expect(() => generateDemoAgency(inputs, { artists: 0, deals: 10 })).toThrow(/at least one artist/);
    expect(() => generateDemoAgency(inputs, { now: 'not a date' })).toThrow(/invalid reference time/);
  });

  it('scales to 300 artists, 10 000 venues, 20 000 contacts, 50 000 deals, 80 000 events', () => {
    const big = generateDemoAgency(inputs, {
      artists: 300,
      venues: 10_000,
      contacts: 20_000,
      deals: 50_000,
      events: 80_000,
    });
    expect([big.artists.length, big.venues.length, big.contacts.length, big.deals.length]).toEqual([
      300, 10_000, 20_000, 50_000,
    ]);
    expect(big.events.length).toBe(80_000);
    expect(firstHoldClashes(big)).toBe(0);
    const ids = allRecords(big).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of COLLECTIONS) {
      const sample = (big[c] as unknown[]).filter((_, i) => i % 97 === 0);
      expect(sample.filter((r) => !RECORD_SCHEMAS[c].safeParse(r).success).length, c).toBe(0);
    }
  });
});
