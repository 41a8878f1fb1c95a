/**
 * Child process of the sync benchmark: generates the agencies and writes them into the
 * sync server's SQLite store, so the generator's memory never counts in a measurement.
 * Input: one JSON argument (SeedJob). Output: one JSON line (SeedResult) on stdout.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { roomName } from '@flowstage/shared';
import { buildWorkspaceUpdates, generateDemoAgency } from '@flowstage/shared/demo/index';
import { SeedJob, type SeedResult } from './protocol';
import { SqliteDocStore, seedRoom } from '../../../sync-server/src/index';
import { loadDemoInputs } from '../../stack/seed';

async function main(): Promise<void> {
  const job = SeedJob.parse(JSON.parse(process.argv[2] ?? '{}'));
  const t0 = performance.now();
  mkdirSync(dirname(job.dbPath), { recursive: true });
  const store = new SqliteDocStore(job.dbPath);
  const inputs = loadDemoInputs(job.root);
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T08:00:00.000Z`);
  try {
    const large = generateDemoAgency(inputs, { now: today, ...job.large.counts });
    const largeRecords = {
      artists: large.artists.length,
      venues: large.venues.length,
      contacts: large.contacts.length,
      deals: large.deals.length,
      events: large.events.length,
    };
    const largeUpdates = buildWorkspaceUpdates(large);
    // Appends made in one turn of the event loop are committed together (one fsync).
    await Promise.all(
      [...largeUpdates].map(([docId, update]) =>
        seedRoom(store, roomName(job.large.workspaceId, docId), update),
      ),
    );
    const smallUpdates = buildWorkspaceUpdates(
      generateDemoAgency(inputs, { now: today, ...job.small.counts }),
    );
    await Promise.all(
      job.small.workspaceIds.flatMap((workspaceId) =>
        [...smallUpdates].map(([docId, update]) => seedRoom(store, roomName(workspaceId, docId), update)),
      ),
    );
    const result: SeedResult = {
      largeDocs: largeUpdates.size,
      largeRecords,
      smallDocs: smallUpdates.size,
      ms: Math.round(performance.now() - t0),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await store.close();
  }
}

await main();
