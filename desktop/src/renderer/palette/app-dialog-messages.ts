/** Messages of the menu's dialogs (Settings, About, New artist), FR/EN. */
import { useI18n } from '../i18n/I18nProvider';

const en = {
  close: 'Close',
  cancel: 'Cancel',
  'about.title': 'About Flow Stage',
  'about.tagline': 'Local-first booking for live-music agencies.',
  'about.version': 'Version {version} · {shell}',
  'about.electron': 'desktop app',
  'about.browser': 'browser shell',
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.shortcuts': 'Keyboard shortcuts',
  'settings.recentEdits': 'Recent edits',
  'settings.backup': 'Back up…',
  'newArtist.title': 'New artist',
  'newArtist.name': 'Name',
  'newArtist.kind': 'Kind',
  'newArtist.create': 'Create',
  'newArtist.nameRequired': 'Enter the artist’s name.',
  'kind.band': 'Band',
  'kind.solo': 'Solo',
  'kind.dj': 'DJ',
  'kind.ensemble': 'Ensemble',
} as const;

type Key = keyof typeof en;

const fr: Record<Key, string> = {
  close: 'Fermer',
  cancel: 'Annuler',
  'about.title': 'À propos de Flow Stage',
  'about.tagline': 'Le booking local-first pour les agences de musique live.',
  'about.version': 'Version {version} · {shell}',
  'about.electron': 'application de bureau',
  'about.browser': 'navigateur',
  'settings.title': 'Paramètres',
  'settings.language': 'Langue',
  'settings.shortcuts': 'Raccourcis clavier',
  'settings.recentEdits': 'Modifications récentes',
  'settings.backup': 'Sauvegarder…',
  'newArtist.title': 'Nouvel artiste',
  'newArtist.name': 'Nom',
  'newArtist.kind': 'Type',
  'newArtist.create': 'Créer',
  'newArtist.nameRequired': 'Indiquez le nom de l’artiste.',
  'kind.band': 'Groupe',
  'kind.solo': 'Solo',
  'kind.dj': 'DJ',
  'kind.ensemble': 'Ensemble',
};

export function useAppDialogT(): (key: Key, vars?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  const dict: Record<Key, string> = lang === 'fr' ? fr : en;
  return (key, vars) =>
    (dict[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
}
