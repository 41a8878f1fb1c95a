/**
 * The kanban: one column per stage of the main line plus "closed". A card moves by drag and
 * drop (HTML5) or by keyboard (previous / next buttons and a "move to" menu). A dropped card
 * shows in its new column at once; when the core refuses the move (holds rules: a firm
 * date, no level left …) it goes back and the screen says why.
 */
import type { DealRow, DealStage } from '@flowstage/shared';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate } from '../lib/dates';
import { formatMoney } from '../lib/money';
import { timeLeft } from './history';
import { useNow } from './HoldPanel';
import {
  ALL_STAGES,
  type ColumnId,
  dropStage,
  groupByColumn,
  holdBadge,
  nextStage,
  previousStage,
} from './logic';
import { usePipeT } from './messages';

/** Cards drawn per column (the table view and the filters reach the rest). */
const CARDS_PER_COLUMN = 60;
const DRAG_TYPE = 'application/x-flowstage-deal';

export function Board({
  rows,
  onOpen,
  onMove,
}: {
  rows: readonly DealRow[];
  onOpen(id: string): void;
  /** Resolves true when the core accepted the move. */
  onMove(row: DealRow, target: DealStage): Promise<boolean>;
}) {
  const pt = usePipeT();
  const i18n = useI18n();
  const now = useNow();
  const [moved, setMoved] = useState<ReadonlyMap<string, DealStage>>(new Map());
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<ColumnId | null>(null);
  // Fresh rows from the core replace the optimistic stages.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the rows change
  useEffect(() => setMoved(new Map()), [rows]);

  const shown = rows.map((r) => {
    const s = moved.get(r.id);
    return s ? { ...r, stage: s, holdLevel: s === 'hold' ? r.holdLevel : null } : r;
  });
  const label = (r: DealRow) => `${r.artistName} @ ${r.venueName}`;
  const money = (r: DealRow) => formatMoney(r.guarantee, r.currency, i18n.locale, { compact: true });
  const left = (deadline: string) => {
    const l = timeLeft(deadline, now);
    return pt(l.key, l.vars);
  };
  const drop = (column: ColumnId, id: string) => {
    const row = rows.find((r) => r.id === id);
    const current = shown.find((r) => r.id === id);
    if (!row || !current) return;
    const target = dropStage(current.stage, column);
    if (!target) return;
    setMoved((m) => new Map(m).set(id, target));
    void onMove(row, target).then((ok) => {
      if (ok) return;
      setMoved((m) => {
        const next = new Map(m);
        next.delete(id);
        return next;
      });
    });
  };

  return (
    <>
      <p className="muted kanban-hint">{pt('drag.hint')}</p>
      <div className="kanban" data-testid="pipeline-board">
        {[...groupByColumn(shown)].map(([column, cards]) => (
          <section
            key={column}
            className={`kanban-column${over === column ? ' drop-target' : ''}`}
            aria-label={pt(column === 'closed' ? 'column.closed' : `stage.${column}`)}
            data-testid={`column-${column}`}
            onDragOver={(e) => {
              if (!dragging) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (over !== column) setOver(column);
            }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null);
            }}
            onDrop={(e) => {
              e.preventDefault();
              const id = e.dataTransfer.getData(DRAG_TYPE) || dragging;
              setOver(null);
              setDragging(null);
              if (id) drop(column, id);
            }}
          >
            <h2 className="kanban-title">
              {pt(column === 'closed' ? 'column.closed' : `stage.${column}`)}
              <span className="nav-count">{cards.length}</span>
            </h2>
            <ul className="kanban-cards">
              {cards.slice(0, CARDS_PER_COLUMN).map((r) => {
                const next = nextStage(r.stage);
                const prev = previousStage(r.stage);
                const badge = holdBadge(r.holdLevel, i18n.lang);
                return (
                  <li
                    key={r.id}
                    className={`deal-card${dragging === r.id ? ' dragging' : ''}`}
                    data-deal-id={r.id}
                    data-stage={r.stage}
                    data-testid="deal-card"
                    draggable
                    aria-roledescription={pt('drag.card', { deal: label(r) })}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(DRAG_TYPE, r.id);
                      e.dataTransfer.setData('text/plain', label(r));
                      e.dataTransfer.effectAllowed = 'move';
                      setDragging(r.id);
                    }}
                    onDragEnd={() => {
                      setDragging(null);
                      setOver(null);
                    }}
                  >
                    <button type="button" className="deal-card-open" onClick={() => onOpen(r.id)}>
                      <strong>{r.artistName}</strong> @ {r.venueName}
                    </button>
                    <div className="deal-card-meta">
                      <span>{formatDate(r.date, i18n.locale)}</span>
                      {badge ? (
                        <span className={`chip hold-badge hold-${r.holdLevel}`} data-testid="hold-badge">
                          {badge}
                        </span>
                      ) : null}
                      {column === 'closed' ? <span className="chip">{pt(`stage.${r.stage}`)}</span> : null}
                      <span className="deal-card-money">{money(r)}</span>
                    </div>
                    {r.stage === 'hold' && r.challengeDeadline ? (
                      <span className="chip chip-warn" data-testid="card-challenge">
                        ⏳ {pt('card.challenge', { left: left(r.challengeDeadline) })}
                      </span>
                    ) : null}
                    {r.stage === 'hold' && r.holdExpiresAt ? (
                      <span className="chip" data-testid="card-expires">
                        {pt('card.expires', { left: left(r.holdExpiresAt) })}
                      </span>
                    ) : null}
                    <div className="deal-card-moves">
                      <button
                        type="button"
                        className="button button-ghost button-small"
                        disabled={!prev}
                        aria-label={
                          prev
                            ? pt('move.previous', { deal: label(r), stage: pt(`stage.${prev}`) })
                            : undefined
                        }
                        onClick={() => prev && void onMove(r, prev)}
                        data-testid="deal-move-prev"
                      >
                        ←
                      </button>
                      <select
                        className="input input-small"
                        aria-label={pt('move.label', { deal: label(r) })}
                        value={r.stage}
                        onChange={(e) => void onMove(r, e.target.value as DealStage)}
                        data-testid="deal-move-select"
                      >
                        {ALL_STAGES.map((s) => (
                          <option key={s} value={s}>
                            {pt(`stage.${s}`)}
                          </option>
                        ))}
                      </select>
                      <button
                        type="button"
                        className="button button-ghost button-small"
                        disabled={!next}
                        aria-label={
                          next ? pt('move.next', { deal: label(r), stage: pt(`stage.${next}`) }) : undefined
                        }
                        onClick={() => next && void onMove(r, next)}
                        data-testid="deal-move-next"
                      >
                        →
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
            {cards.length > CARDS_PER_COLUMN ? (
              <p className="muted kanban-more">{pt('column.more', { n: cards.length - CARDS_PER_COLUMN })}</p>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}
