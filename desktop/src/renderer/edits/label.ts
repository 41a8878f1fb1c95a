/** How a recent edit reads in the toast and the list: "Deal Zaz — L'Olympia, Paris, 2026-05-01 — stage". Pure. */
import type { EditSummary } from '@flowstage/shared';
import type { EditsKey, EditsT } from './messages';

const KNOWN_FIELDS = new Set<string>([
  'name',
  'stage',
  'holdLevel',
  'holdExpiresAt',
  'date',
  'guarantee',
  'city',
  'capacityStanding',
  'capacitySeated',
  'notes',
  'tags',
  'deletedAt',
  'feeMin',
  'feeMax',
  'genres',
  'email',
  'phone',
]);

export function fieldLabel(field: string, t: EditsT): string {
  return KNOWN_FIELDS.has(field) ? t(`field.${field}` as EditsKey) : field;
}

export function editLabel(edit: EditSummary, t: EditsT): string {
  const what = edit.created ? t('created') : edit.fields.map((f) => fieldLabel(f, t)).join(', ');
  const more = edit.records > 1 ? ` (+${edit.records - 1})` : '';
  return `${t(`collection.${edit.collection}`)} ${edit.title}${what ? ` — ${what}` : ''}${more}`;
}

/** The hash route of the edited record (`#/deal/<id>`…). */
export function editHref(edit: EditSummary): string {
  const kind = { artists: 'artist', venues: 'venue', contacts: 'contact', deals: 'deal', events: null }[
    edit.collection
  ];
  return kind ? `#/${kind}/${edit.recordId}` : '';
}
