/**
 * Which records a Yjs transaction touched: for every changed type, climb to the
 * child of a top-level collection map — its key is the record id.
 */
import { COLLECTIONS, type Collection } from '@flowstage/shared';
import type * as Y from 'yjs';

export type RecordKey = `${Collection}:${string}`;

export function changedRecords(doc: Y.Doc, tr: Y.Transaction): Set<RecordKey> {
  const tops = new Map<Y.AbstractType<unknown>, Collection>();
  for (const c of COLLECTIONS) {
    const t = doc.share.get(c);
    if (t) tops.set(t as Y.AbstractType<unknown>, c);
  }
  const out = new Set<RecordKey>();
  for (const [type, keys] of tr.changed) {
    const top = tops.get(type as Y.AbstractType<unknown>);
    if (top) {
      for (const k of keys) if (k !== null) out.add(`${top}:${k}`);
      continue;
    }
    let cur: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
    while (cur._item) {
      const parent = cur._item.parent as Y.AbstractType<unknown>;
      const collection = tops.get(parent);
      if (collection) {
        const key = cur._item.parentSub;
        if (key !== null) out.add(`${collection}:${key}`);
        break;
      }
      cur = parent;
    }
  }
  return out;
}

export function splitKey(key: RecordKey): { collection: Collection; id: string } {
  const i = key.indexOf(':');
  return { collection: key.slice(0, i) as Collection, id: key.slice(i + 1) };
}
