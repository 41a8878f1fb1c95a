/** Messages of the undo toast and the recent-edits list (FR/EN), kept here so the shared dictionaries stay untouched. */
import { useI18n } from '../i18n/I18nProvider';

const en = {
  undone: 'Undone: {label}',
  redone: 'Redone: {label}',
  nothingToUndo: 'Nothing to undo on this device.',
  nothingToRedo: 'Nothing to redo.',
  failed: 'Could not undo: {message}',
  undo: 'Undo',
  redo: 'Redo',
  dismiss: 'Dismiss',
  'recent.button': 'Recent edits',
  'recent.title': 'Recent edits on this device',
  'recent.empty': 'No edit made on this device yet.',
  'recent.undone': 'Undone (can be redone)',
  'recent.note':
    'Ctrl/⌘-Z undoes the most recent edit, Ctrl/⌘-Shift-Z or Ctrl-Y redoes it. Edits made on other devices are never undone here.',
  'recent.open': 'Open',
  close: 'Close',
  created: 'created',
  'collection.artists': 'Artist',
  'collection.venues': 'Venue',
  'collection.contacts': 'Contact',
  'collection.deals': 'Deal',
  'collection.events': 'Event',
  'field.name': 'name',
  'field.stage': 'stage',
  'field.holdLevel': 'hold',
  'field.holdExpiresAt': 'hold expiry',
  'field.date': 'date',
  'field.guarantee': 'guarantee',
  'field.city': 'city',
  'field.capacityStanding': 'standing capacity',
  'field.capacitySeated': 'seated capacity',
  'field.notes': 'notes',
  'field.tags': 'tags',
  'field.deletedAt': 'deleted / restored',
  'field.feeMin': 'minimum fee',
  'field.feeMax': 'maximum fee',
  'field.genres': 'genres',
  'field.email': 'email',
  'field.phone': 'phone',
} as const;

type Key = keyof typeof en;
export type EditsKey = Key;

const fr: Record<Key, string> = {
  undone: 'Annulé : {label}',
  redone: 'Rétabli : {label}',
  nothingToUndo: 'Rien à annuler sur cet appareil.',
  nothingToRedo: 'Rien à rétablir.',
  failed: 'Annulation impossible : {message}',
  undo: 'Annuler',
  redo: 'Rétablir',
  dismiss: 'Fermer',
  'recent.button': 'Modifications récentes',
  'recent.title': 'Modifications récentes sur cet appareil',
  'recent.empty': 'Aucune modification faite sur cet appareil pour l’instant.',
  'recent.undone': 'Annulées (peuvent être rétablies)',
  'recent.note':
    'Ctrl/⌘-Z annule la dernière modification, Ctrl/⌘-Maj-Z ou Ctrl-Y la rétablit. Les modifications faites sur d’autres appareils ne sont jamais annulées ici.',
  'recent.open': 'Ouvrir',
  close: 'Fermer',
  created: 'création',
  'collection.artists': 'Artiste',
  'collection.venues': 'Salle',
  'collection.contacts': 'Contact',
  'collection.deals': 'Affaire',
  'collection.events': 'Événement',
  'field.name': 'nom',
  'field.stage': 'étape',
  'field.holdLevel': 'option',
  'field.holdExpiresAt': 'échéance de l’option',
  'field.date': 'date',
  'field.guarantee': 'garantie',
  'field.city': 'ville',
  'field.capacityStanding': 'jauge debout',
  'field.capacitySeated': 'jauge assise',
  'field.notes': 'notes',
  'field.tags': 'étiquettes',
  'field.deletedAt': 'suppression / restauration',
  'field.feeMin': 'cachet minimum',
  'field.feeMax': 'cachet maximum',
  'field.genres': 'genres',
  'field.email': 'e-mail',
  'field.phone': 'téléphone',
};

export const editsMessages = { en, fr };

export type EditsT = (key: Key, vars?: Record<string, string | number>) => string;

export function editsT(lang: 'fr' | 'en'): EditsT {
  const dict: Record<Key, string> = lang === 'fr' ? fr : en;
  return (key, vars) =>
    (dict[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
}

export function useEditsT(): EditsT {
  const { lang } = useI18n();
  return editsT(lang);
}
