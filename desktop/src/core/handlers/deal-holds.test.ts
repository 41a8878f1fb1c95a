import { artistDocId, upsertRecord } from '@flowstage/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { type Device, device, put } from '../../../test/device';
import { artist, deal, venue } from '../../../test/fixtures';
import { historyOf } from './deal-history';
import { docDeals, needsRanking, planSweep, sweepDoc } from './deal-holds';
import { dealHandlers } from './deals';
import { artistsDue, startHoldSweeper, sweepWorkspace } from './hold-sweep';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  vi.useRealTimers();
});

const DAY = '2026-05-01';
const state = (doc: Y.Doc) =>
  Object.fromEntries(
    docDeals(doc)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((d) => [d.id, `${d.stage}:${d.holdLevel ?? '-'}${d.challenge ? ':challenged' : ''}`]),
  );

function setup(clock = { now: new Date('2026-04-20T10:00:00.000Z') }) {
  const d = device();
  open.push(d);
  put(d, 'artists', artist('a1', { name: 'Zaz' }));
  put(d, 'venues', venue('v1', { name: "L'Olympia" }));
  put(d, 'deals', deal('d1', 'a1', { venueId: 'v1', date: DAY, stage: 'hold', holdLevel: 1 }));
  put(d, 'deals', deal('d2', 'a1', { venueId: 'v1', date: DAY, stage: 'hold', holdLevel: 2 }));
  put(d, 'deals', deal('d3', 'a1', { venueId: 'v1', date: DAY, stage: 'hold', holdLevel: 3 }));
  const h = dealHandlers(
    () => d,
    () => clock.now,
    () => 'Booker B',
  );
  return { d, h, clock, doc: () => d.docs.get(artistDocId('a1')) };
}

describe('challenges', () => {
  it('a lower hold challenges the 1st; confirm makes the 1st confirmed and releases the others', async () => {
    const { h, doc } = setup();
    const got = await h['deal.challenge']({ id: 'd3' });
    expect(got.deal.challenge).toBeUndefined();
    const first = await h['deal.get']({ id: 'd1' });
    expect(first.deal.challenge).toEqual({
      challengerId: 'd3',
      issuedAt: '2026-04-20T10:00:00.000Z',
      deadline: '2026-04-22T10:00:00.000Z',
    });
    expect(first.history[0]).toMatchObject({ kind: 'challenge_issued', by: 'Booker B' });
    expect(got.history[0]).toMatchObject({ kind: 'challenge_sent' });
    // A second challenge while one is pending is refused.
    await expect(h['deal.challenge']({ id: 'd2' })).rejects.toMatchObject({ code: 'hold_cannot_challenge' });
    // The 1st hold cannot challenge itself.
    await h['deal.answerChallenge']({ id: 'd1', answer: 'confirm' });
    expect(state(doc())).toEqual({ d1: 'confirmed:-', d2: 'released:-', d3: 'released:-' });
    expect((await h['deal.get']({ id: 'd2' })).history[0]?.kind).toBe('released_by_confirmation');
    expect((await h['deals.list']({})).find((r) => r.id === 'd1')?.challengeDeadline).toBeNull();
  });

  it('release promotes the lower holds; an answer after the deadline lapses; no challenge → refused', async () => {
    const { h, clock, doc } = setup();
    await expect(h['deal.challenge']({ id: 'd1' })).rejects.toMatchObject({ code: 'hold_cannot_challenge' });
    await expect(h['deal.answerChallenge']({ id: 'd1', answer: 'release' })).rejects.toMatchObject({
      code: 'hold_stale_challenge',
    });
    await h['deal.challenge']({ id: 'd2', hours: 24 });
    expect((await h['deals.list']({})).find((r) => r.id === 'd1')?.challengeDeadline).toBe(
      '2026-04-21T10:00:00.000Z',
    );
    await h['deal.answerChallenge']({ id: 'd1', answer: 'release' });
    expect(state(doc())).toEqual({ d1: 'released:-', d2: 'hold:1', d3: 'hold:2' });

    await h['deal.challenge']({ id: 'd3' });
    clock.now = new Date('2026-04-25T00:00:00.000Z');
    await h['deal.answerChallenge']({ id: 'd2', answer: 'confirm' });
    expect(state(doc())).toEqual({ d1: 'released:-', d2: 'released:-', d3: 'hold:1' });
    expect((await h['deal.get']({ id: 'd2' })).history[0]?.kind).toBe('challenge_lapsed');
  });

  it('moving the challenged 1st hold out of the hold stage drops the challenge', async () => {
    const { h } = setup();
    await h['deal.challenge']({ id: 'd2' });
    await h['deal.update']({ id: 'd1', patch: { stage: 'request' } });
    expect((await h['deal.get']({ id: 'd1' })).deal.challenge).toBeNull();
    expect((await h['deal.get']({ id: 'd2' })).deal.holdLevel).toBe(1);
  });
});

