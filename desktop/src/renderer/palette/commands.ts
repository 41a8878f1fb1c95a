/** The palette's option list: static commands matching the query, then search hits grouped by type. Pure. */
import type { SearchCollection, SearchHit } from '@flowstage/shared';
import type { PaletteKey } from './messages';

export type CommandId =
  | 'dashboard'
  | 'roster'
  | 'venues'
  | 'contacts'
  | 'undo'
  | 'redo'
  | 'recentEdits'
  | 'newArtist'
  | 'settings'
  | 'lang.fr'
  | 'lang.en'
  | 'backup'
  | 'help';

export const COMMANDS: readonly { id: CommandId; label: PaletteKey }[] = [
  { id: 'dashboard', label: 'cmd.dashboard' },
  { id: 'roster', label: 'cmd.roster' },
  { id: 'venues', label: 'cmd.venues' },
  { id: 'contacts', label: 'cmd.contacts' },
  { id: 'undo', label: 'cmd.undo' },
  { id: 'redo', label: 'cmd.redo' },
  { id: 'recentEdits', label: 'cmd.recentEdits' },
  { id: 'newArtist', label: 'cmd.newArtist' },
  { id: 'settings', label: 'cmd.settings' },
  { id: 'lang.fr', label: 'cmd.lang.fr' },
  { id: 'lang.en', label: 'cmd.lang.en' },
  { id: 'backup', label: 'cmd.backup' },
  { id: 'help', label: 'cmd.help' },
];

export const GROUP_ORDER: readonly SearchCollection[] = ['artists', 'venues', 'contacts', 'deals'];

export type PaletteOption =
  | { type: 'command'; key: string; command: CommandId; title: string }
  | { type: 'hit'; key: string; hit: SearchHit };

export interface PaletteGroup {
  id: 'commands' | SearchCollection;
  options: PaletteOption[];
}

/** Lower-case, accents removed: "Sirene" finds "Sirène". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

export function buildGroups(
  query: string,
  hits: readonly SearchHit[],
  label: (key: PaletteKey) => string,
): PaletteGroup[] {
  const q = fold(query);
  const words = q.split(/\s+/).filter(Boolean);
  const commands: PaletteOption[] = COMMANDS.map((c) => ({ c, title: label(c.label) }))
    .filter(({ c, title }) => {
      const hay = fold(`${title} ${c.id}`);
      return words.every((w) => hay.includes(w));
    })
    .map(({ c, title }) => ({ type: 'command', key: `cmd:${c.id}`, command: c.id, title }));
  const groups: PaletteGroup[] = [];
  for (const id of GROUP_ORDER) {
    const options: PaletteOption[] = hits
      .filter((h) => h.collection === id)
      .map((hit) => ({ type: 'hit', key: `${hit.collection}:${hit.id}`, hit }));
    if (options.length > 0) groups.push({ id, options });
  }
  // With no query the commands lead; while searching, records come first.
  if (commands.length > 0) {
    if (q === '') groups.unshift({ id: 'commands', options: commands });
    else groups.push({ id: 'commands', options: commands });
  }
  return groups;
}

export function flatten(groups: readonly PaletteGroup[]): PaletteOption[] {
  return groups.flatMap((g) => g.options);
}

/** The next active index for an arrow/Home/End key (wraps around); null when the key does not move. */
export function moveActive(key: string, active: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (active + 1) % count;
    case 'ArrowUp':
      return (active - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
