/** Messages (FR/EN) of creating, deleting and restoring venues and contacts. */
import { useI18n } from '../i18n/I18nProvider';

const en = {
  'new.venues': 'New venue',
  'new.contacts': 'New contact',
  create: 'Create',
  createAnyway: 'Create anyway',
  cancel: 'Cancel',
  'error.duplicate_venue': 'A venue with this name is already in this city.',
  'error.duplicate_contact': 'A contact with this e-mail is already in the directory.',
  'error.needs_name': 'A contact needs a name or an e-mail.',
  'error.invalid_email': 'Not an e-mail address.',
  'geo.note': 'The map position comes from the city (French, Belgian and Swiss cities known to the app).',
  delete: 'Delete',
  'delete.confirm': 'Delete “{name}”? It leaves the lists; you can undo.',
  'delete.yes': 'Delete',
  deleted: '“{name}” deleted.',
  restored: '“{name}” restored.',
  undo: 'Undo',
  dismiss: 'Dismiss',
};

type Key = keyof typeof en;

const fr: Record<Key, string> = {
  'new.venues': 'Nouvelle salle',
  'new.contacts': 'Nouveau contact',
  create: 'Créer',
  createAnyway: 'Créer quand même',
  cancel: 'Annuler',
  'error.duplicate_venue': 'Une salle de ce nom existe déjà dans cette ville.',
  'error.duplicate_contact': 'Un contact avec cette adresse e-mail existe déjà.',
  'error.needs_name': 'Un contact a besoin d’un nom ou d’une adresse e-mail.',
  'error.invalid_email': 'Adresse e-mail invalide.',
  'geo.note':
    'La position sur la carte vient de la ville (villes de France, Belgique et Suisse connues de l’application).',
  delete: 'Supprimer',
  'delete.confirm': 'Supprimer « {name} » ? Il quitte les listes ; vous pouvez annuler.',
  'delete.yes': 'Supprimer',
  deleted: '« {name} » supprimé.',
  restored: '« {name} » rétabli.',
  undo: 'Annuler',
  dismiss: 'Fermer',
};

export type RecordKey = Key;

/** The message key of a create refusal the directory explains itself, or null. */
export function recordErrorKey(code: string): Key | null {
  const key = `error.${code}`;
  return key in en ? (key as Key) : null;
}

export function useRecordT(): (key: Key, vars?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  const dict = lang === 'fr' ? fr : en;
  return (key, vars) =>
    dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
}

export const recordMessages = { en, fr };
