/**
 * The tour planner's state: the artist and window, the loaded problem and distances, the
 * user's settings, pins, drops and arrangement (re-evaluated on every change), and the
 * solver run in its worker.
 */
import type { ArtistRow } from '@flowstage/shared';
import type { TourProblemResult, TourStopInfo } from '@flowstage/shared/rpc/tour';
import {
  addDays,
  type DistanceMatrix,
  dayDiff,
  evaluateTour,
  matrixFromJson,
  type PlannedVisit,
  problemNodes,
  type TourProblem,
  type TourResult,
} from '@flowstage/shared/tour/plan/index';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import {
  carryVisits,
  fixedVisits,
  infoMap,
  moveVisit,
  settingsOf,
  stepDate,
  type TourSettings,
  tunedProblem,
  visitsOf,
} from './logic';
import { type SolveProgress, type SolveRun, startSolve } from './solverClient';

export interface Loaded {
  data: TourProblemResult;
  matrix: DistanceMatrix;
  infos: Map<string, TourStopInfo>;
  /** artist|from|to of the request. */
  key: string;
}

export type LoadState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; message: string };
export type Notice = { kind: 'cancelled' } | { kind: 'failed'; message: string } | null;

const MAX_DAYS = 180;
const today = () => new Date().toISOString().slice(0, 10);

/** Where the planner was left, so it reopens there during the session. */
const last = { artistId: '', from: '', to: '' };

export function windowValid(from: string, to: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(from) &&
    /^\d{4}-\d{2}-\d{2}$/.test(to) &&
    to >= from &&
    dayDiff(from, to) < MAX_DAYS
  );
}

