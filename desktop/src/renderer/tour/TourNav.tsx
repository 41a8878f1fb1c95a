import { useTourT } from './messages';

/** Sidebar entry for the tour planner. */
export function TourNav({ current, onSelect }: { current: string; onSelect(screen: 'tour'): void }) {
  const t = useTourT();
  return (
    <button
      type="button"
      className={`nav-item${current === 'tour' ? ' nav-item-active' : ''}`}
      aria-current={current === 'tour' ? 'page' : undefined}
      onClick={() => onSelect('tour')}
      data-testid="nav-tour"
    >
      <span>{t('nav.tour')}</span>
    </button>
  );
}
