import { useCalT } from './messages';

/** Sidebar entry for the calendars. */
export function CalendarNav({ current, onSelect }: { current: string; onSelect(screen: 'calendar'): void }) {
  const ct = useCalT();
  return (
    <button
      type="button"
      className={`nav-item${current === 'calendar' ? ' nav-item-active' : ''}`}
      aria-current={current === 'calendar' ? 'page' : undefined}
      onClick={() => onSelect('calendar')}
      data-testid="nav-calendar"
    >
      <span>{ct('nav.calendar')}</span>
    </button>
  );
}
