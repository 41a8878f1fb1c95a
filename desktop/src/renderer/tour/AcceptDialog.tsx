/** Confirms accepting the tour (what will be held in the pipeline), then lists what was done per stop. */
import type { TourAcceptResult } from '@flowstage/shared/rpc/tour';
import { useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { Modal } from '../ui/Modal';
import type { Describe } from './describe';
import type { AcceptStop } from './logic';

interface AcceptDialogProps {
  artistId: string;
  partnerIds: readonly string[];
  stops: AcceptStop[];
  describe: Describe;
  onClose(accepted: boolean): void;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; results: TourAcceptResult['results'] }
  | { kind: 'failed'; message: string };

export function AcceptDialog({ artistId, partnerIds, stops, describe: d, onClose }: AcceptDialogProps) {
  const rpc = useRpc();
  const i18n = useI18n();
  const { t } = d;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const done = status.kind === 'done';

  const accept = async () => {
    setStatus({ kind: 'busy' });
    try {
      const partners = partnerIds.filter((id) => id !== artistId);
      const answer = await rpc.call('tour.accept', {
        artistId,
        ...(partners.length > 0 ? { partnerIds: partners } : {}),
        stops,
      });
      setStatus({ kind: 'done', results: answer.results });
    } catch (err) {
      setStatus({ kind: 'failed', message: errorMessage(i18n, err) });
    }
  };

  const actionText = (r: TourAcceptResult['results'][number]) =>
    r.action === 'refused'
      ? t('action.refused', { reason: r.reason ?? '—' })
      : t(`action.${r.action}`, { level: r.holdLevel ?? '—' });

  return (
    <Modal
      title={t('accept.title')}
      testId="tour-accept-dialog"
      className="tour-accept"
      onClose={() => onClose(done)}
    >
      {stops.length === 0 ? <p>{t('accept.none')}</p> : <p>{t(done ? 'accept.done' : 'accept.intro')}</p>}
      <ul className="tour-accept-list" data-testid={done ? 'tour-accept-result' : 'tour-accept-plan'}>
        {stops.map((s) => {
          const r =
            status.kind === 'done' ? status.results.find((x) => x.candidateId === s.candidateId) : undefined;
          return (
            <li key={s.candidateId} data-stop-id={s.candidateId} data-action={r?.action}>
              <strong>{d.name(s.candidateId)}</strong> — {d.date(s.date)} — {d.money(s.fee)} —{' '}
              {r ? actionText(r) : t(s.dealId ? 'accept.update' : 'accept.create', { date: d.date(s.date) })}
            </li>
          );
        })}
      </ul>
      {status.kind === 'failed' ? (
        <p className="form-error" role="alert" data-testid="tour-accept-error">
          {t('accept.failed', { message: status.message })}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          disabled={status.kind === 'busy'}
          onClick={() => onClose(done)}
          data-testid="tour-accept-close"
        >
          {t(done ? 'accept.close' : 'cancel')}
        </button>
        {done ? null : (
          <button
            type="button"
            className="button button-primary"
            disabled={status.kind === 'busy' || stops.length === 0}
            onClick={accept}
            data-testid="tour-accept-confirm"
          >
            {t(status.kind === 'busy' ? 'accept.busy' : 'accept.confirm')}
          </button>
        )}
      </div>
    </Modal>
  );
}
