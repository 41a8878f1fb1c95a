/**
 * Child process of the sync benchmark: a cold start of the desktop core on a device
 * that already holds the whole workspace. Reports the time from `createCore` to the
 * first `roster.list` answer, and this process's RSS once the core is open and has
 * checked itself against the server (synced). Input: one JSON argument (OpenJob).
 */
import { OpenJob, type OpenResult } from './protocol';
import { createCore } from '../../../desktop/src/core/index';

const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

async function main(): Promise<void> {
  const job = OpenJob.parse(JSON.parse(process.argv[2] ?? '{}'));
  const t0 = performance.now();
  const core = await createCore(job);
  const roster = await core.handlers['roster.list']({});
  const t1 = performance.now();
  const rssOpenMb = mb();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const s = await core.handlers['sync.status']({});
    if (s.overall === 'synced' && s.openDocs === 0) break;
    if (Date.now() > deadline) throw new Error(`core not synced after 60 s: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const status = await core.handlers['sync.status']({});
  const result: OpenResult = {
    coldOpenMs: Math.round(t1 - t0),
    processToRosterMs: Math.round(t1),
    rosterRows: roster.length,
    rssOpenMb,
    rssSyncedMb: mb(),
    openedDocs: status.peakOpenDocs,
  };
  await core.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

await main();
