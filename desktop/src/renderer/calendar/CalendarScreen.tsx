/**
 * The calendars screen: the booking calendar (month, week, list; one artist or the whole
 * roster; kinds filter and legend) and the avails view for pitching.
 */
import type { ArtistRow, CalendarItemKind } from '@flowstage/shared';
import { useCallback, useEffect, useState } from 'react';
import { useRpc } from '../rpc/react';
import { PageHeader } from '../ui/PageHeader';
import { AvailsPanel } from './AvailsPanel';
import { BookingCalendar, type CalendarView } from './BookingCalendar';
import { ITEM_KINDS, KIND_COLOURS } from './logic';
import { useCalT } from './messages';
import './calendar.css';

const VIEWS: { id: CalendarView; key: 'view.month' | 'view.week' | 'view.list'; test: string }[] = [
  { id: 'dayGridMonth', key: 'view.month', test: 'month' },
  { id: 'timeGridWeek', key: 'view.week', test: 'week' },
  { id: 'listMonth', key: 'view.list', test: 'list' },
];

/** Where the calendar was left (artist and date), so it reopens there during the session. */
const last: { artistId: string; date: string | undefined } = { artistId: '', date: undefined };

export function CalendarScreen() {
  const rpc = useRpc();
  const ct = useCalT();
  const [tab, setTab] = useState<'calendar' | 'avails'>('calendar');
  const [view, setView] = useState<CalendarView>('dayGridMonth');
  const [artists, setArtists] = useState<ArtistRow[]>([]);
  const [artistId, setArtistId] = useState(last.artistId);
  const [kinds, setKinds] = useState<ReadonlySet<CalendarItemKind>>(() => new Set(ITEM_KINDS));
  const [count, setCount] = useState<number | null>(null);
  const [date, setDate] = useState<string | undefined>(last.date);
  useEffect(() => {
    last.artistId = artistId;
    last.date = date;
  }, [artistId, date]);
  const onCount = useCallback((n: number | null) => setCount(n), []);

  useEffect(() => {
    rpc.call('roster.list', {}).then(
      (rows) => setArtists([...rows].sort((a, b) => a.name.localeCompare(b.name, 'fr'))),
      () => undefined,
    );
  }, [rpc]);

  const toggle = (kind: CalendarItemKind) =>
    setKinds((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <section className="calendar-screen" data-testid="calendar-screen" data-tab={tab}>
      <PageHeader
        title={ct('title')}
        count={tab === 'calendar' && count !== null ? ct('count', { n: count }) : null}
        countTestId="calendar-count"
      >
        <div className="segmented" role="tablist">
          {(['calendar', 'avails'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              className={`button button-small${tab === t ? ' button-primary' : ''}`}
              onClick={() => setTab(t)}
              data-testid={`calendar-tab-${t}`}
            >
              {ct(`tab.${t}`)}
            </button>
          ))}
        </div>
      </PageHeader>
      {tab === 'calendar' ? (
        <>
          <div className="calendar-tools">
            <label className="calendar-artist">
              <span>{ct('artist')}</span>
              <select
                className="input"
                value={artistId}
                onChange={(e) => setArtistId(e.target.value)}
                data-testid="calendar-artist"
              >
                <option value="">{ct('roster')}</option>
                {artists.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <div className="segmented">
              {VIEWS.map((v) => (
                <button
                  key={v.id}
                  type="button"
                  aria-pressed={view === v.id}
                  className={`button button-small${view === v.id ? ' button-primary' : ''}`}
                  onClick={() => setView(v.id)}
                  data-testid={`calendar-view-${v.test}`}
                >
                  {ct(v.key)}
                </button>
              ))}
            </div>
            <fieldset className="calendar-legend" data-testid="calendar-legend">
              <legend>{ct('filter.label')}</legend>
              {ITEM_KINDS.map((k) => (
                <label key={k} className={`legend-item legend-${k}`} data-testid={`calendar-kind-${k}`}>
                  <input type="checkbox" checked={kinds.has(k)} onChange={() => toggle(k)} />
                  <span
                    className={`legend-swatch cal-ev-${k}`}
                    style={{ ['--ev' as string]: KIND_COLOURS[k] }}
                  >
                    {k === 'hold' ? ct('hold.badge', { n: 1 }) : ''}
                  </span>
                  {ct(`kind.${k}`)}
                </label>
              ))}
            </fieldset>
          </div>
          <p className="calendar-hint muted">{ct('drag.hint')}</p>
          <div className="calendar-frame">
            <BookingCalendar
              artistId={artistId}
              view={view}
              kinds={kinds}
              initialDate={date}
              onCount={onCount}
              onDate={setDate}
            />
          </div>
        </>
      ) : (
        <AvailsPanel artists={artists} artistId={artistId} onArtist={setArtistId} />
      )}
    </section>
  );
}
