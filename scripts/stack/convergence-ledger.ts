/**
 * The ledger of the convergence property: the edits made, and the check that no edit
 * the server confirmed went missing from the converged state.
 */
import type { ArtistRecord } from '@flowstage/shared';

/** Last-writer-wins fields (a Y.Map key each) and the Y.Text field (character merge). */
export const LWW_FIELDS = ['name', 'homeCity', 'draw', 'genres'] as const;
export type LwwField = (typeof LWW_FIELDS)[number];
export type Field = LwwField | 'bio';
export const FIELDS: readonly Field[] = [...LWW_FIELDS, 'bio'];

export interface Edit {
  n: number;
  seat: number;
  artistId: string;
  field: Field;
  /** LWW: the canonical JSON of the value written. Text: the token appended to the bio. */
  value: string;
  /** LWW: canonical JSON of the value this core showed just before the edit. */
  seen: string | null;
  state: 'pending' | 'confirmed' | 'dropped';
}

export interface Snapshot {
  /** Canonical JSON of every core-visible artist, by id. */
  canonical: string;
  artists: Map<string, ArtistRecord>;
}

/** JSON with sorted object keys: equal values give equal strings on every core. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * A confirmed edit is lost when the final value of its field is neither its own value nor
 * one that could have superseded it. For a LWW field, the final value must not be in the
 * edit's causal past (the chain of values its core showed before each edit: Yjs places a
 * new value after the one its writer saw, so a value from that chain coming back means the
 * edit itself was dropped). For the bio (Y.Text), appended tokens are never removed: every
 * confirmed token must be in the final text.
 */
export function findLost(baseline: Snapshot, final: Snapshot, edits: readonly Edit[]): string[] {
  const lost: string[] = [];
  const key = (artistId: string, field: Field) => `${artistId}\u0000${field}`;
  const byValue = new Map<string, Map<string, Edit>>();
  for (const e of edits) {
    if (e.field === 'bio') continue;
    const k = key(e.artistId, e.field);
    if (!byValue.has(k)) byValue.set(k, new Map());
    byValue.get(k)!.set(e.value, e);
  }
  const pastOf = (e: Edit): Set<string> => {
    const past = new Set<string>();
    let seen = e.seen;
    while (seen !== null && !past.has(seen)) {
      past.add(seen);
      seen = byValue.get(key(e.artistId, e.field))?.get(seen)?.seen ?? null;
    }
    return past;
  };
  for (const e of edits) {
    if (e.state !== 'confirmed') continue;
    const artist = final.artists.get(e.artistId);
    if (!artist) {
      lost.push(`edit #${e.n} (seat ${e.seat}): artist ${e.artistId} is gone`);
      continue;
    }
    if (e.field === 'bio') {
      if (!artist.bio.includes(e.value))
        lost.push(`edit #${e.n} (seat ${e.seat}): bio token ${e.value} missing`);
      continue;
    }
    const now = canonical(artist[e.field]);
    if (now === e.value) continue;
    const known =
      byValue.get(key(e.artistId, e.field))?.has(now) ||
      canonical(baseline.artists.get(e.artistId)?.[e.field]) === now;
    if (!known || pastOf(e).has(now)) {
      lost.push(
        `edit #${e.n} (seat ${e.seat}) ${e.field}=${e.value} of ${e.artistId}: final ${now}${known ? ' (an older value)' : ' (never written)'}`,
      );
    }
  }
  return lost;
}
