/** The planner's actions: optimise (progress bar and cancel while it runs), accept, PDF, reload. */
import { percent } from './logic';
import type { TourT } from './messages';
import type { SolveProgress } from './solverClient';

interface TourToolbarProps {
  t: TourT;
  ready: boolean;
  progress: SolveProgress | null;
  money(minor: number): string;
  onOptimise(): void;
  onCancel(): void;
  onAccept(): void;
  onPdf(): void;
  onReload(): void;
}

export function TourToolbar({ t, ready, progress, money, ...on }: TourToolbarProps) {
  const pct = progress ? percent(progress.fraction) : 0;
  return (
    <div className="tour-toolbar" data-testid="tour-toolbar">
      {progress ? (
        <div className="tour-run" data-testid="tour-running">
          <div
            className="tour-progress"
            role="progressbar"
            aria-label={t('progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            aria-valuetext={t('optimising', { pct })}
            data-testid="tour-progress"
          >
            <div className="tour-progress-fill" style={{ width: `${pct}%` }} />
          </div>
          <span className="tour-run-text">
            {t('optimising', { pct })} ·{' '}
            {t('progress.best', { value: money(Math.round(progress.bestObjective)) })}
          </span>
          <button type="button" className="button" onClick={on.onCancel} data-testid="tour-cancel">
            {t('cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button-primary"
          disabled={!ready}
          onClick={on.onOptimise}
          data-testid="tour-optimise"
        >
          {t('optimise')}
        </button>
      )}
      <span className="page-header-spacer" />
      <button
        type="button"
        className="button"
        disabled={!ready || progress !== null}
        onClick={on.onAccept}
        data-testid="tour-accept"
      >
        {t('accept')}
      </button>
      <button
        type="button"
        className="button"
        disabled={!ready || progress !== null}
        onClick={on.onPdf}
        data-testid="tour-pdf"
      >
        {t('pdf')}
      </button>
      <button
        type="button"
        className="button button-ghost"
        disabled={progress !== null}
        onClick={on.onReload}
        data-testid="tour-reload"
      >
        {t('reload')}
      </button>
    </div>
  );
}
