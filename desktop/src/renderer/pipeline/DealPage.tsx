/**
 * One deal: terms form (TermsPanel: every deal structure), hold rank, expiry and challenge
 * (HoldPanel), settlement calculator (SettlementPanel, shared `settle()`), radius-clause
 * conflicts (computed by the core) and the deal's history (HistoryPanel).
 */
import type { DealDetail } from '@flowstage/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate } from '../lib/dates';
import { RpcCallError } from '../rpc/errors';
import { useRpc, useRpcEvent } from '../rpc/react';
import { HistoryPanel } from './HistoryPanel';
import { HoldPanel } from './HoldPanel';
import { holdBadge } from './logic';
import { holdErrorKey, usePipeT } from './messages';
import { useCreateT } from './messages-create';
import { SettlementPanel } from './SettlementPanel';
import { TermsPanel } from './TermsPanel';

export function DealPage({
  id,
  onClose,
  onChanged,
  onDeleted,
}: {
  id: string;
  onClose(): void;
  onChanged(): void;
  /** After a confirmed "Delete deal" (the pipeline offers Undo). */
  onDeleted?(): void;
}) {
  const pt = usePipeT();
  const ct = useCreateT();
  const [confirming, setConfirming] = useState(false);
  const i18n = useI18n();
  const rpc = useRpc();
  const [detail, setDetail] = useState<DealDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => {
    const key = err instanceof RpcCallError ? holdErrorKey(err.code) : null;
    setError(key ? pt(key) : errorMessage(i18n, err));
  };
  const load = useCallback(() => {
    rpc.call('deal.get', { id }).then(setDetail, (err) => setError(errorMessage(i18n, err)));
  }, [rpc, id, i18n]);
  useEffect(load, [load]);
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.includes('deals')) rpc.call('deal.get', { id }).then(setDetail, () => {});
  });
  const changed = (d: DealDetail) => {
    setDetail(d);
    setError(null);
    onChanged();
  };

  if (!detail) {
    return (
      <section className="roster pipeline" data-testid="deal-page">
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="empty-state muted">{pt('loading')}</p>
        )}
      </section>
    );
  }
  const { deal } = detail;

  return (
    <section className="roster pipeline deal-page" data-testid="deal-page">
      <header className="page-header">
        <button type="button" className="button button-ghost" onClick={onClose} data-testid="deal-back">
          ← {pt('back')}
        </button>
        <h1 data-testid="deal-title">
          {detail.artistName} @ {detail.venueName}
        </h1>
        <span className="page-count" data-testid="deal-status">
          {formatDate(deal.date, i18n.locale)} · {pt(`stage.${deal.stage}`)}
          {deal.holdLevel ? ` · ${holdBadge(deal.holdLevel, i18n.lang)}` : ''}
        </span>
        <span className="page-header-spacer" />
        <button
          type="button"
          className="button button-ghost"
          onClick={() => setConfirming(true)}
          data-testid="deal-delete"
        >
          {ct('delete.button')}
        </button>
      </header>
      {confirming ? (
        <div
          className="dir-confirm"
          role="alertdialog"
          aria-label={ct('delete.button')}
          data-testid="deal-delete-confirm"
        >
          <span>{ct('delete.confirm')}</span>
          <button
            type="button"
            className="button button-primary"
            data-testid="deal-delete-yes"
            onClick={() =>
              rpc.call('deal.delete', { id }).then(
                () => (onDeleted ?? onClose)(),
                (err) => {
                  setConfirming(false);
                  fail(err);
                },
              )
            }
          >
            {ct('delete.yes')}
          </button>
          <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
            {ct('delete.cancel')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert" data-testid="deal-error">
          {error}
        </p>
      ) : null}
      <div className="deal-grid">
        <TermsPanel key={deal.id} detail={detail} onSaved={changed} onError={fail} />
        <div className="deal-side">
          <HoldPanel detail={detail} onDetail={changed} onError={fail} />
          <SettlementPanel key={deal.id} deal={deal} />
          <section className="deal-panel" aria-label={pt('conflicts')} data-testid="deal-conflicts">
            <h2>{pt('conflicts')}</h2>
            {detail.conflicts.length === 0 ? (
              <p className="muted">{pt('conflicts.none')}</p>
            ) : (
              <ul className="conflict-list">
                {detail.conflicts.map((c) => (
                  <li key={c.otherId} className="conflict" role="alert">
                    ⚠{' '}
                    {pt('conflicts.item', {
                      venue: c.otherVenueName,
                      date: formatDate(c.otherDate, i18n.locale),
                      km: c.distanceKm,
                      days: c.anchorId === id ? c.daysApart : -c.daysApart,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <HistoryPanel detail={detail} />
        </div>
      </div>
    </section>
  );
}
