import { useDashT } from './messages';

/** Sidebar entry for the dashboard (first in the navigation). */
export function DashboardNav({
  current,
  onSelect,
}: {
  current: string;
  onSelect(screen: 'dashboard'): void;
}) {
  const t = useDashT();
  return (
    <button
      type="button"
      className={`nav-item${current === 'dashboard' ? ' nav-item-active' : ''}`}
      aria-current={current === 'dashboard' ? 'page' : undefined}
      onClick={() => onSelect('dashboard')}
      data-testid="nav-dashboard"
    >
      <span>{t('nav.dashboard')}</span>
    </button>
  );
}