describe('hold sweep', () => {
  it('expires holds and lapsed challenges in time order, with history, and is idempotent', async () => {
    const { d, h, clock, doc } = setup();
    await h['deal.update']({ id: 'd1', patch: { holdExpiresAt: '2026-04-21T00:00:00.000Z' } });
    await h['deal.challenge']({ id: 'd3' }); // deadline 2026-04-22T10:00Z on d1
    expect(artistsDue(d, clock.now)).toEqual([]);
    expect(sweepWorkspace(d, clock.now)).toBe(0);
    const later = new Date('2026-04-23T00:00:00.000Z');
    expect(artistsDue(d, later)).toEqual(['a1']);
    expect(sweepWorkspace(d, later)).toBeGreaterThan(0);
    // d1 expired first (its challenge went with it); d2, d3 promoted.
    expect(state(doc())).toEqual({ d1: 'released:-', d2: 'hold:1', d3: 'hold:2' });
    const h1 = (await h['deal.get']({ id: 'd1' })).history[0];
    expect(h1).toMatchObject({ kind: 'hold_expired', at: '2026-04-21T00:00:00.000Z', by: '' });
    expect((await h['deal.get']({ id: 'd2' })).history[0]?.kind).toBe('hold_promoted');
    const edits = d.changes.length;
    expect(sweepWorkspace(d, later)).toBe(0);
    expect(d.changes.length).toBe(edits);
  });

  it('an expiry set in the past applies at once', async () => {
    const { h, doc } = setup();
    const got = await h['deal.update']({ id: 'd1', patch: { holdExpiresAt: '2020-01-15T22:59:59.000Z' } });
    expect(got.deal.stage).toBe('released');
    expect(state(doc())).toEqual({ d1: 'released:-', d2: 'hold:1', d3: 'hold:2' });
    expect(got.history[0]?.kind).toBe('hold_expired');
  });

  it('a challenge with no answer by its deadline releases the 1st hold (challenge_lapsed)', async () => {
    const { h, doc } = setup();
    await h['deal.challenge']({ id: 'd2' });
    expect(sweepDoc(doc(), '2026-04-22T10:00:00.000Z')).toBeGreaterThan(0);
    expect(state(doc())).toEqual({ d1: 'released:-', d2: 'hold:1', d3: 'hold:2' });
    expect(historyOf(doc(), 'd1')[0]).toMatchObject({
      kind: 'challenge_lapsed',
      at: '2026-04-22T10:00:00.000Z',
    });
  });

  it('runs when started and then every minute on an injected clock', async () => {
    vi.useFakeTimers();
    const { d, clock, doc } = setup();
    d.docs.mutate(artistDocId('a1'), (y) =>
      upsertRecord(y, 'deals', 'd2', { holdExpiresAt: '2026-04-20T10:00:30.000Z' }),
    );
    const stop = startHoldSweeper(
      () => d,
      () => clock.now,
      60_000,
    );
    expect(state(doc())).toEqual({ d1: 'hold:1', d2: 'hold:2', d3: 'hold:3' });
    clock.now = new Date('2026-04-20T10:01:00.000Z');
    vi.advanceTimersByTime(60_000);
    expect(state(doc())).toEqual({ d1: 'hold:1', d2: 'released:-', d3: 'hold:2' });
    stop();
  });
});

