/** The native menu's "New artist": a name and a kind; the artist page opens on the rest. */
import type { ArtistKind } from '@flowstage/shared';
import { useId, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { Modal } from '../ui/Modal';
import { useAppDialogT } from './app-dialog-messages';

const KINDS: readonly ArtistKind[] = ['band', 'solo', 'dj', 'ensemble'];

export function NewArtistDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const t = useAppDialogT();
  const i18n = useI18n();
  const rpc = useRpc();
  const nameId = useId();
  const kindId = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ArtistKind>('band');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={t('newArtist.title')} testId="new-artist-dialog" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setError(t('newArtist.nameRequired'));
          setBusy(true);
          rpc.call('artist.create', { name: name.trim(), kind }).then(
            (a) => onCreated(a.id),
            (err: unknown) => {
              setBusy(false);
              setError(errorMessage(i18n, err));
            },
          );
        }}
      >
        <div className="field">
          <label htmlFor={nameId}>{t('newArtist.name')}</label>
          <input
            id={nameId}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            data-testid="new-artist-name"
          />
        </div>
        <div className="field">
          <label htmlFor={kindId}>{t('newArtist.kind')}</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as ArtistKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {error ? <p role="alert">{error}</p> : null}
        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('cancel')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="new-artist-create"
          >
            {t('newArtist.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
