/** Messages (FR/EN) of creating and deleting deals. */
import { useI18n } from '../i18n/I18nProvider';

const en = {
  'new.button': 'New deal',
  'new.title': 'New deal',
  'new.artist': 'Artist',
  'new.chooseArtist': '— choose an artist —',
  'new.venue': 'Venue',
  'new.stage': 'Stage',
  'new.create': 'Create',
  'new.cancel': 'Cancel',
  'new.holdNote':
    'A hold takes the next free rank on this date and expires in 14 days (editable on the deal page).',
  'delete.button': 'Delete deal',
  'delete.confirm': 'Delete this deal? A hold is released and the lower holds move up.',
  'delete.yes': 'Delete',
  'delete.cancel': 'Cancel',
  deleted: 'Deal deleted.',
  undo: 'Undo',
  dismiss: 'Dismiss',
};

type Key = keyof typeof en;

const fr: Record<Key, string> = {
  'new.button': 'Nouvelle affaire',
  'new.title': 'Nouvelle affaire',
  'new.artist': 'Artiste',
  'new.chooseArtist': '— choisir un artiste —',
  'new.venue': 'Salle',
  'new.stage': 'Étape',
  'new.create': 'Créer',
  'new.cancel': 'Annuler',
  'new.holdNote':
    'Une option prend le prochain rang libre à cette date et expire dans 14 jours (modifiable sur la page de l’affaire).',
  'delete.button': 'Supprimer l’affaire',
  'delete.confirm': 'Supprimer cette affaire ? Une option est libérée et les options suivantes remontent.',
  'delete.yes': 'Supprimer',
  'delete.cancel': 'Annuler',
  deleted: 'Affaire supprimée.',
  undo: 'Annuler',
  dismiss: 'Fermer',
};

export type CreateKey = Key;

export function useCreateT(): (key: Key) => string {
  const { lang } = useI18n();
  return (key) => (lang === 'fr' ? fr : en)[key];
}

export const createMessages = { en, fr };
