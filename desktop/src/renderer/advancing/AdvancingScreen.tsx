/**
 * Advancing: the upcoming firm shows (filter by artist and period) with how complete their
 * day sheet is; a selected show opens its editor beside the list. For an artist, the tour
 * book of the period is one button away.
 */
import type { AdvancingRow, AdvancingSummary, ArtistRow } from '@flowstage/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate } from '../lib/dates';
import { useRpc, useRpcEvent } from '../rpc/react';
import { ArtistPeriodFilter } from '../ui/ArtistPeriodFilter';
import { PageHeader } from '../ui/PageHeader';
import { addDays, completeness, todayLocal } from './logic';
import { type AdvKey, useAdvT } from './messages';
import { TourBookDialog } from './PdfDialogs';
import { ShowEditor } from './ShowEditor';
import './advancing.css';

function Badges({ s }: { s: AdvancingSummary }) {
  const at = useAdvT();
  const parts: [AdvKey, boolean, string][] = [
    ['badge.schedule', s.schedule > 0, s.schedule > 0 ? String(s.schedule) : ''],
    ['badge.production', s.production, ''],
    ['badge.hospitality', s.hospitality, ''],
    ['badge.contacts', s.contacts > 0, s.contacts > 0 ? String(s.contacts) : ''],
    ['badge.guests', s.guests > 0, s.guests > 0 ? String(s.guestHeads) : ''],
  ];
  const done = completeness(s);
  return (
    <span className="adv-badges" data-testid="adv-badges" data-done={done}>
      <span className={`chip adv-score${done === 5 ? ' adv-ok' : ''}`}>{at('badge.done', { n: done })}</span>
      {parts.map(([key, ok, n]) => (
        <span key={key} className={`chip ${ok ? 'adv-ok' : 'adv-missing'}`} data-ok={ok}>
          {ok ? '✓' : '–'} {at(key)}
          {n ? ` ${n}` : ''}
        </span>
      ))}
    </span>
  );
}

export function AdvancingScreen() {
  const at = useAdvT();
  const i18n = useI18n();
  const rpc = useRpc();
  const [artistId, setArtistId] = useState('');
  const [from, setFrom] = useState(() => todayLocal());
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<AdvancingRow[] | null>(null);
  const [loadedFor, setLoadedFor] = useState('');
  const [artists, setArtists] = useState<ArtistRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [tourBook, setTourBook] = useState(false);

  const load = useCallback(() => {
    rpc
      .call('advancing.list', {
        ...(artistId ? { artistId } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      })
      .then(
        (r) => {
          setRows(r);
          setLoadedFor(artistId);
          setError(null);
        },
        (err) => setError(errorMessage(i18n, err)),
      );
  }, [rpc, artistId, from, to, i18n]);
  useEffect(load, [load]);
  useEffect(() => {
    rpc.call('roster.list', {}).then(setArtists, () => {});
  }, [rpc]);
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.length === 0 || collections.includes('deals')) load();
  });

  const artistName = artists.find((a) => a.id === artistId)?.name ?? '';
  const bookFrom = from || todayLocal();
  const lastShow = rows && rows.length > 0 ? rows[rows.length - 1]?.date : undefined;
  const bookTo = to || (lastShow && lastShow >= bookFrom ? lastShow : addDays(bookFrom, 30));

  return (
    <section className="roster advancing" data-testid="advancing-screen" data-artist-filter={loadedFor}>
      <PageHeader
        title={at('title')}
        count={rows ? at('count', { n: rows.length }) : null}
        countTestId="advancing-count"
      >
        <div className="pipeline-tools adv-tools">
          <ArtistPeriodFilter
            artists={artists}
            artistId={artistId}
            from={from}
            to={to}
            onArtist={setArtistId}
            onFrom={setFrom}
            onTo={setTo}
            labels={{
              artist: at('filter.artist'),
              allArtists: at('filter.allArtists'),
              from: at('filter.from'),
              to: at('filter.to'),
            }}
            testIdPrefix="adv"
            dateClassName="adv-date"
          />
          <button
            type="button"
            className="button"
            disabled={!artistId}
            title={artistId ? undefined : at('tourBook.needsArtist')}
            onClick={() => setTourBook(true)}
            data-testid="adv-tourbook-open"
          >
            {at('tourBook')}
          </button>
        </div>
      </PageHeader>
      {error ? (
        <p className="form-error" role="alert" data-testid="advancing-error">
          {error}
        </p>
      ) : null}
      <div className="adv-split">
        <div className="adv-list-pane">
          {rows === null ? (
            <p className="empty-state muted">{at('loading')}</p>
          ) : rows.length === 0 ? (
            <p className="empty-state muted" data-testid="advancing-empty">
              {at('empty')}
            </p>
          ) : (
            <ul className="adv-shows" aria-label={at('title')}>
              {rows.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    className={`adv-show${selected === r.id ? ' adv-show-active' : ''}`}
                    aria-current={selected === r.id ? 'true' : undefined}
                    onClick={() => setSelected(r.id)}
                    data-deal-id={r.id}
                    data-testid="adv-show"
                  >
                    <span className="adv-show-title">
                      <strong>{formatDate(r.date, i18n.locale)}</strong> · {r.artistName}
                    </span>
                    <span className="muted">
                      {r.venueName}
                      {r.venueCity ? `, ${r.venueCity}` : ''}
                    </span>
                    <Badges s={r.summary} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="adv-editor-pane">
          {selected ? (
            <ShowEditor key={selected} dealId={selected} onChanged={load} />
          ) : (
            <p className="empty-state muted">{at('select')}</p>
          )}
        </div>
      </div>
      {tourBook && artistId ? (
        <TourBookDialog
          artistId={artistId}
          artistName={artistName}
          from={bookFrom}
          to={bookTo}
          onClose={() => setTourBook(false)}
        />
      ) : null}
    </section>
  );
}
