import type { ArtistRow } from '@flowstage/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useOnReconnect, useRpc, useRpcEvent } from '../rpc/react';

/** Collections whose changes show in roster rows (deal counts and next shows come from deals and events). */
const ROSTER_COLLECTIONS = new Set(['artists', 'deals', 'events']);

export interface RosterState {
  rows: ArtistRow[];
  /** The search the rows answer (null before the first answer). */
  search: string | null;
  loading: boolean;
  error: unknown;
}

const EMPTY: ArtistRow[] = [];

/**
 * `roster.list` for a search, refreshed on `data.changed` (edits arriving by sync show
 * without reload). Bursts of changes coalesce: at most one request in flight, and one
 * more afterwards if anything changed meanwhile.
 */
export function useRoster(search: string): RosterState & { reload(): void } {
  const rpc = useRpc();
  const [state, setState] = useState<RosterState>({ rows: EMPTY, search: null, loading: true, error: null });
  const wanted = useRef(search);
  const inFlight = useRef(false);
  const dirty = useRef(false);

  const fetchRows = useCallback(async () => {
    if (inFlight.current) {
      dirty.current = true;
      return;
    }
    inFlight.current = true;
    try {
      do {
        dirty.current = false;
        const requested = wanted.current;
        try {
          const rows = await rpc.call('roster.list', requested === '' ? {} : { search: requested });
          if (requested === wanted.current)
            setState({ rows, search: requested, loading: false, error: null });
          else dirty.current = true;
        } catch (err) {
          setState((current) => ({ ...current, loading: false, error: err }));
        }
      } while (dirty.current);
    } finally {
      inFlight.current = false;
    }
  }, [rpc]);

  useEffect(() => {
    wanted.current = search;
    setState((current) => (current.loading ? current : { ...current, loading: true }));
    void fetchRows();
  }, [search, fetchRows]);

  useOnReconnect(() => void fetchRows());
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.length === 0 || collections.some((c) => ROSTER_COLLECTIONS.has(c))) void fetchRows();
  });

  const reload = useCallback(() => void fetchRows(), [fetchRows]);
  return { ...state, reload };
}
