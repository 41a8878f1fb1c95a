/**
 * Avails for pitching: an artist's open dates over a period, as month grids coloured by
 * status and as ranges; copied as e-mail text or saved as a PDF.
 */
import {
  type ArtistRow,
  type AvailsResult,
  availSummary,
  formatMonth,
  formatRange,
  groupedRanges,
  MAX_AVAILS_DAYS,
} from '@flowstage/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc, useRpcEvent } from '../rpc/react';
import { ExportDialog } from '../ui/ExportDialog';
import { defaultPeriod, localDate, monthGrid, periodOk } from './logic';
import { useCalT } from './messages';

interface Props {
  artists: readonly ArtistRow[];
  artistId: string;
  onArtist(id: string): void;
}

export function AvailsPanel({ artists, artistId, onArtist }: Props) {
  const rpc = useRpc();
  const i18n = useI18n();
  const ct = useCalT();
  const lang = i18n.lang === 'fr' ? 'fr' : 'en';
  const [period, setPeriod] = useState(() => defaultPeriod(localDate(new Date())));
  const [group, setGroup] = useState<'month' | 'week'>('month');
  const [includeHeld, setIncludeHeld] = useState(false);
  const [result, setResult] = useState<AvailsResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  const [pdfOpen, setPdfOpen] = useState(false);
  // The language does not change the avails: errors are translated when they happen.
  const i18nRef = useRef(i18n);
  i18nRef.current = i18n;
  const valid = periodOk(period.from, period.to, MAX_AVAILS_DAYS);

  const load = useCallback(() => {
    setText(null);
    setCopy(null);
    if (!artistId || !valid) {
      setResult(null);
      return undefined;
    }
    let live = true;
    rpc.call('calendar.avails', { artistId, from: period.from, to: period.to }).then(
      (r) => {
        if (!live) return;
        setResult(r);
        setError(null);
      },
      (err) => live && setError(errorMessage(i18nRef.current, err)),
    );
    return () => {
      live = false;
    };
  }, [rpc, artistId, period.from, period.to, valid]);
  useEffect(load, [load]);
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.length === 0 || collections.includes('deals') || collections.includes('events')) load();
  });

  const copyText = async () => {
    if (!artistId || !valid) return;
    try {
      const r = await rpc.call('calendar.availsText', { artistId, ...period, lang, group, includeHeld });
      setText(r.text);
      try {
        await navigator.clipboard.writeText(r.text);
        setCopy('copied');
      } catch {
        setCopy('failed');
      }
    } catch (err) {
      setError(errorMessage(i18n, err));
    }
  };

  const summary = result ? availSummary(result.days) : null;
  const status = new Map(result?.days.map((d) => [d.date, d]) ?? []);
  const months = result ? [...new Set(result.days.map((d) => d.date.slice(0, 7)))] : [];
  const ranges = result ? groupedRanges(result.days, 'month') : [];
  const artistName = artists.find((a) => a.id === artistId)?.name ?? '';
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(i18n.locale, { weekday: 'narrow', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2027, 2, 1 + i)),
    ),
  );

  return (
    <div
      className="avails"
      data-testid="avails-panel"
      data-loaded={result ? `${result.artistId}|${result.from}|${result.to}` : ''}
    >
      <div className="avails-form">
        <label className="field">
          <span>{ct('avails.artist')}</span>
          <select
            className="input"
            value={artistId}
            onChange={(e) => onArtist(e.target.value)}
            data-testid="avails-artist"
          >
            <option value="">{ct('avails.pick')}</option>
            {artists.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{ct('avails.from')}</span>
          <input
            type="date"
            className="input"
            value={period.from}
            onChange={(e) => setPeriod((p) => ({ ...p, from: e.target.value }))}
            data-testid="avails-from"
          />
        </label>
        <label className="field">
          <span>{ct('avails.to')}</span>
          <input
            type="date"
            className="input"
            value={period.to}
            onChange={(e) => setPeriod((p) => ({ ...p, to: e.target.value }))}
            data-testid="avails-to"
          />
        </label>
        <label className="field">
          <span>{ct('avails.group')}</span>
          <select
            className="input"
            value={group}
            onChange={(e) => setGroup(e.target.value === 'week' ? 'week' : 'month')}
            data-testid="avails-group"
          >
            <option value="month">{ct('avails.group.month')}</option>
            <option value="week">{ct('avails.group.week')}</option>
          </select>
        </label>
        <label className="avails-check">
          <input
            type="checkbox"
            checked={includeHeld}
            onChange={(e) => setIncludeHeld(e.target.checked)}
            data-testid="avails-include-held"
          />
          {ct('avails.includeHeld')}
        </label>
        <div className="avails-actions">
          <button
            type="button"
            className="button"
            disabled={!result}
            onClick={() => void copyText()}
            data-testid="avails-copy"
          >
            {ct('avails.copy')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!result}
            onClick={() => setPdfOpen(true)}
            data-testid="avails-pdf"
          >
            {ct('avails.pdf')}
          </button>
        </div>
      </div>
      {!valid ? (
        <p className="form-error" role="alert" data-testid="avails-bad-period">
          {ct('avails.badPeriod')}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert" data-testid="avails-error">
          {error}
        </p>
      ) : null}
      {copy ? (
        <p
          className={copy === 'copied' ? 'cal-ok' : 'form-error'}
          role="status"
          data-testid="avails-copy-status"
        >
          {ct(copy === 'copied' ? 'avails.copied' : 'avails.copyFailed')}
        </p>
      ) : null}
      {text !== null ? (
        <textarea className="input avails-text" readOnly value={text} rows={10} data-testid="avails-text" />
      ) : null}
      {summary ? (
        <p className="avails-summary" data-testid="avails-summary">
          {ct('avails.summary', {
            open: summary.open,
            held: summary.held,
            booked: summary.booked,
            off: summary.day_off,
            travel: summary.travel,
          })}
        </p>
      ) : null}
      {result ? (
        <div className="avails-body">
          <section className="avails-ranges" aria-label={ct('avails.ranges')} data-testid="avails-ranges">
            <h2>{ct('avails.ranges')}</h2>
            {ranges.length === 0 ? <p className="muted">{ct('avails.none')}</p> : null}
            {ranges.map((g) => (
              <div key={g.key}>
                <h3>{formatMonth(`${g.key}-01`, lang)}</h3>
                <ul>
                  {g.ranges.map((r) => (
                    <li key={r.from} data-testid="avails-range">
                      {formatRange(r, lang)}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <div className="avails-months">
            {months.map((m) => (
              <table key={m} className="avails-month" data-testid="avails-month">
                <caption>{formatMonth(`${m}-01`, lang)}</caption>
                <thead>
                  <tr>
                    {weekdays.map((w, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: fixed seven weekday columns
                      <th key={i} scope="col">
                        {w}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {monthGrid(m)
                    .filter((week) => week.some((d) => d !== null && status.has(d)))
                    .map((week) => (
                      <tr key={week.find(Boolean) ?? m}>
                        {week.map((date, i) => {
                          const d = date ? status.get(date) : undefined;
                          if (!date || !d) {
                            // biome-ignore lint/suspicious/noArrayIndexKey: empty cells have no date
                            return <td key={`x${i}`} className="avails-day avails-day-out" />;
                          }
                          return (
                            <td
                              key={date}
                              className={`avails-day avails-${d.status}`}
                              data-date={date}
                              data-status={d.status}
                              title={`${date} · ${ct(`status.${d.status}`)}${d.holds.length ? ` (${d.holds.join(', ')})` : ''}`}
                            >
                              {Number(date.slice(8))}
                              {d.status === 'held' ? <sup>{d.holds.join('')}</sup> : null}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                </tbody>
              </table>
            ))}
          </div>
        </div>
      ) : null}
      {pdfOpen && artistId ? (
        <ExportDialog
          title={ct('avails.pdfTitle')}
          fileName={`${ct('avails.title')} ${artistName} ${period.from} ${period.to}.pdf`.replace(
            /[/\\:*?"<>|]/g,
            '-',
          )}
          describeCount={(n) => (n === 1 ? ct('avails.page') : ct('avails.pages', { n }))}
          testId="avails-export"
          onExport={(path) => rpc.call('calendar.availsPdf', { artistId, ...period, lang, path })}
          onClose={() => setPdfOpen(false)}
        />
      ) : null}
    </div>
  );
}
