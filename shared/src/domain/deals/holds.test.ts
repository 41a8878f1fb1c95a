import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_HOLD_LEVEL } from '../enums';
import {
  challengeHold,
  expireHolds,
  type HoldDeal,
  HoldError,
  isActiveHold,
  normalizeHolds,
  placeHold,
  releaseHold,
  resolveChallenge,
} from './holds';

const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-02T10:00:00.000Z';
const T3 = '2026-03-04T10:00:00.000Z';

const deal = (id: string, extra: Partial<HoldDeal> = {}): HoldDeal => ({
  id,
  artistId: 'artist',
  venueId: `venue-${id}`,
  date: '2026-06-20',
  stage: 'request',
  holdLevel: null,
  holdExpiresAt: null,
  ...extra,
});

function holdAll(ids: string[]): HoldDeal[] {
  let deals: HoldDeal[] = [];
  for (const id of ids) deals = placeHold(deals, deal(id), T0).deals;
  return deals;
}
const levels = (deals: HoldDeal[]) =>
  Object.fromEntries(deals.map((d) => [d.id, d.stage === 'hold' ? d.holdLevel : d.stage]));

describe('holds 1st / 2nd / 3rd', () => {
  it('placing a hold returns its level; only one 1st hold per artist and date', () => {
    const a = placeHold([], deal('a'), T0);
    expect(a.level).toBe(1);
    const b = placeHold(a.deals, deal('b'), T0);
    expect(b.level).toBe(2);
    const c = placeHold(b.deals, deal('c'), T0, T3);
    expect(c.level).toBe(3);
    expect(levels(c.deals)).toEqual({ a: 1, b: 2, c: 3 });
    expect(c.changes).toEqual([
      {
        dealId: 'c',
        kind: 'hold_placed',
        fromLevel: null,
        toLevel: 3,
        fromStage: 'request',
        toStage: 'hold',
        at: T0,
      },
    ]);
    expect(c.deals.find((d) => d.id === 'c')?.holdExpiresAt).toBe(T3);
  });

  it(`refuses a hold beyond level ${MAX_HOLD_LEVEL}, a taken date, a double hold, other artists`, () => {
    const five = holdAll(['a', 'b', 'c', 'd', 'e']);
    expect(() => placeHold(five, deal('f'), T0)).toThrow(/every hold level/);
    expect(() => placeHold([deal('x', { stage: 'confirmed' })], deal('a'), T0)).toThrow(HoldError);
    expect(() => placeHold(five, deal('a'), T0)).toThrow(/already/);
    expect(() => placeHold(five, deal('z', { artistId: 'other' }), T0)).toThrow(/per artist/);
  });

  it('release auto-promotes: 3rd → 2nd → 1st', () => {
    const r = releaseHold(holdAll(['a', 'b', 'c']), 'a', T1);
    expect(levels(r.deals)).toEqual({ a: 'released', b: 1, c: 2 });
    expect(r.changes.map((c) => [c.dealId, c.kind, c.fromLevel, c.toLevel])).toEqual([
      ['a', 'hold_released', 1, null],
      ['b', 'hold_promoted', 2, 1],
      ['c', 'hold_promoted', 3, 2],
    ]);
    // releasing the 2nd only promotes the 3rd
    expect(levels(releaseHold(holdAll(['a', 'b', 'c']), 'b', T1).deals)).toEqual({
      a: 1,
      b: 'released',
      c: 2,
    });
    expect(() => releaseHold(r.deals, 'a', T1)).toThrow(/not an active hold/);
  });

  it('expiry: a passed holdExpiresAt releases the hold, with promotion', () => {
    let deals = placeHold([], deal('a'), T0, T1).deals;
    deals = placeHold(deals, deal('b'), T0).deals;
    expect(expireHolds(deals, '2026-03-02T09:59:59.000Z').changes).toEqual([]);
    const r = expireHolds(deals, T1);
    expect(levels(r.deals)).toEqual({ a: 'released', b: 1 });
    expect(r.changes.map((c) => c.kind)).toEqual(['hold_expired', 'hold_promoted']);
  });

  describe('challenge', () => {
    const start = () => holdAll(['a', 'b', 'c']);

    it('a lower hold challenges the 1st, with a deadline (default 48 h)', () => {
      const { challenge, changes } = challengeHold(start(), 'c', T0);
      expect(challenge).toEqual({
        challengerId: 'c',
        challengedId: 'a',
        issuedAt: T0,
        deadline: '2026-03-03T10:00:00.000Z',
      });
      expect(changes.map((c) => [c.dealId, c.kind])).toEqual([['a', 'challenge_issued']]);
      expect(challengeHold(start(), 'b', T0, 24).challenge.deadline).toBe(T1);
      expect(() => challengeHold(start(), 'a', T0)).toThrow(/lower hold/);
    });

    it('the 1st confirms in time: it is confirmed and every other hold is released', () => {
      const { challenge } = challengeHold(start(), 'c', T0);
      const r = resolveChallenge(start(), challenge, 'confirm', T1);
      expect(r.outcome).toBe('confirmed');
      expect(levels(r.deals)).toEqual({ a: 'confirmed', b: 'released', c: 'released' });
    });

    it('the 1st releases: lower holds promote', () => {
      const { challenge } = challengeHold(start(), 'c', T0);
      const r = resolveChallenge(start(), challenge, 'release', T1);
      expect(r.outcome).toBe('released');
      expect(levels(r.deals)).toEqual({ a: 'released', b: 1, c: 2 });
    });

    it('no answer by the deadline (or a late confirm) counts as a release', () => {
      const { challenge } = challengeHold(start(), 'b', T0);
      expect(resolveChallenge(start(), challenge, null, T1).outcome).toBe('pending');
      const lapsed = resolveChallenge(start(), challenge, 'confirm', T3);
      expect(lapsed.outcome).toBe('lapsed');
      expect(levels(lapsed.deals)).toEqual({ a: 'released', b: 1, c: 2 });
      expect(() => resolveChallenge(lapsed.deals, challenge, null, T3)).toThrow(/no longer/);
    });
  });

  it('normalize repairs gaps and duplicates deterministically', () => {
    const r = normalizeHolds(
      [
        deal('b', { stage: 'hold', holdLevel: 3 }),
        deal('a', { stage: 'hold', holdLevel: 3 }),
        deal('c', { stage: 'hold', holdLevel: 5 }),
      ],
      T0,
    );
    expect(levels(r.deals)).toEqual({ a: 1, b: 2, c: 3 });
  });
});

