/**
 * The tour solver off the main thread: one `solve` message in, `progress` messages (the
 * best tour so far, so a cancel keeps it) and one `done` or `failed` message out.
 */
import { solveTour } from '@flowstage/shared/tour/plan/index';
import type { SolverRequest, SolverResponse } from './solverClient';

const post = (message: SolverResponse) => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<SolverRequest>) => {
  const { problem, matrix, timeMs, seed } = event.data;
  try {
    const result = solveTour(problem, matrix, {
      timeMs,
      seed,
      onProgress: (fraction, bestObjective, best) =>
        post({ type: 'progress', fraction, bestObjective, visits: best() }),
    });
    post({ type: 'done', result });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
});
