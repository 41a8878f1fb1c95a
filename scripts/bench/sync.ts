import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthResponse, SyncStatus, SyncTokenResponse, WorkspaceDto } from '@flowstage/shared';
import { createCore } from '../../desktop/src/core/index';
import { readConfig, repoRoot, startCloud, startSync } from '../stack';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoAccount } from '../stack/demo';
import { largeAgency } from './agency';
import { type Figure, report } from './report';
import { cpuSeconds, LightClients, percentile, post, rssMb, runChild, until } from './sync/lib';
import { OpenResult, type SeedJob, SeedResult } from './sync/protocol';

type Core = Awaited<ReturnType<typeof createCore>>;

const EDITS = 60;
const LARGE = largeAgency(EDITS);
const SMALL = { artists: 3, venues: 12, contacts: 12, deals: 12, events: 20 };
const WORKSPACES = 100;
const LIGHT_CLIENTS = 98;
const TARGETS: Record<string, [string, (v: number) => boolean]> = {
  cold_open_ms: ['< 1000 ms', (v) => v < 1000],
  core_rss_mb: ['< 300 MB', (v) => v < 300],
  first_sync_s: ['< 15 s', (v) => v < 15],
  propagation_p95_ms: ['< 100 ms', (v) => v < 100],
  lost_updates: ['= 0', (v) => v === 0],
};

const json = process.argv.includes('--json');
const log = (line: string) => {
  if (!json) console.error(`bench  ${line}`);
};
const figures: Figure[] = [];
const figure = (name: string, value: number, unit: string) => figures.push({ name, value, unit });
const dataDir = mkdtempSync(join(tmpdir(), 'flowstage-bench-sync-'));
const config = { ...readConfig(repoRoot, {}), dataDir, cloudPort: 0, syncPort: 0 };
/** Stops what is still running when the benchmark fails half-way. */
const cleanup: (() => Promise<void>)[] = [];

async function signIn(core: Core, workspaceId: string): Promise<void> {
  const state = await core.handlers['session.signIn']({ email: DEMO_EMAIL, password: DEMO_PASSWORD });
  if (state.workspace?.id !== workspaceId) await core.handlers['session.selectWorkspace']({ workspaceId });
}

const status = (core: Core) => core.handlers['sync.status']({});
/**
 * Core A edits an artist's name: the time until core B's roster shows it, and until B
 * heard of it on the manifest (its sync status left "synced").
 */
async function propagation(
  a: Core,
  b: Core,
  id: string,
  name: string,
): Promise<{ total: number; notice: number }> {
  let timer: NodeJS.Timeout | undefined;
  let offs: (() => void)[] = [];
  let noticed = Number.NaN;
  const seen = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`edit ${name} not seen on B within 10 s`)), 10_000);
    offs = [
      b.onEvent((m) => {
        if (m.event !== 'data.changed') return;
        void b.handlers['artist.get']({ id }).then((artist) => artist.name === name && resolve());
      }),
      b.onEvent((m) => {
        if (
          m.event === 'sync.status' &&
          Number.isNaN(noticed) &&
          SyncStatus.parse(m.payload).overall === 'syncing'
        )
          noticed = performance.now();
      }),
    ];
  });
  const t0 = performance.now();
  try {
    await a.handlers['artist.update']({ id, patch: { name } });
    await seen;
    const t1 = performance.now();
    return { total: t1 - t0, notice: (Number.isNaN(noticed) ? t1 : noticed) - t0 };
  } finally {
    clearTimeout(timer);
    for (const off of offs) off();
  }
}

