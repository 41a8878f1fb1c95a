/**
 * The booking calendar (FullCalendar v7): month, week and list views of one artist or
 * the whole roster. Holds are the only draggable items: a drop asks `calendar.checkMove`
 * first; a refusal snaps the hold back with its reasons, warnings ask for confirmation,
 * then `deal.update` moves it (the core applies the holds rules and writes the history).
 */
import FullCalendar, { type CalendarRef, type EventDropInfo } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import enGbLocale from '@fullcalendar/react/locales/en-gb';
import frLocale from '@fullcalendar/react/locales/fr';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import type { CalendarItem, CalendarItemKind, CheckMoveResult } from '@flowstage/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate } from '../lib/dates';
import { RpcCallError } from '../rpc/errors';
import { useRpc, useRpcEvent } from '../rpc/react';
import { holdErrorKey, issueText, itemLabel, localDate, toEventInput } from './logic';
import { useCalT } from './messages';
import { MoveConfirm } from './MoveConfirm';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';

export type CalendarView = 'dayGridMonth' | 'timeGridWeek' | 'listMonth';

interface Props {
  artistId: string;
  view: CalendarView;
  kinds: ReadonlySet<CalendarItemKind>;
  /** The date shown first (kept by the screen across tab switches). */
  initialDate?: string | undefined;
  onCount(n: number | null): void;
  /** The current date of the view (its first day in the month), on every navigation. */
  onDate?(date: string): void;
}

type Notice =
  | { kind: 'refused'; date: string; lines: string[] }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

interface Pending {
  item: CalendarItem;
  check: CheckMoveResult;
  revert(): void;
}

