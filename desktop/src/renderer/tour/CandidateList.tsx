/**
 * Every stop of the problem: confirmed shows, then candidates with their source, hold level,
 * fee, dates and status (in the tour, or out with the reason), and Pin / Drop / Restore.
 */
import type { TourStopInfo } from '@flowstage/shared/rpc/tour';
import type { TourProblem, TourResult } from '@flowstage/shared/tour/plan/index';
import { useMemo } from 'react';
import { type Describe, exclusionText } from './describe';
import { allowedDates } from './logic';

interface CandidateListProps {
  problem: TourProblem;
  result: TourResult;
  infos: ReadonlyMap<string, TourStopInfo>;
  describe: Describe;
  disabled: boolean;
  selectedId?: string;
  onSelect(id: string): void;
  onPin(id: string): void;
  onUnpin(id: string): void;
  onDrop(id: string): void;
  onRestore(id: string): void;
}

export function CandidateList(props: CandidateListProps) {
  const { problem, result, infos, describe: d, disabled } = props;
  const artistName = new Map(problem.artists.map((a) => [a.id, a.name]));
  const { t } = d;
  const inTour = useMemo(() => new Map(result.itinerary.stops.map((s) => [s.id, s])), [result]);
  const reasons = useMemo(() => new Map(result.excluded.map((e) => [e.candidateId, e])), [result]);
  const pinned = new Set(problem.pinned.map((p) => p.id));
  const dropped = new Set(problem.dropped);
  const rows = [
    ...problem.fixed.map((f) => ({ id: f.id, fee: f.fee, dates: [f.date], fixed: true })),
    ...problem.candidates.map((c) => ({
      id: c.id,
      fee: c.fee,
      dates: allowedDates(problem, c.id),
      fixed: false,
    })),
  ];

  const datesText = (dates: readonly string[]) => {
    const first = dates[0];
    const lastDate = dates[dates.length - 1];
    if (!first || !lastDate) return '—';
    return dates.length === 1
      ? t('dates.one', { date: d.date(first) })
      : t('dates.range', { n: dates.length, first: d.date(first), last: d.date(lastDate) });
  };

  return (
    <section className="tour-candidates" aria-labelledby="tour-candidates-title">
      <h2 id="tour-candidates-title">
        {t('candidates.title')}{' '}
        <span className="muted" data-testid="tour-candidate-count">
          {t('candidates.count', { n: problem.candidates.length })}
        </span>
      </h2>
      <div className="tour-table-wrap">
        <table className="tour-table" data-testid="tour-candidates">
          <thead>
            <tr>
              <th scope="col">{t('col.stop')}</th>
              <th scope="col">{t('col.source')}</th>
              <th scope="col">{t('col.hold')}</th>
              <th scope="col" className="num">
                {t('col.fee')}
              </th>
              <th scope="col">{t('col.dates')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const info = infos.get(r.id);
              const name = d.name(r.id);
              const stop = inTour.get(r.id);
              const reason = reasons.get(r.id);
              const state = stop ? 'in' : dropped.has(r.id) ? 'dropped' : 'out';
              return (
                <tr
                  key={r.id}
                  data-testid="tour-candidate"
                  data-stop-id={r.id}
                  data-state={state}
                  data-source={info?.source ?? (r.fixed ? 'show' : 'open_date')}
                  data-pinned={pinned.has(r.id) ? 'true' : undefined}
                  className={`tour-row-${state}${props.selectedId === r.id ? ' tour-row-selected' : ''}`}
                >
                  <th scope="row">
                    <button type="button" className="button-link" onClick={() => props.onSelect(r.id)}>
                      {name}
                    </button>
                    {problem.artists.length > 1 && info?.artistIds.length ? (
                      <span className="tour-row-artists" data-testid="tour-candidate-artists">
                        {info.artistIds.map((id) => artistName.get(id) ?? id).join(' + ')}
                      </span>
                    ) : null}
                  </th>
                  <td>{t(`source.${info?.source ?? (r.fixed ? 'show' : 'open_date')}`)}</td>
                  <td>{info?.holdLevel ? t('hold.level', { n: info.holdLevel }) : ''}</td>
                  <td className="num">{d.money(r.fee)}</td>
                  <td>{datesText(r.dates)}</td>
                  <td data-testid="tour-candidate-status">
                    {stop ? (
                      <span className="tour-status-in">
                        {t(r.fixed ? 'status.fixed' : 'status.inTour', { date: d.date(stop.date) })}
                        {pinned.has(r.id) ? <span className="tour-badge">{t('pinned')}</span> : null}
                      </span>
                    ) : (
                      <span className="tour-status-out">
                        {t('status.out')}
                        {reason ? ` — ${exclusionText(reason, d)}` : ''}
                        {pinned.has(r.id) ? <span className="tour-badge">{t('pinned')}</span> : null}
                      </span>
                    )}
                  </td>
                  <td className="tour-actions">
                    {r.fixed ? null : state === 'dropped' ? (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={disabled}
                        aria-label={t('restore.label', { name })}
                        onClick={() => props.onRestore(r.id)}
                        data-testid="tour-restore"
                      >
                        {t('restore')}
                      </button>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="button button-small"
                          disabled={disabled}
                          aria-pressed={pinned.has(r.id)}
                          aria-label={t(pinned.has(r.id) ? 'unpin.label' : 'pin.label', { name })}
                          onClick={() => (pinned.has(r.id) ? props.onUnpin(r.id) : props.onPin(r.id))}
                          data-testid="tour-pin"
                        >
                          {t(pinned.has(r.id) ? 'unpin' : 'pin')}
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          disabled={disabled}
                          aria-label={t('drop.label', { name })}
                          onClick={() => props.onDrop(r.id)}
                          data-testid="tour-drop"
                        >
                          {t('drop')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
