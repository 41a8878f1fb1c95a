/**
 * Codecs between records and Y.Maps. A record is one Y.Map, one key per field, so
 * two devices editing different fields of one record merge field by field. Long
 * free-text fields are Y.Text. Keys the running version does not know are left
 * untouched (older and newer app versions can share a workspace).
 */
import * as Y from 'yjs';
import type { Collection } from '../domain/records';

/** Fields stored as Y.Text (character-level merge). */
export const TEXT_FIELDS: Record<Collection, readonly string[]> = {
  artists: ['bio'],
  venues: [],
  contacts: [],
  deals: ['notes', 'production', 'hospitality'],
  events: [],
};

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Replace the text with the smallest single-range edit (common prefix and suffix kept). */
export function setText(ytext: Y.Text, next: string): void {
  const prev = ytext.toString();
  if (prev === next) return;
  let start = 0;
  const minLen = Math.min(prev.length, next.length);
  while (start < minLen && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (
    endPrev > start &&
    endNext > start &&
    prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)
  ) {
    endPrev--;
    endNext--;
  }
  if (endPrev > start) ytext.delete(start, endPrev - start);
  if (endNext > start) ytext.insert(start, next.slice(start, endNext));
}

/** Write the given fields into a record's Y.Map, touching only the ones that changed. */
export function writeFields(
  collection: Collection,
  ymap: Y.Map<unknown>,
  fields: Record<string, unknown>,
): void {
  const textFields = TEXT_FIELDS[collection];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (textFields.includes(key) && typeof value === 'string') {
      let ytext = ymap.get(key);
      if (!(ytext instanceof Y.Text)) {
        ytext = new Y.Text();
        ymap.set(key, ytext);
      }
      setText(ytext as Y.Text, value);
      continue;
    }
    if (!jsonEqual(ymap.get(key), value)) ymap.set(key, value);
  }
}

/** Read a record's Y.Map into a plain object (all keys, including unknown ones). */
export function readFields(ymap: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of ymap.entries()) {
    out[key] =
      value instanceof Y.Text ? value.toString() : value instanceof Y.AbstractType ? value.toJSON() : value;
  }
  return out;
}

/** The Y.Map that holds a collection in a document. */
export function collectionMap(doc: Y.Doc, collection: Collection): Y.Map<Y.Map<unknown>> {
  return doc.getMap(collection) as Y.Map<Y.Map<unknown>>;
}

/** Insert or update a record in its document (the caller wraps this in a transaction). */
export function upsertRecord(
  doc: Y.Doc,
  collection: Collection,
  id: string,
  fields: Record<string, unknown>,
): Y.Map<unknown> {
  const map = collectionMap(doc, collection);
  let ymap = map.get(id);
  if (!(ymap instanceof Y.Map)) {
    ymap = new Y.Map<unknown>();
    map.set(id, ymap);
  }
  writeFields(collection, ymap, { ...fields, id });
  return ymap;
}
