import { useAdvT } from './messages';

/** Sidebar entry for advancing (day sheets, tour books). */
export function AdvancingNav({
  current,
  onSelect,
}: {
  current: string;
  onSelect(screen: 'advancing'): void;
}) {
  const at = useAdvT();
  return (
    <button
      type="button"
      className={`nav-item${current === 'advancing' ? ' nav-item-active' : ''}`}
      aria-current={current === 'advancing' ? 'page' : undefined}
      onClick={() => onSelect('advancing')}
      data-testid="nav-advancing"
    >
      <span>{at('nav.advancing')}</span>
    </button>
  );
}