async function main(): Promise<void> {
  log(`data in ${dataDir}`);
  const cloud = await startCloud(config, { quiet: true });
  cleanup.push(() => cloud.kill());
  const demo = await ensureDemoAccount(cloud.url);
  const auth = await post(
    new URL('/v1/auth/signin', cloud.url).href,
    { email: DEMO_EMAIL, password: DEMO_PASSWORD },
    AuthResponse,
  );
  const workspaceIds: string[] = [];
  for (let i = 0; i < WORKSPACES; i++) {
    const ws = await post(
      new URL('/v1/workspaces', cloud.url).href,
      { name: `Bench agency ${i}` },
      WorkspaceDto,
      auth.accessToken,
    );
    workspaceIds.push(ws.id);
  }
  const syncToken = (workspaceId: string) =>
    post(
      new URL(`/v1/workspaces/${workspaceId}/sync-token`, cloud.url).href,
      {},
      SyncTokenResponse,
      auth.accessToken,
    ).then((t) => t.token);

  log('generating and storing the agencies (child process)…');
  const job: SeedJob = {
    root: repoRoot,
    dbPath: join(dataDir, 'sync', 'sync.db'),
    large: { workspaceId: demo.workspaceId, counts: LARGE },
    small: { workspaceIds, counts: SMALL },
  };
  const seeded = await runChild(repoRoot, 'seed', job, SeedResult);
  figure('seed_s', Math.round(seeded.ms / 100) / 10, 's');
  let sync = await startSync(config, cloud.url, { quiet: true });
  cleanup.push(() => sync.kill());
  let syncUrl = sync.url.replace(/^http/, 'ws');
  const urls = { cloudUrl: cloud.url, syncUrl };

  // First sync of a fresh device.
  log(`first sync of ${seeded.largeDocs} documents…`);
  const dirA = join(dataDir, 'device-a');
  const t0 = performance.now();
  const serverCpu0 = cpuSeconds(sync.child.pid!);
  const clientCpu0 = process.cpuUsage();
  const first = await createCore({ dataDir: dirA, ...urls });
  await signIn(first, demo.workspaceId);
  const synced = await until(
    'the first sync',
    async () => {
      const s = await status(first);
      return s.overall === 'synced' && s.docs >= seeded.largeDocs && s.synced === s.docs && s;
    },
    300_000,
  );
  figure('first_sync_s', Math.round((performance.now() - t0) / 100) / 10, 's');
  const clientCpu = process.cpuUsage(clientCpu0);
  figure('first_sync_core_cpu_s', Math.round((clientCpu.user + clientCpu.system) / 1e5) / 10, 's');
  figure('first_sync_server_cpu_s', Math.round((cpuSeconds(sync.child.pid!) - serverCpu0) * 10) / 10, 's');
  figure('peak_sockets', synced.peakOpenDocs + 1, 'sockets');
  const counts = await first.handlers['workspace.counts']({});
  const missing = (Object.keys(LARGE) as (keyof typeof LARGE)[]).reduce(
    (n, k) => n + Math.max(0, seeded.largeRecords[k] - counts[k]),
    0,
  );
  figure('first_sync_missing_records', missing, 'records');
  await until('catch-up sockets closed', async () => (await status(first)).openDocs === 0, 60_000);
  await first.close();

  // Cold open in a fresh process.
  log('cold open (child process)…');
  const opened = await runChild(repoRoot, 'open', { dataDir: dirA, ...urls }, OpenResult);
  figure('cold_open_ms', opened.coldOpenMs, 'ms');
  figure('cold_open_process_ms', opened.processToRosterMs, 'ms');
  figure('core_rss_mb', opened.rssSyncedMb, 'MB');
  figure('cold_open_docs_opened', opened.openedDocs, 'docs');

  // Propagation with 100 clients on the workspace: A, B (a copy of A's device) + 98 light ones.
  log(`propagation: ${EDITS} edits, 2 cores + ${LIGHT_CLIENTS} light clients…`);
  // B is A's device restored from a copy (without A's session: refresh tokens rotate, a
  // copied one is refused) that signs in for itself: a second full download is not needed.
  const dirB = join(dataDir, 'device-b');
  cpSync(dirA, dirB, { recursive: true });
  rmSync(join(dirB, 'session.json'));
  const a = await createCore({ dataDir: dirA, ...urls });
  const b = await createCore({ dataDir: dirB, ...urls });
  await signIn(b, demo.workspaceId);
  for (const core of [a, b]) {
    await until('core synced', async () => (await status(core)).overall === 'synced', 60_000).catch(
      async (err: unknown) => {
        throw new Error(`${(err as Error).message}: ${JSON.stringify(await status(core))}`);
      },
    );
  }
  const light = new LightClients(repoRoot, (kill) => cleanup.push(kill));
  const token = await syncToken(demo.workspaceId);
  const ready = await light.ask({
    type: 'connect',
    syncUrl,
    clients: Array.from({ length: LIGHT_CLIENTS }, () => ({ workspaceId: demo.workspaceId, token })),
  });
  if (ready.type !== 'ready') throw new Error('light clients did not connect');
  figure('light_clients_connect_ms', ready.ms, 'ms');
  figure('server_rss_100_clients_mb', rssMb(sync.child.pid!), 'MB');
  const roster = (await a.handlers['roster.list']({})).sort((x, y) => (x.id < y.id ? -1 : 1));
  const edits = roster.slice(0, EDITS).map((r, i) => ({ artistId: r.id, name: `Bench edit ${i} ${r.name}` }));
  const times: number[] = [];
  const notices: number[] = [];
  for (const e of edits) {
    const t = await propagation(a, b, e.artistId, e.name);
    times.push(t.total);
    notices.push(t.notice);
  }
  times.sort((x, y) => x - y);
  notices.sort((x, y) => x - y);
  figure('propagation_manifest_p50_ms', Math.round(percentile(notices, 50)), 'ms');
  figure('propagation_p50_ms', Math.round(percentile(times, 50)), 'ms');
  figure('propagation_p95_ms', Math.round(percentile(times, 95)), 'ms');
  figure('propagation_max_ms', Math.round(times[times.length - 1] ?? 0), 'ms');

  // Lost updates: every edit must end up on all 100 clients.
  const presentEverywhere = async () => {
    const reply = await light.ask({ type: 'check', edits });
    if (reply.type !== 'present') throw new Error('light clients did not answer');
    let present = 0;
    for (const [i, e] of edits.entries()) {
      const onA = (await a.handlers['artist.get']({ id: e.artistId })).name === e.name;
      const onB = (await b.handlers['artist.get']({ id: e.artistId })).name === e.name;
      if (onA && onB && reply.counts[i] === LIGHT_CLIENTS) present++;
    }
    return present;
  };
  let present = 0;
  await until(
    'every edit on every client',
    async () => {
      present = await presentEverywhere();
      return present === edits.length;
    },
    30_000,
  ).catch((err: unknown) => log(String(err)));
  figure('lost_updates', edits.length - present, 'edits');
  const pending = (await status(a)).pendingUpdates;
  figure('core_a_pending_after_edits', pending, 'updates');
  await light.close();
  await a.close();
  await b.close();

  // Server memory with 100 workspaces open, one client each, on a freshly started server.
  log(`server memory with ${WORKSPACES} workspaces open…`);
  await sync.stop();
  sync = await startSync(config, cloud.url, { quiet: true });
  syncUrl = sync.url.replace(/^http/, 'ws');
  figure('server_rss_idle_mb', rssMb(sync.child.pid!), 'MB');
  const perWorkspace = new LightClients(repoRoot, (kill) => cleanup.push(kill));
  const clients = [];
  for (const workspaceId of workspaceIds) clients.push({ workspaceId, token: await syncToken(workspaceId) });
  const up = await perWorkspace.ask({ type: 'connect', syncUrl, clients });
  if (up.type !== 'ready') throw new Error('workspace clients did not connect');
  figure('server_rss_mb', rssMb(sync.child.pid!), 'MB');
  await perWorkspace.close();

  await sync.stop();
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
  report(
    `Flow Stage sync (large agency: ${Object.entries(LARGE)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')})`,
    figures,
  );
  if (!json) {
    console.log('\ntargets');
    for (const [name, [target, ok]] of Object.entries(TARGETS)) {
      const f = figures.find((x) => x.name === name);
      console.log(
        `  ${name.padEnd(20)} ${target.padEnd(10)} ${f ? (ok(f.value) ? 'met' : 'MISSED') : 'not measured'}`,
      );
    }
  }
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    console.error(err);
    if (figures.length > 0) report('Flow Stage sync — INCOMPLETE (failed, figures so far)', figures);
    for (const stop of cleanup.reverse()) await stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  },
);