describe('ranking repairs', () => {
  it('re-ranks the holds of a date with two 1st holds, and leaves venue-style ranks', () => {
    expect(needsRanking([4])).toBe(false);
    expect(needsRanking([1, 2])).toBe(false);
    expect(needsRanking([1, 1])).toBe(true);
    expect(needsRanking([1, 1, 3])).toBe(true);
    expect(needsRanking([2, 2])).toBe(false);
    expect(needsRanking([2, 3])).toBe(false);
    expect(needsRanking([1, 3])).toBe(false);
    const doc = new Y.Doc();
    doc.transact(() => {
      upsertRecord(doc, 'deals', 'p', deal('p', 'a1', { date: DAY, stage: 'hold', holdLevel: 4 }));
      upsertRecord(doc, 'deals', 'q', deal('q', 'a1', { date: '2026-05-02', stage: 'hold', holdLevel: 1 }));
      upsertRecord(doc, 'deals', 'r', deal('r', 'a1', { date: '2026-05-02', stage: 'hold', holdLevel: 1 }));
      upsertRecord(
        doc,
        'deals',
        's',
        deal('s', 'a1', { date: '2026-05-03', stage: 'released', holdLevel: 1 }),
      );
    });
    sweepDoc(doc, '2026-04-20T00:00:00.000Z');
    expect(state(doc)).toEqual({ p: 'hold:4', q: 'hold:1', r: 'hold:2', s: 'released:-' });
  });
});

describe('two devices sweeping the same document', () => {
  it.each([
    [1, 2],
    [2, 1],
  ])('converge on one state and one history, whatever their clocks (client ids %i, %i)', (ca, cb) => {
    const a = new Y.Doc();
    a.clientID = ca;
    const T = '2026-04-01T00:00:00.000Z';
    const hold = (id: string, level: number, expires: string | null) =>
      upsertRecord(a, 'deals', id, {
        ...deal(id, 'a1', { date: DAY, stage: 'hold', holdLevel: level, holdExpiresAt: expires }),
        updatedAt: T,
      });
    a.transact(() => {
      hold('x', 1, '2026-04-10T00:00:00.000Z');
      hold('y', 2, '2026-04-12T00:00:00.000Z');
      hold('z', 3, null);
      hold('w', 4, null);
    });
    const b = new Y.Doc();
    b.clientID = cb;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Offline: A sweeps after x expired only, B after x and y expired.
    sweepDoc(a, '2026-04-11T00:00:00.000Z');
    sweepDoc(b, '2026-04-13T00:00:00.000Z');
    expect(state(a)).toEqual({ w: 'hold:3', x: 'released:-', y: 'hold:1', z: 'hold:2' });
    expect(state(b)).toEqual({ w: 'hold:2', x: 'released:-', y: 'released:-', z: 'hold:1' });
    const sync = () => {
      const ua = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
      const ub = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
      Y.applyUpdate(a, ub);
      Y.applyUpdate(b, ua);
    };
    sync();
    // Each sweeps the merged document again, concurrently.
    sweepDoc(a, '2026-04-13T00:00:00.000Z');
    sweepDoc(b, '2026-04-14T00:00:00.000Z');
    sync();
    expect(state(a)).toEqual(state(b));
    // Which device's promotion won each field depends on the Yjs client ids: either way
    // x and y are released and the two remaining holds are never both 1st (they may be
    // left 2nd and 3rd: the next hold edit of the date renumbers them, see needsRanking).
    const merged = state(a);
    expect([merged.x, merged.y]).toEqual(['released:-', 'released:-']);
    expect([merged.z, merged.w].filter((s) => s === 'hold:1').length).toBeLessThanOrEqual(1);
    expect([merged.z, merged.w].every((s) => s?.startsWith('hold:'))).toBe(true);
    expect(planSweep(docDeals(a), '2026-04-14T00:00:00.000Z')).toEqual([]);
    expect(planSweep(docDeals(b), '2026-04-14T00:00:00.000Z')).toEqual([]);
    // One history entry per event, though both devices wrote it.
    for (const id of ['x', 'y', 'z', 'w']) expect(historyOf(a, id)).toEqual(historyOf(b, id));
    expect(historyOf(a, 'x').map((e) => e.kind)).toEqual(['hold_expired']);
    expect(historyOf(a, 'y').map((e) => `${e.kind}@${e.at}`)).toEqual([
      'hold_expired@2026-04-12T00:00:00.000Z',
      'hold_promoted@2026-04-10T00:00:00.000Z',
    ]);
  });
});
