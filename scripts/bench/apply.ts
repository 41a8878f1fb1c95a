/**
 * `npm run bench -- apply [--json]`: the desktop core's share of a first sync, without
 * the network. Every document of the large agency arrives as one remote update, the way a
 * fresh device receives it (documents in the sync engine's order, up to DEFAULT_MAX_OPEN per event-loop
 * turn like the engine's open rooms); the core writes the log, projection and search
 * index, checks the digest and unloads the document.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docDigest, sortDocIds } from '@flowstage/shared';
import { buildWorkspaceUpdates, generateDemoAgency } from '@flowstage/shared/demo/index';
import { Checkpointer } from '../../desktop/src/core/db/checkpointer';
import { openDatabase } from '../../desktop/src/core/db/open';
import { DEFAULT_MAX_OPEN } from '../../desktop/src/core/sync/engine';
import { WorkspaceDocs } from '../../desktop/src/core/docs/workspace-docs';
import { search } from '../../desktop/src/core/queries/search';
import { repoRoot } from '../stack';
import { loadDemoInputs } from '../stack/seed';
import { largeAgency } from './agency';
import { type Figure, report } from './report';

const counts = largeAgency();
const PER_TURN = DEFAULT_MAX_OPEN;
const figures: Figure[] = [];
const figure = (name: string, value: number, unit: string) => figures.push({ name, value, unit });
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

// Only the updates are kept: the generated records would weigh on the garbage collector.
const { updates, probe } = (() => {
  const agency = generateDemoAgency(loadDemoInputs(repoRoot), {
    now: new Date('2026-11-24T08:00:00.000Z'),
    ...counts,
  });
  return { updates: buildWorkspaceUpdates(agency), probe: agency.venues[0]?.name ?? 'a' };
})();
const ids = sortDocIds(updates.keys());
const dir = mkdtempSync(join(tmpdir(), 'flowstage-bench-apply-'));
try {
  const file = join(dir, 'workspace.db');
  const db = openDatabase(file);
  // As the app's Workspace does: WAL checkpoints in a worker thread.
  const checkpointer = Checkpointer.start(db.sqlite, file);
  const docs = new WorkspaceDocs(db.sqlite, () => checkpointer?.written());
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < ids.length; i += PER_TURN) {
    const batch = ids.slice(i, i + PER_TURN);
    for (const docId of batch) docs.applyRemote(docId, updates.get(docId) ?? new Uint8Array());
    await turn();
    for (const docId of batch) {
      docDigest(docs.get(docId));
      docs.unload(docId);
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  figure('apply_all_s', Math.round(ms / 100) / 10, 's');
  figure('apply_cpu_s', Math.round((cpu.user + cpu.system) / 1e5) / 10, 's');
  figure('documents', ids.length, 'docs');
  const records = Object.values(counts).reduce((a, b) => a + b, 0);
  figure('records_per_s', Math.round(records / (ms / 1000)), 'records/s');
  const q0 = performance.now();
  const hits = search(db.sqlite, probe).length;
  figure('search_after_ms', Math.round((performance.now() - q0) * 10) / 10, 'ms');
  // Typing the first letters of a common word: the slowest searches (ranking many hits).
  const p0 = performance.now();
  for (const q of ['ma', 'le', 'sa', 'ro']) search(db.sqlite, q);
  figure('search_two_letters_ms', Math.round((performance.now() - p0) / 4), 'ms');
  if (hits === 0) throw new Error('the search index is empty after the apply');
  docs.close();
  db.close();
  await checkpointer?.stop();
  figure('db_mb', Math.round(statSync(file).size / 1e5) / 10, 'MB');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
report(`Flow Stage core apply (${JSON.stringify(counts)})`, figures);
