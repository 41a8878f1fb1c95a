import { usePipeT } from './messages';

/** Sidebar entry for the pipeline. */
export function PipelineNav({ current, onSelect }: { current: string; onSelect(screen: 'pipeline'): void }) {
  const pt = usePipeT();
  return (
    <button
      type="button"
      className={`nav-item${current === 'pipeline' ? ' nav-item-active' : ''}`}
      aria-current={current === 'pipeline' ? 'page' : undefined}
      onClick={() => onSelect('pipeline')}
      data-testid="nav-pipeline"
    >
      <span>{pt('nav.pipeline')}</span>
    </button>
  );
}
