import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  /** Already formatted ("12 venues"); null while loading. */
  count: string | null;
  countTestId: string;
  /** The screen's tools (search, filters, actions), aligned right. */
  children?: ReactNode;
}

/** A list screen's header: title, record count, then its tools. */
export function PageHeader({ title, count, countTestId, children }: PageHeaderProps) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {count !== null ? (
        <span className="page-count" data-testid={countTestId}>
          {count}
        </span>
      ) : null}
      <span className="page-header-spacer" />
      {children}
    </header>
  );
}
