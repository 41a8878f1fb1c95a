/**
 * The tour's timeline: the window's days as columns, the stops as chips on their day (order,
 * name, fee) and the drives between them. A chip moves to another of its allowed days by
 * drag and drop, or with Alt+← / Alt+→ when focused; the tour is re-evaluated at once.
 */
import type { TourStopInfo } from '@flowstage/shared/rpc/tour';
import { dayDiff, type TourProblem, type TourResult } from '@flowstage/shared/tour/plan/index';
import { type DragEvent, type KeyboardEvent, useMemo, useState } from 'react';
import { formatMoney } from '../lib/money';
import { allowedDates, legTitle, stopName, windowDates } from './logic';
import type { TourT } from './messages';

interface TimelineProps {
  problem: TourProblem;
  result: TourResult;
  infos: ReadonlyMap<string, TourStopInfo>;
  locale: string;
  t: TourT;
  disabled: boolean;
  selectedId?: string;
  onSelect(id: string): void;
  onMove(id: string, date: string): boolean;
  onStep(id: string, dir: -1 | 1): string | null;
}

const DRAG_TYPE = 'application/x-flowstage-tour-stop';

export function Timeline(props: TimelineProps) {
  const { problem, result, infos, locale, t, disabled } = props;
  const { start, end } = problem.window;
  const days = useMemo(() => windowDates(start, end), [start, end]);
  const [dragId, setDragId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const stops = result.itinerary.stops;
  const taken = useMemo(() => new Map(stops.map((s) => [s.date, s.id])), [stops]);
  const dropDates = useMemo(() => {
    if (!dragId) return new Set<string>();
    return new Set(allowedDates(problem, dragId).filter((d) => !taken.has(d) || taken.get(d) === dragId));
  }, [dragId, problem, taken]);
  const header = useMemo(
    () => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', timeZone: 'UTC' }),
    [locale],
  );
  const month = useMemo(() => new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }), [locale]);
  const long = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
    [locale],
  );
  const utc = (d: string) => new Date(`${d}T00:00:00Z`);
  const col = (date: string) => dayDiff(start, date) + 1;
  const W = days.length;
  const name = (id: string) =>
    id === 'home'
      ? problem.home.label
      : id === 'end'
        ? (problem.end ?? problem.home).label
        : stopName(id, infos, problem);

  const onKey = (e: KeyboardEvent<HTMLButtonElement>, id: string) => {
    if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    if (disabled) return;
    const date = props.onStep(id, e.key === 'ArrowLeft' ? -1 : 1);
    setStatus(
      date ? t('timeline.moved', { name: name(id), date: long.format(utc(date)) }) : t('timeline.noMove'),
    );
  };
  const onDrop = (e: DragEvent<HTMLDivElement>, date: string) => {
    e.preventDefault();
    const id = dragId ?? e.dataTransfer.getData(DRAG_TYPE);
    setDragId(null);
    if (id && dropDates.has(date) && props.onMove(id, date))
      setStatus(t('timeline.moved', { name: name(id), date: long.format(utc(date)) }));
  };

  const dayOf = (id: string, fallback: number) => {
    const s = stops.find((x) => x.id === id);
    return s ? col(s.date) : fallback;
  };
  const lastCol = stops.length > 0 ? col(stops[stops.length - 1]?.date ?? start) : 1;

  return (
    <section className="tour-timeline" aria-label={t('timeline.label')} data-testid="tour-timeline">
      <p className="muted tour-hint">{t('timeline.hint')}</p>
      <div className="tour-timeline-scroll">
        <div
          className="tour-timeline-grid"
          style={{ gridTemplateColumns: `repeat(${W}, var(--tour-day-w))` }}
        >
          {days.map((d, i) => {
            const dow = utc(d).getUTCDay();
            return (
              <div
                key={`h-${d}`}
                className={`tour-day-head${dow === 0 || dow === 6 ? ' tour-weekend' : ''}`}
                style={{ gridColumn: i + 1, gridRow: 1 }}
              >
                {i === 0 || d.endsWith('-01') ? (
                  <span className="tour-month">{month.format(utc(d))}</span>
                ) : null}
                {header.format(utc(d))}
              </div>
            );
          })}
          {days.map((d, i) => (
            // biome-ignore lint/a11y/noStaticElementInteractions: drop targets of the pointer drag; keyboard users move chips with Alt+arrows.
            <div
              key={`c-${d}`}
              className={`tour-day-cell${dropDates.has(d) ? ' tour-drop-ok' : ''}`}
              style={{ gridColumn: i + 1, gridRow: 2 }}
              data-testid="tour-day"
              data-date={d}
              onDragOver={(e) => {
                if (!dropDates.has(d)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
              }}
              onDrop={(e) => onDrop(e, d)}
            />
          ))}
          {stops.map((s, i) => {
            const movable = s.kind === 'candidate' && !disabled;
            const fee = formatMoney(s.fee, problem.currency, locale, { compact: true });
            const label = t('timeline.chip', {
              n: i + 1,
              name: name(s.id),
              date: long.format(utc(s.date)),
              fee,
            });
            return (
              <button
                key={s.id}
                type="button"
                className={`tour-chip tour-chip-${s.kind}${s.pinned ? ' tour-chip-pinned' : ''}${
                  props.selectedId === s.id ? ' tour-chip-selected' : ''
                }`}
                style={{ gridColumn: col(s.date), gridRow: 2 }}
                draggable={movable}
                aria-label={label}
                aria-keyshortcuts={movable ? 'Alt+ArrowLeft Alt+ArrowRight' : undefined}
                aria-pressed={props.selectedId === s.id}
                title={label}
                data-testid="tour-chip"
                data-stop-id={s.id}
                data-date={s.date}
                data-allowed={movable ? allowedDates(problem, s.id).join(' ') : undefined}
                onClick={() => props.onSelect(s.id)}
                onKeyDown={(e) => onKey(e, s.id)}
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_TYPE, s.id);
                  e.dataTransfer.effectAllowed = 'move';
                  setDragId(s.id);
                }}
                onDragEnd={() => setDragId(null)}
              >
                <span className="tour-chip-n">{i + 1}</span>
                <span className="tour-chip-name">{infos.get(s.id)?.city || name(s.id)}</span>
                <span className="tour-chip-fee">{fee}</span>
              </button>
            );
          })}
          {result.itinerary.legs.map((l, i) => {
            let from = l.fromId === 'home' ? 1 : dayOf(l.fromId, 1) + 1;
            let to = l.toId === 'end' ? Math.min(lastCol + 1, W) : dayOf(l.toId, W);
            // A home break: the drive home right after the show, the drive back right before the next.
            if (l.homeBreak && l.toId === 'home') to = Math.min(W, from + Math.max(1, l.days) - 1);
            if (l.homeBreak && l.fromId === 'home') from = Math.max(1, to - Math.max(1, l.days) + 1);
            if (from > to) from = to;
            const over = l.daysNeeded > l.days;
            return (
              <div
                key={`${l.fromId}-${l.toId}`}
                className={`tour-leg${over ? ' tour-leg-over' : ''}${l.homeBreak ? ' tour-leg-home' : ''}`}
                style={{ gridColumn: `${from} / ${to + 1}`, gridRow: 3 + (i % 2) }}
                title={`${name(l.fromId)} → ${name(l.toId)} · ${legTitle(l, locale)}`}
                data-testid="tour-leg"
              >
                {legTitle(l, locale)}
              </div>
            );
          })}
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="tour-timeline-status">
        {status}
      </p>
    </section>
  );
}
