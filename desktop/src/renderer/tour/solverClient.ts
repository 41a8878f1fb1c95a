/**
 * Runs the tour solver in a module worker: progress events, then the result. Cancelling
 * terminates the worker at once and keeps the best tour reported so far, re-evaluated on
 * the main thread and marked cancelled.
 */
import {
  type DistanceMatrix,
  evaluateTour,
  type PlannedVisit,
  type TourProblem,
  type TourResult,
} from '@flowstage/shared/tour/plan/index';

export interface SolverRequest {
  problem: TourProblem;
  matrix: DistanceMatrix;
  timeMs: number;
  seed: number;
}

export type SolverResponse =
  | { type: 'progress'; fraction: number; bestObjective: number; visits: PlannedVisit[] }
  | { type: 'done'; result: TourResult }
  | { type: 'failed'; message: string };

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: SolverRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SolverResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface SolveProgress {
  fraction: number;
  bestObjective: number;
}

export interface SolveRun {
  /** Resolves with the solver's result, or the best-so-far tour when cancelled. */
  result: Promise<TourResult>;
  cancel(): void;
}

export function createSolverWorker(): WorkerLike {
  return new Worker(new URL('./solver.worker.ts', import.meta.url), { type: 'module' });
}

export function startSolve(
  request: SolverRequest,
  options: {
    /** The tour to keep if cancelled before any progress. */
    fallback: readonly PlannedVisit[];
    onProgress(progress: SolveProgress): void;
    createWorker?: () => WorkerLike;
  },
): SolveRun {
  const worker = (options.createWorker ?? createSolverWorker)();
  let best: readonly PlannedVisit[] = options.fallback;
  let settled = false;
  let settle: { resolve(r: TourResult): void; reject(e: Error): void } | null = null;
  const result = new Promise<TourResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (fn: (s: NonNullable<typeof settle>) => void) => {
    if (settled || !settle) return;
    settled = true;
    worker.terminate();
    fn(settle);
  };
  worker.onmessage = (event) => {
    const msg = event.data;
    if (msg.type === 'progress') {
      best = msg.visits;
      if (!settled) options.onProgress({ fraction: msg.fraction, bestObjective: msg.bestObjective });
    } else if (msg.type === 'done') finish((s) => s.resolve(msg.result));
    else finish((s) => s.reject(new Error(msg.message)));
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    finish((s) => s.reject(new Error(event.message || 'worker error')));
  };
  worker.postMessage(request);
  return {
    result,
    cancel() {
      finish((s) => {
        try {
          const kept = evaluateTour(request.problem, request.matrix, best);
          s.resolve({ ...kept, cancelled: true, stoppedEarly: true });
        } catch (err) {
          s.reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    },
  };
}