export function useTourPlan() {
  const rpc = useRpc();
  const i18n = useI18n();
  const [artists, setArtists] = useState<ArtistRow[]>([]);
  const [artistId, setArtistId] = useState(last.artistId);
  /** Package tour: the other artists in the van. */
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [from, setFrom] = useState(last.from || addDays(today(), 7));
  const [to, setTo] = useState(last.to || addDays(today(), 66));
  const [openDates, setOpenDates] = useState(true);
  const [reloadN, setReloadN] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadState, setLoadState] = useState<LoadState>({ kind: 'idle' });
  const [settings, setSettings] = useState<TourSettings | null>(null);
  const [timeS, setTimeS] = useState(3);
  const [pinned, setPinned] = useState<{ id: string; date: string | null }[]>([]);
  const [dropped, setDropped] = useState<string[]>([]);
  const [visits, setVisits] = useState<PlannedVisit[]>([]);
  const [progress, setProgress] = useState<SolveProgress | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const runRef = useRef<SolveRun | null>(null);
  /** What a reload of the same artist and window carries over. */
  const current = useRef<{ key: string; visits: PlannedVisit[]; infos: Map<string, TourStopInfo> } | null>(
    null,
  );
  const runToken = useRef(0);

  useEffect(() => {
    last.artistId = artistId;
    last.from = from;
    last.to = to;
  }, [artistId, from, to]);

  useEffect(() => {
    rpc.call('roster.list', {}).then(
      (rows) => setArtists([...rows].sort((a, b) => a.name.localeCompare(b.name, 'fr'))),
      () => undefined,
    );
  }, [rpc]);

  const stopRun = useCallback(() => {
    runToken.current++;
    runRef.current?.cancel();
    runRef.current = null;
    setProgress(null);
  }, []);

  // The problem and its distance matrix, reloaded when the artist, window or open dates change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadN forces a reload.
  useEffect(() => {
    stopRun();
    setNotice(null);
    if (!artistId || !windowValid(from, to)) {
      setLoaded(null);
      setLoadState({ kind: 'idle' });
      return;
    }
    let live = true;
    setLoadState({ kind: 'loading' });
    (async () => {
      const partners = partnerIds.filter((id) => id !== artistId);
      const data = await rpc.call('tour.problem', {
        artistId,
        ...(partners.length > 0 ? { partnerIds: partners } : {}),
        from,
        to,
        openDates,
        maxOpenVenues: 25,
      });
      const points = problemNodes(data.problem).map((p) => ({ lat: p.lat, lon: p.lon }));
      const matrix = matrixFromJson(await rpc.call('tour.distances', { points }));
      return {
        data,
        matrix,
        infos: infoMap(data.stops),
        key: `${artistId}|${partnerIds.join(',')}|${from}|${to}`,
      };
    })().then(
      (next) => {
        if (!live) return;
        const ids = new Set(next.data.problem.candidates.map((c) => c.id));
        setLoaded(next);
        setSettings((s) => s ?? settingsOf(next.data.problem));
        setPinned((p) => p.filter((x) => ids.has(x.id)));
        setDropped((d) => d.filter((x) => ids.has(x)));
        const prev = current.current;
        setVisits(
          prev && prev.key === next.key
            ? carryVisits(prev.visits, prev.infos, next.data.problem, next.infos)
            : fixedVisits(next.data.problem),
        );
        setLoadState({ kind: 'idle' });
      },
      (err: unknown) => {
        if (!live) return;
        setLoaded(null);
        setLoadState({ kind: 'failed', message: errorMessage(i18n, err) });
      },
    );
    return () => {
      live = false;
    };
  }, [rpc, artistId, partnerIds, from, to, openDates, reloadN, stopRun]);

  useEffect(() => stopRun, [stopRun]);

  const problem: TourProblem | null = useMemo(
    () => (loaded && settings ? tunedProblem(loaded.data.problem, settings, pinned, dropped) : null),
    [loaded, settings, pinned, dropped],
  );
  // Instant re-evaluation of the arrangement on every change.
  const result: TourResult | null = useMemo(
    () => (problem && loaded ? evaluateTour(problem, loaded.matrix, visits) : null),
    [problem, loaded, visits],
  );

  useEffect(() => {
    if (loaded) current.current = { key: loaded.key, visits, infos: loaded.infos };
  }, [loaded, visits]);

  const running = progress !== null;

  const optimise = useCallback(() => {
    if (!problem || !loaded || runRef.current) return;
    const token = ++runToken.current;
    setNotice(null);
    setProgress({ fraction: 0, bestObjective: result?.itinerary.objective ?? 0 });
    const run = startSolve(
      { problem, matrix: loaded.matrix, timeMs: Math.round(timeS * 1000), seed: Date.now() % 1_000_000 },
      {
        fallback: visits,
        onProgress: (p) => {
          if (runToken.current === token) setProgress(p);
        },
      },
    );
    runRef.current = run;
    run.result.then(
      (r) => {
        if (runToken.current !== token) return;
        setVisits(visitsOf(r));
        setNotice(r.cancelled ? { kind: 'cancelled' } : null);
      },
      (err: unknown) => {
        if (runToken.current === token) setNotice({ kind: 'failed', message: errorMessage(i18n, err) });
      },
    );
    run.result
      .catch(() => undefined)
      .finally(() => {
        if (runToken.current !== token) return;
        runRef.current = null;
        setProgress(null);
      });
  }, [problem, loaded, timeS, visits, result, i18n]);

  const cancel = useCallback(() => runRef.current?.cancel(), []);

  const drop = useCallback((id: string) => {
    setNotice(null);
    setDropped((d) => (d.includes(id) ? d : [...d, id]));
    setPinned((p) => p.filter((x) => x.id !== id));
    setVisits((v) => v.filter((x) => x.id !== id));
  }, []);
  const restore = useCallback((id: string) => setDropped((d) => d.filter((x) => x !== id)), []);
  const pin = useCallback(
    (id: string) => {
      const date = visits.find((v) => v.id === id)?.date ?? null;
      setPinned((p) => [...p.filter((x) => x.id !== id), { id, date }]);
      setDropped((d) => d.filter((x) => x !== id));
    },
    [visits],
  );
  const unpin = useCallback((id: string) => setPinned((p) => p.filter((x) => x.id !== id)), []);
  const move = useCallback(
    (id: string, date: string): boolean => {
      const next = moveVisit(visits, id, date);
      if (!next) return false;
      setNotice(null);
      setVisits(next);
      setPinned((p) => p.map((x) => (x.id === id && x.date ? { id, date } : x)));
      return true;
    },
    [visits],
  );
  const step = useCallback(
    (id: string, dir: -1 | 1): string | null => {
      if (!problem) return null;
      const date = stepDate(problem, visits, id, dir);
      return date && move(id, date) ? date : null;
    },
    [problem, visits, move],
  );

  return {
    artists,
    artistId,
    setArtistId,
    partnerIds,
    setPartnerIds,
    from,
    setFrom,
    to,
    setTo,
    openDates,
    setOpenDates,
    reload: () => setReloadN((n) => n + 1),
    loaded,
    loadState,
    settings,
    setSettings,
    timeS,
    setTimeS,
    problem,
    result,
    visits,
    running,
    progress,
    notice,
    optimise,
    cancel,
    drop,
    restore,
    pin,
    unpin,
    move,
    step,
  };
}

export type TourPlan = ReturnType<typeof useTourPlan>;