export function BookingCalendar({ artistId, view, kinds, initialDate, onCount, onDate }: Props) {
  const rpc = useRpc();
  const i18n = useI18n();
  const ct = useCalT();
  const ref = useRef<CalendarRef>(null);
  const requests = useRef(0);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [items, setItems] = useState<CalendarItem[] | null>(null);
  const [loadedKey, setLoadedKey] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const roster = artistId === '';
  // Only the first value counts: later ones are where the view already is.
  const [startDate] = useState(initialDate);
  const day = useCallback((date: string) => formatDate(date, i18n.locale), [i18n.locale]);

  const load = useCallback(() => {
    if (!range) return;
    const key = `${artistId}|${range.from}|${range.to}`;
    const seq = ++requests.current;
    rpc.call('calendar.items', { ...range, ...(artistId ? { artistId } : {}) }).then(
      (r) => {
        // A slower answer for a range or artist left since must not replace a newer one.
        if (seq !== requests.current) return;
        setItems(r);
        setLoadedKey(key);
      },
      (err) => setNotice({ kind: 'error', text: errorMessage(i18n, err) }),
    );
  }, [rpc, range, artistId, i18n]);
  useEffect(load, [load]);
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.length === 0 || collections.includes('deals') || collections.includes('events')) load();
  });

  useEffect(() => {
    ref.current?.getApi().changeView(view);
  }, [view]);

  const shown = useMemo(() => (items ?? []).filter((i) => kinds.has(i.kind)), [items, kinds]);
  useEffect(() => onCount(items ? shown.length : null), [items, shown, onCount]);
  const byId = useMemo(() => new Map(shown.map((i) => [i.id, i])), [shown]);
  const events = useMemo(
    () => shown.map((i) => ({ ...toEventInput(i, roster), title: itemLabel(i, roster, ct) })),
    [shown, roster, ct],
  );

  const commit = async (item: CalendarItem, date: string, revert: () => void) => {
    try {
      const moved = await rpc.call('deal.update', { id: item.id, patch: { date } });
      const level = moved.deal.holdLevel;
      setNotice({
        kind: 'done',
        text: ct('move.done', {
          date: day(date),
          level: level !== null ? ct('hold.badge', { n: level }) : '',
        }),
      });
      load();
    } catch (err) {
      revert();
      const key = err instanceof RpcCallError ? holdErrorKey(err.code) : null;
      setNotice({
        kind: 'error',
        text: ct('move.failed', { message: key ? ct(key) : errorMessage(i18n, err) }),
      });
    }
  };

  const onDrop = async (info: EventDropInfo) => {
    const item = byId.get(info.event.id);
    const date = info.event.startStr.slice(0, 10);
    if (item?.kind !== 'hold' || !item.dealId) {
      info.revert();
      return;
    }
    setNotice(null);
    try {
      const check = await rpc.call('calendar.checkMove', { dealId: item.dealId, date });
      if (!check.allowed) {
        info.revert();
        setNotice({ kind: 'refused', date, lines: check.refusals.map((r) => issueText(r, ct, day)) });
        return;
      }
      if (check.warnings.length > 0) {
        setPending({ item, check, revert: info.revert });
        return;
      }
      await commit(item, date, info.revert);
    } catch (err) {
      info.revert();
      setNotice({ kind: 'error', text: errorMessage(i18n, err) });
    }
  };

  const openDeal = (id: string) => {
    const item = byId.get(id);
    if (item?.dealId && item.dealId === item.id) window.location.hash = `#/deal/${item.dealId}`;
  };

  return (
    <div
      className={`booking-calendar${roster ? ' booking-calendar-roster' : ''}`}
      data-testid="booking-calendar"
      data-loaded={loadedKey}
      data-view={view}
    >
      {notice?.kind === 'refused' ? (
        <div className="banner banner-danger cal-notice" role="alert" data-testid="calendar-move-refused">
          <div>
            <p>{ct('move.refused', { date: day(notice.date) })}</p>
            <ul>
              {notice.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="button button-ghost button-small" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      ) : notice ? (
        <div
          className={`banner ${notice.kind === 'done' ? 'banner-ok' : 'banner-danger'} cal-notice`}
          role={notice.kind === 'done' ? 'status' : 'alert'}
          data-testid={notice.kind === 'done' ? 'calendar-move-done' : 'calendar-error'}
        >
          <span>{notice.text}</span>
          <button type="button" className="button button-ghost button-small" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      ) : null}
      <FullCalendar
        ref={ref}
        plugins={[classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
        initialView={view}
        {...(startDate ? { initialDate: startDate } : {})}
        locale={i18n.lang === 'fr' ? frLocale : enGbLocale}
        firstDay={1}
        height={view === 'timeGridWeek' ? 760 : 'auto'}
        headerToolbar={{ start: 'prev,next today', center: 'title', end: '' }}
        eventDisplay="block"
        dayMaxEvents={roster ? 4 : false}
        editable={false}
        eventDurationEditable={false}
        eventAllow={(span) => span.allDay}
        scrollTime="14:00:00"
        events={events}
        eventClick={(info) => openDeal(info.event.id)}
        eventDrop={(info) => void onDrop(info)}
        eventDidMount={(info) => {
          const item = byId.get(info.event.id);
          if (!item) return;
          info.el.dataset.testid = 'calendar-item';
          info.el.dataset.kind = item.kind;
          info.el.dataset.itemId = item.id;
          info.el.dataset.date = item.date;
          info.el.dataset.artistId = item.artistId;
          if (item.holdLevel !== null) info.el.dataset.level = String(item.holdLevel);
          const expires = item.holdExpiresAt
            ? ` · ${ct('hold.expires', { date: day(item.holdExpiresAt) })}`
            : '';
          info.el.title = `${itemLabel(item, true, ct)}${expires}`;
        }}
        datesSet={(info) => {
          const end = new Date(info.end.getTime());
          end.setDate(end.getDate() - 1);
          const next = { from: localDate(info.start), to: localDate(end) };
          setRange((r) => (r && r.from === next.from && r.to === next.to ? r : next));
          onDate?.(localDate(info.view.currentStart));
        }}
      />
      {pending ? (
        <MoveConfirm
          title={ct('move.confirmTitle', { date: day(pending.check.date) })}
          lines={pending.check.warnings.map((w) => issueText(w, ct, day))}
          confirmLabel={ct('move.confirm')}
          cancelLabel={ct('move.cancel')}
          onCancel={() => {
            pending.revert();
            setPending(null);
          }}
          onConfirm={() => {
            const p = pending;
            setPending(null);
            void commit(p.item, p.check.date, p.revert);
          }}
        />
      ) : null}
    </div>
  );
}
