/**
 * The booker's pipeline: deals as a kanban by stage (Board.tsx: drag and drop, and
 * keyboard moves: next / previous buttons and a "move to" menu on every card) or as a table, with filters; a deal
 * opens on its own page (terms, settlement calculator, radius conflicts, history).
 */
import type { ArtistRow, DealRow, DealStage } from '@flowstage/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { RpcCallError } from '../rpc/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate } from '../lib/dates';
import { formatMoney } from '../lib/money';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { useRpc, useRpcEvent } from '../rpc/react';
import { Board } from './Board';
import { DealPage } from './DealPage';
import { ALL_STAGES, holdBadge } from './logic';
import { holdErrorKey, type PipeKey, usePipeT } from './messages';
import { useCreateT } from './messages-create';
import { NewDealDialog } from './NewDealDialog';
import './pipeline.css';
import { ArtistPeriodFilter } from '../ui/ArtistPeriodFilter';
import { PageHeader } from '../ui/PageHeader';

type Sort = 'date' | 'artist' | 'guarantee' | 'updatedAt';

/** `initialDealId`: open on that deal's page (palette, `#/deal/<id>`, `flowstage://` links, dashboard). */
export function PipelineScreen({ initialDealId }: { initialDealId?: string | undefined } = {}) {
  const pt = usePipeT();
  const i18n = useI18n();
  const rpc = useRpc();
  const dealError = (err: unknown): string => {
    const key = err instanceof RpcCallError ? holdErrorKey(err.code) : null;
    return key ? pt(key) : errorMessage(i18n, err);
  };
  const [view, setView] = useState<'board' | 'table'>('board');
  const [searchInput, setSearchInput] = useState('');
  const search = useDebouncedValue(searchInput.trim(), 250);
  const [stage, setStage] = useState<DealStage | ''>('');
  const [artistId, setArtistId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<DealRow[] | null>(null);
  /** The artist filter the rows shown were loaded for (lets a test wait for a reload). */
  const [loadedFor, setLoadedFor] = useState('');
  const [artists, setArtists] = useState<ArtistRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(initialDealId ?? null);
  const [sort, setSort] = useState<Sort>('date');
  const [desc, setDesc] = useState(false);
  const ct = useCreateT();
  const [creating, setCreating] = useState(false);
  const [deleted, setDeleted] = useState<string | null>(null);

  const load = useCallback(() => {
    rpc
      .call('deals.list', {
        ...(search ? { search } : {}),
        ...(stage ? { stage } : {}),
        ...(artistId ? { artistId } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        sort,
        desc,
      })
      .then(
        (r) => {
          setRows(r);
          setLoadedFor(artistId);
          setError(null);
        },
        (err) => setError(errorMessage(i18n, err)),
      );
  }, [rpc, search, stage, artistId, from, to, sort, desc, i18n]);
  useEffect(load, [load]);
  useEffect(() => {
    rpc.call('roster.list', {}).then(setArtists, () => {});
  }, [rpc]);
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.length === 0 || collections.includes('deals')) load();
  });

  /** Resolves true when the core accepted the move (the board puts a refused card back). */
  const move = (row: DealRow, target: DealStage): Promise<boolean> =>
    rpc.call('deal.update', { id: row.id, patch: { stage: target } }).then(
      () => {
        setError(null);
        load();
        return true;
      },
      (err) => {
        setError(dealError(err));
        return false;
      },
    );

  if (open) {
    return (
      <DealPage
        id={open}
        onClose={() => setOpen(null)}
        onChanged={load}
        onDeleted={() => {
          setDeleted(open);
          setOpen(null);
          load();
        }}
      />
    );
  }

  const header = (s: Sort, key: PipeKey) => (
    <th scope="col" aria-sort={s === sort ? (desc ? 'descending' : 'ascending') : undefined}>
      <button
        type="button"
        className="th-sort"
        data-testid={`pipeline-sort-${s}`}
        onClick={() => {
          if (s === sort) setDesc(!desc);
          else {
            setSort(s);
            setDesc(false);
          }
        }}
      >
        {pt(key)}
        {s === sort ? (desc ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );
  const money = (r: DealRow) => formatMoney(r.guarantee, r.currency, i18n.locale, { compact: true });

  return (
    <section className="roster pipeline" data-testid="pipeline-screen" data-artist-filter={loadedFor}>
      <PageHeader
        title={pt('title')}
        count={rows ? pt('count', { n: rows.length }) : null}
        countTestId="pipeline-count"
      >
        <div className="pipeline-tools">
          <button
            type="button"
            className="button button-primary"
            onClick={() => setCreating(true)}
            data-testid="pipeline-new-deal"
          >
            {ct('new.button')}
          </button>
          <input
            type="search"
            className="input search-input"
            aria-label={pt('search')}
            placeholder={pt('search.placeholder')}
            value={searchInput}
            onChange={(e) => setSearchInput(e.target.value)}
            data-testid="pipeline-search"
          />
          <select
            className="input"
            aria-label={pt('filter.stage')}
            value={stage}
            onChange={(e) => setStage(e.target.value as DealStage | '')}
            data-testid="pipeline-stage-filter"
          >
            <option value="">{pt('filter.allStages')}</option>
            {ALL_STAGES.map((s) => (
              <option key={s} value={s}>
                {pt(`stage.${s}`)}
              </option>
            ))}
          </select>
          <ArtistPeriodFilter
            artists={artists}
            artistId={artistId}
            from={from}
            to={to}
            onArtist={setArtistId}
            onFrom={setFrom}
            onTo={setTo}
            labels={{
              artist: pt('filter.artist'),
              allArtists: pt('filter.allArtists'),
              from: pt('filter.from'),
              to: pt('filter.to'),
            }}
            testIdPrefix="pipeline"
            dateClassName="pipeline-date"
          />
          <fieldset className="segmented" aria-label={pt('title')}>
            {(['board', 'table'] as const).map((v) => (
              <button
                key={v}
                type="button"
                className={`button button-small${view === v ? ' button-primary' : ''}`}
                aria-pressed={view === v}
                onClick={() => setView(v)}
                data-testid={`pipeline-view-${v}`}
              >
                {pt(v === 'board' ? 'view.board' : 'view.table')}
              </button>
            ))}
          </fieldset>
        </div>
      </PageHeader>
      {creating ? (
        <NewDealDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setDeleted(null);
            setOpen(id);
            load();
          }}
        />
      ) : null}
      {deleted ? (
        <div className="dir-deleted" role="status" data-testid="pipeline-deleted">
          <span>{ct('deleted')}</span>
          <button
            type="button"
            className="button"
            data-testid="pipeline-undo-delete"
            onClick={() =>
              rpc.call('deal.restore', { id: deleted }).then(
                () => {
                  setDeleted(null);
                  setOpen(deleted);
                },
                (err) => setError(dealError(err)),
              )
            }
          >
            {ct('undo')}
          </button>
          <button type="button" className="button button-ghost button-small" onClick={() => setDeleted(null)}>
            {ct('dismiss')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert" data-testid="pipeline-error">
          {error}
        </p>
      ) : null}
      {rows === null ? (
        <p className="empty-state muted">{pt('loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty-state muted" data-testid="pipeline-empty">
          {pt('empty')}
        </p>
      ) : view === 'board' ? (
        <Board rows={rows} onOpen={setOpen} onMove={move} />
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="pipeline-table">
            <thead>
              <tr>
                {header('date', 'col.date')}
                {header('artist', 'col.artist')}
                <th scope="col">{pt('col.venue')}</th>
                <th scope="col">{pt('col.stage')}</th>
                <th scope="col">{pt('col.hold')}</th>
                {header('guarantee', 'col.guarantee')}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.id}
                  data-row-id={r.id}
                  tabIndex={0}
                  onClick={() => setOpen(r.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') setOpen(r.id);
                  }}
                >
                  <td>{formatDate(r.date, i18n.locale)}</td>
                  <td>{r.artistName}</td>
                  <td>
                    {r.venueName}
                    {r.venueCity ? <span className="muted"> · {r.venueCity}</span> : null}
                  </td>
                  <td>{pt(`stage.${r.stage}`)}</td>
                  <td>{holdBadge(r.holdLevel, i18n.lang) ?? ''}</td>
                  <td className="num">{money(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
