/** Table settings (hidden columns, saved views) kept in localStorage per workspace and table. */
import { useCallback, useEffect, useState } from 'react';
import { parseViews, type SavedView } from './state';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: the setting lasts for this session only.
  }
}

export function parseHidden(json: string | null): string[] {
  try {
    const value: unknown = json ? JSON.parse(json) : [];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Hidden columns and saved views for `scope` (e.g. "roster:<workspaceId>"); null scope = not yet known. */
export function useTableSettings(scope: string | null, defaultHidden: readonly string[] = []) {
  const [hidden, setHiddenState] = useState<string[]>([...defaultHidden]);
  const [views, setViewsState] = useState<SavedView[]>([]);

  useEffect(() => {
    if (scope === null) return;
    const storedHidden = read(`flowstage.table.${scope}.hidden`);
    setHiddenState(storedHidden === null ? [...defaultHidden] : parseHidden(storedHidden));
    setViewsState(parseViews(read(`flowstage.table.${scope}.views`)));
  }, [scope, defaultHidden]);

  const setHidden = useCallback(
    (next: string[]) => {
      setHiddenState(next);
      if (scope !== null) write(`flowstage.table.${scope}.hidden`, JSON.stringify(next));
    },
    [scope],
  );
  const setViews = useCallback(
    (next: SavedView[]) => {
      setViewsState(next);
      if (scope !== null) write(`flowstage.table.${scope}.views`, JSON.stringify(next));
    },
    [scope],
  );
  return { hidden, setHidden, views, setViews };
}