describe('property: promotion keeps exactly one 1st hold and levels 1..n', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('place' as const), id: fc.nat({ max: 7 }), expires: fc.nat({ max: 10 }) }),
    fc.record({ kind: fc.constant('release' as const), id: fc.nat({ max: 7 }) }),
    fc.record({ kind: fc.constant('expire' as const), hour: fc.nat({ max: 10 }) }),
    fc.record({
      kind: fc.constant('challenge' as const),
      id: fc.nat({ max: 7 }),
      answer: fc.constantFrom('confirm' as const, 'release' as const, null),
      hours: fc.nat({ max: 100 }),
    }),
  );
  const at = (h: number) => new Date(Date.parse(T0) + h * 3_600_000).toISOString();

  it('holds', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let deals: HoldDeal[] = [];
        for (const o of ops) {
          try {
            if (o.kind === 'place') {
              deals = placeHold(deals, deal(`d${o.id}`), T0, o.expires ? at(o.expires) : null).deals;
            } else if (o.kind === 'release') deals = releaseHold(deals, `d${o.id}`, T0).deals;
            else if (o.kind === 'expire') deals = expireHolds(deals, at(o.hour)).deals;
            else {
              const c = challengeHold(deals, `d${o.id}`, T0);
              deals = resolveChallenge(c.deals, c.challenge, o.answer, at(o.hours)).deals;
            }
          } catch (e) {
            expect(e).toBeInstanceOf(HoldError);
          }
          const active = deals.filter(isActiveHold).map((d) => d.holdLevel);
          expect([...active].sort()).toEqual(active.map((_, i) => i + 1));
          expect(active.length).toBeLessThanOrEqual(MAX_HOLD_LEVEL);
          const firm = deals.filter((d) => d.stage === 'confirmed');
          expect(firm.length).toBeLessThanOrEqual(1);
          if (firm.length === 1) expect(active).toEqual([]);
          expect(new Set(deals.map((d) => d.id)).size).toBe(deals.length);
        }
      }),
    );
  });
});
