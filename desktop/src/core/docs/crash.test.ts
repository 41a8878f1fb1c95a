/**
 * Crash safety: a child process edits a workspace database through WorkspaceDocs.mutate
 * and acknowledges every committed edit on stdout; the parent SIGKILLs it at seeded
 * random points (some while it loads and compacts), restarts it on the same file, and
 * checks after every kill that the documents load, every acknowledged edit is there,
 * the projection equals one rebuilt from the documents, and the log has no partial rows.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectionMap, readFields } from '@flowstage/shared';
import { createRng } from '@flowstage/shared/demo/index';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../db/open';
import type { ChildLine, Expectation } from './crash-child';
import { DocStore } from './store';
import { verifyWorkspace } from './verify';

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, 'crash-child.ts');
const DESKTOP = join(here, '../../..');
const SEED = 20_260_115;
const ROUNDS = 8;

interface Round {
  acked: Expectation[][];
  /** The edit that had begun but was not acknowledged when the child died. */
  inFlight: Expectation[] | null;
  edits: number;
}

/** Run the child until `killWhen` says so, then SIGKILL it; resolves when it has exited. */
function runChild(file: string, round: number, killWhen: (line: ChildLine, acks: number) => boolean) {
  return new Promise<Round>((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, file, String(SEED), String(round)],
      {
        cwd: DESKTOP,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const result: Round = { acked: [], inFlight: null, edits: 0 };
    let buffer = '';
    let stderr = '';
    let killed = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = JSON.parse(buffer.slice(0, nl)) as ChildLine;
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf('\n');
        // Lines printed after the kill decision still count: an ack means the edit committed.
        if (line.t === 'begin') result.inFlight = line.expect;
        if (line.t === 'ack') {
          result.acked.push(line.expect);
          result.inFlight = null;
          result.edits++;
        }
        if (!killed && killWhen(line, result.edits)) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && killed) resolve(result);
      else reject(new Error(`child exited by itself (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

function valueIn(docs: Map<string, Y.Doc>, [docId, collection, id, field]: Expectation): unknown {
  const doc = docs.get(docId);
  const ymap = doc ? collectionMap(doc, collection).get(id) : undefined;
  return ymap instanceof Y.Map ? readFields(ymap)[field] : undefined;
}

const keyOf = ([docId, collection, id, field]: Expectation) => `${docId}/${collection}/${id}/${field}`;

describe('crash safety', () => {
  it('keeps every acknowledged edit and a consistent projection across SIGKILLs', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fs-crash-')), 'w.db');
    const rng = createRng(SEED);
    /** The value every acknowledged edit left, latest last (key → expectation). */
    const model = new Map<string, Expectation>();
    let totalEdits = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Some rounds die while loading (compaction and migration at start-up), most mid-edits.
      const atLoad = round > 0 && rng.chance(0.25);
      const after = rng.int(5, 90);
      const r = await runChild(file, round, (line, acks) =>
        atLoad ? line.t === 'loading' || line.t === 'ready' : acks >= after,
      );
      totalEdits += r.edits;
      for (const edit of r.acked) for (const e of edit) model.set(keyOf(e), e);

      const db = openDatabase(file);
      try {
        // The log and snapshots decode, the projection equals a rebuilt one.
        const report = verifyWorkspace(db.sqlite);
        expect(report.problems).toEqual([]);
        expect(report.differences).toEqual([]);
        const partial = db.sqlite
          .prepare(
            `SELECT count(*) AS n FROM ydoc_updates WHERE length("update") < 2 OR origin NOT IN ('local', 'remote')`,
          )
          .get() as { n: number };
        expect(partial.n).toBe(0);

        // Every document loads, and holds every acknowledged edit.
        const store = new DocStore(db.sqlite);
        const docs = new Map(store.docIds().map((id) => [id, store.loadDetached(id)]));
        for (const doc of docs.values()) {
          expect(doc.store.pendingStructs).toBeNull();
          expect(doc.store.pendingDs).toBeNull();
        }
        const inFlight = new Map((r.inFlight ?? []).map((e) => [keyOf(e), e]));
        for (const [key, e] of model) {
          const actual = valueIn(docs, e);
          const pending = inFlight.get(key);
          // The edit in flight when the child died may or may not have committed.
          if (pending && actual === pending[4]) continue;
          expect(actual, key).toEqual(e[4]);
        }
        // What the in-flight edit left is what the next round starts from.
        for (const [key, e] of inFlight) model.set(key, [e[0], e[1], e[2], e[3], valueIn(docs, e)]);
        for (const doc of docs.values()) doc.destroy();
      } finally {
        db.close();
      }
    }
    expect(totalEdits).toBeGreaterThan(ROUNDS * 5);
  }, 120_000);
});
