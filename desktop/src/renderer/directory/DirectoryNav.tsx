import { useDirT } from './messages';

export type DirectoryScreenName = 'venues' | 'contacts';

/** Sidebar entries for the directory screens. */
export function DirectoryNav({
  current,
  onSelect,
}: {
  current: string;
  onSelect(screen: DirectoryScreenName): void;
}) {
  const dt = useDirT();
  return (
    <>
      {(['venues', 'contacts'] as const).map((s) => (
        <button
          key={s}
          type="button"
          className={`nav-item${current === s ? ' nav-item-active' : ''}`}
          aria-current={current === s ? 'page' : undefined}
          onClick={() => onSelect(s)}
          data-testid={`nav-${s}`}
        >
          <span>{dt(s === 'venues' ? 'nav.venues' : 'nav.contacts')}</span>
        </button>
      ))}
    </>
  );
}
