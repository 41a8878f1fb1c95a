/** The command palette's and shortcuts' messages (FR/EN), kept here so the shared dictionaries stay untouched. */
import { useI18n } from '../i18n/I18nProvider';

const en = {
  title: 'Command palette',
  placeholder: 'Search artists, venues, contacts, deals… or type a command',
  results: 'Results',
  empty: 'Nothing matches.',
  searching: 'Searching…',
  error: 'Search failed: {message}',
  hint: '↑↓ to move · Enter to open · Esc to close',
  'group.commands': 'Commands',
  'group.artists': 'Artists',
  'group.venues': 'Venues',
  'group.contacts': 'Contacts',
  'group.deals': 'Deals',
  'cmd.dashboard': 'Go to the dashboard',
  'cmd.undo': 'Undo the last edit',
  'cmd.redo': 'Redo the last undone edit',
  'cmd.recentEdits': 'Recent edits…',
  'cmd.newArtist': 'New artist…',
  'cmd.settings': 'Settings…',
  'cmd.roster': 'Go to the roster',
  'cmd.venues': 'Go to venues',
  'cmd.contacts': 'Go to contacts',
  'cmd.lang.fr': 'Passer en français',
  'cmd.lang.en': 'Switch to English',
  'cmd.backup': 'Back up the workspace…',
  'cmd.help': 'Keyboard shortcuts',
  'deal.unavailable':
    'The deal pipeline screen is not available yet in this version: this deal cannot be opened here.',
  'link.error': 'This Flow Stage link could not be opened: {message}',
  'help.title': 'Keyboard shortcuts',
  'help.close': 'Close',
  'help.note': 'Single-key shortcuts do nothing while you type in a field.',
  'help.then': 'then',
  'sc.palette': 'Open the command palette',
  'sc.help': 'Show this help',
  'sc.focusSearch': 'Search the current screen',
  'sc.goDashboard': 'Go to the dashboard',
  'sc.undo': 'Undo the last edit (outside text fields)',
  'sc.redo': 'Redo',
  'sc.goRoster': 'Go to the roster',
  'sc.goVenues': 'Go to venues',
  'sc.goContacts': 'Go to contacts',
} as const;

type Key = keyof typeof en;

const fr: Record<Key, string> = {
  title: 'Palette de commandes',
  placeholder: 'Chercher artistes, salles, contacts, affaires… ou une commande',
  results: 'Résultats',
  empty: 'Aucun résultat.',
  searching: 'Recherche…',
  error: 'Échec de la recherche : {message}',
  hint: '↑↓ pour choisir · Entrée pour ouvrir · Échap pour fermer',
  'group.commands': 'Commandes',
  'group.artists': 'Artistes',
  'group.venues': 'Salles',
  'group.contacts': 'Contacts',
  'group.deals': 'Affaires',
  'cmd.dashboard': 'Aller au tableau de bord',
  'cmd.undo': 'Annuler la dernière modification',
  'cmd.redo': 'Rétablir la dernière modification annulée',
  'cmd.recentEdits': 'Modifications récentes…',
  'cmd.newArtist': 'Nouvel artiste…',
  'cmd.settings': 'Paramètres…',
  'cmd.roster': 'Aller au roster',
  'cmd.venues': 'Aller aux salles',
  'cmd.contacts': 'Aller aux contacts',
  'cmd.lang.fr': 'Passer en français',
  'cmd.lang.en': 'Switch to English',
  'cmd.backup': 'Sauvegarder l’espace de travail…',
  'cmd.help': 'Raccourcis clavier',
  'deal.unavailable':
    'L’écran du pipeline des affaires n’est pas encore disponible dans cette version : cette affaire ne peut pas être ouverte ici.',
  'link.error': 'Ce lien Flow Stage n’a pas pu être ouvert : {message}',
  'help.title': 'Raccourcis clavier',
  'help.close': 'Fermer',
  'help.note': 'Les raccourcis à une touche sont inactifs pendant la saisie dans un champ.',
  'help.then': 'puis',
  'sc.palette': 'Ouvrir la palette de commandes',
  'sc.help': 'Afficher cette aide',
  'sc.focusSearch': 'Chercher dans l’écran courant',
  'sc.goDashboard': 'Aller au tableau de bord',
  'sc.undo': 'Annuler la dernière modification (hors champs de saisie)',
  'sc.redo': 'Rétablir',
  'sc.goRoster': 'Aller au roster',
  'sc.goVenues': 'Aller aux salles',
  'sc.goContacts': 'Aller aux contacts',
};

export type PaletteKey = Key;
export const paletteMessages = { en, fr };

export function usePaletteT(): (key: Key, vars?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  const dict: Record<Key, string> = lang === 'fr' ? fr : en;
  return (key, vars) => dict[key].replace(/\{(\w+)\}/g, (m, name: string) => String(vars?.[name] ?? m));
}
