/**
 * The system under test of the convergence property (convergence.property.test.ts):
 * the in-process cloud API, the sync server as a child process on a fixed port (so it
 * can be SIGKILLed and restarted), and N desktop cores ("seats"), each on its own data
 * folder. Keeps the ledger of every edit: which core made it, what that core saw in the
 * field just before (its causal predecessor), and whether the core's `pendingUpdates`
 * went back to 0 after it (confirmed by the server's digest).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type ArtistPatch, type ArtistRecord, type ArtistRow, roomName, SyncStatus } from '@flowstage/shared';
import { buildWorkspaceUpdates, generateDemoAgency } from '@flowstage/shared/demo/index';
import { type CloudApi, createCloudApi } from '../../cloud-api/src/index';
import { TEST_SCRYPT } from '../../cloud-api/src/testing/harness';
import { createCore, RpcError } from '../../desktop/src/core/index';
import { SqliteDocStore, seedRoom } from '../../sync-server/src/index';
import { readConfig, type StackConfig } from './config';
import type { Service } from './process';
import { loadDemoInputs } from './seed';
import { canonical, type Edit, type Field, findLost, type Snapshot } from './convergence-ledger';
import { startSync } from './services';

export type Core = Awaited<ReturnType<typeof createCore>>;

export interface Stats {
  runs: number;
  edits: number;
  confirmed: number;
  dropped: number;
  skipped: number;
  serverKills: number;
  serverStops: number;
  coreRestarts: number;
  wipes: number;
  lost: number;
}

const POLL_MS = 25;
export const DEMO_LOGIN = { email: 'demo@flowstage.app', password: 'flowstage-demo' };

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const address = srv.address();
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** The built bundles are what startSync runs: rebuild them when the sources are newer. */
function ensureBuilt(root: string): void {
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "await (await import('./scripts/bootstrap.mjs')).ensureBuilt();"],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('building the sync server bundle failed');
}

class Seat {
  core: Core | null = null;
  generation = 0;
  /** Edits of this data folder not yet confirmed by the server's digest. */
  unconfirmed: Edit[] = [];
  private off: (() => void) | null = null;

  constructor(
    readonly index: number,
    private readonly root: string,
    private readonly note: (line: string) => void,
  ) {}

  get folder(): string {
    return join(this.root, `seat-${this.index}-${this.generation}`);
  }

  async open(urls: { cloudUrl: string; syncUrl: string }, stats: Stats): Promise<Core> {
    const core = await createCore({ dataDir: this.folder, ...urls });
    this.off = core.onEvent((m) => {
      if (m.event !== 'sync.status') return;
      const status = SyncStatus.parse(m.payload);
      this.note(
        `core ${this.index}: ${status.overall} synced=${status.synced}/${status.docs} pending=${status.pendingUpdates} open=${status.openDocs}${status.lastError ? ` error=${status.lastError}` : ''}`,
      );
      if (status.pendingUpdates !== 0) return;
      for (const e of this.unconfirmed) e.state = 'confirmed';
      stats.confirmed += this.unconfirmed.length;
      this.unconfirmed = [];
    });
    this.core = core;
    if (!(await core.handlers['session.get']({})).signedIn) await core.handlers['session.signIn'](DEMO_LOGIN);
    return core;
  }

  async close(): Promise<void> {
    this.off?.();
    this.off = null;
    const core = this.core;
    this.core = null;
    await core?.close();
  }

  /** The device is replaced by a fresh one: whatever it had not sent is gone. */
  async wipe(stats: Stats): Promise<void> {
    await this.close();
    for (const e of this.unconfirmed) e.state = 'dropped';
    stats.dropped += this.unconfirmed.length;
    this.unconfirmed = [];
    this.generation++;
  }
}

export class ConvergenceStack {
  readonly stats: Stats = {
    runs: 0,
    edits: 0,
    confirmed: 0,
    dropped: 0,
    skipped: 0,
    serverKills: 0,
    serverStops: 0,
    coreRestarts: 0,
    wipes: 0,
    lost: 0,
  };
  readonly seats: Seat[];
  private server: Service | null = null;
  private counter = 0;
  edits: Edit[] = [];
  /** What happened lately (commands, each core's status changes), for failure reports. */
  private trace: string[] = [];
  private traceStart = Date.now();
  baseline: Snapshot | null = null;
  artistIds: string[] = [];

  private constructor(
    private readonly cloud: CloudApi,
    private readonly config: StackConfig,
    seats: number,
  ) {
    const note = (line: string) => this.note(line);
    this.seats = Array.from({ length: seats }, (_, i) => new Seat(i, join(config.dataDir, 'devices'), note));
  }

  static async start(o: {
    root: string;
    dir: string;
    seats: number;
    artists: number;
  }): Promise<ConvergenceStack> {
    ensureBuilt(o.root);
    const cloud = await createCloudApi({
      dataDir: ':memory:',
      passwordHashing: TEST_SCRYPT,
      signInRateLimit: { maxAttemptsPerIp: 1_000_000, maxFailuresPerEmail: 1_000_000 },
    });
    const { workspaceId } = await cloud.ensureDemoAgency();
    mkdirSync(join(o.dir, 'sync'), { recursive: true });
    const store = new SqliteDocStore(join(o.dir, 'sync', 'sync.db'));
    const data = generateDemoAgency(loadDemoInputs(o.root), {
      artists: o.artists,
      venues: 6,
      contacts: 6,
      deals: 8,
      events: 12,
    });
    for (const [docId, update] of buildWorkspaceUpdates(data)) {
      await seedRoom(store, roomName(workspaceId, docId), update);
    }
    await store.close();
    const config = {
      ...readConfig(o.root, {}),
      dataDir: o.dir,
      host: '127.0.0.1',
      syncPort: await freePort(),
    };
    const stack = new ConvergenceStack(cloud, config, o.seats);
    await stack.startServer();
    for (const seat of stack.seats) await seat.open(stack.urls, stack.stats);
    return stack;
  }

  note(line: string): void {
    this.trace.push(`${String(Date.now() - this.traceStart).padStart(7)} ms  ${line}`);
    if (this.trace.length > 1_000) this.trace.splice(0, 500);
  }

  /** The latest lines of the trace. */
  traceTail(lines = 150): string {
    return this.trace.slice(-lines).join('\n');
  }

  get urls(): { cloudUrl: string; syncUrl: string } {
    return { cloudUrl: this.cloud.url, syncUrl: `ws://127.0.0.1:${this.config.syncPort}` };
  }

  get serverUp(): boolean {
    return this.server !== null;
  }

  async startServer(): Promise<void> {
    if (this.server) return;
    this.note('start server');
    this.server = await startSync(this.config, this.cloud.url, { quiet: true });
  }

  async stopServer(kill: boolean): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.note(kill ? 'SIGKILL server' : 'stop server (SIGTERM)');
    if (kill) {
      this.stats.serverKills++;
      await server.kill();
    } else {
      this.stats.serverStops++;
      await server.stop();
    }
  }

  async closeSeat(i: number): Promise<void> {
    this.stats.coreRestarts++;
    this.note(`close core ${i}`);
    await this.seats[i]!.close();
  }

  async openSeat(i: number): Promise<void> {
    const seat = this.seats[i]!;
    if (seat.core) return;
    this.note(`open core ${i}`);
    await seat.open(this.urls, this.stats);
  }

  async wipeSeat(i: number): Promise<void> {
    this.stats.wipes++;
    this.note(
      `replace device ${i} (unconfirmed: ${this.seats[i]!.unconfirmed.map((e) => `#${e.n}`).join(' ') || 'none'})`,
    );
    await this.seats[i]!.wipe(this.stats);
    await this.openSeat(i);
  }

  /** An edit with a value never written before; null when the core does not have the artist yet. */
  async edit(i: number, artistIndex: number, field: Field): Promise<Edit | null> {
    const seat = this.seats[i]!;
    const core = seat.core;
    const artistId = this.artistIds[artistIndex % this.artistIds.length]!;
    if (!core) throw new Error(`seat ${i} is closed`);
    const n = ++this.counter;
    let before: ArtistRecord;
    try {
      before = await core.handlers['artist.get']({ id: artistId });
    } catch (err) {
      if (err instanceof RpcError && err.code === 'not_found') {
        this.note(`edit on core ${i} skipped: artist not on this device yet`);
        this.stats.skipped++;
        return null;
      }
      throw err;
    }
    const token = `[${n}]`;
    const [patch, written]: [ArtistPatch, unknown] =
      field === 'name'
        ? [{ name: `Artiste ${n}` }, `Artiste ${n}`]
        : field === 'homeCity'
          ? [{ homeCity: `Ville ${n}` }, `Ville ${n}`]
          : field === 'draw'
            ? [{ draw: 1_000 + n }, 1_000 + n]
            : field === 'genres'
              ? [{ genres: [`genre-${n}`] }, [`genre-${n}`]]
              : [{ bio: `${before.bio}${token}` }, token];
    const value = field === 'bio' ? token : canonical(written);
    const seen = field === 'bio' ? null : canonical(before[field]);
    const edit: Edit = { n, seat: i, artistId, field, value, seen, state: 'pending' };
    seat.unconfirmed.push(edit);
    this.edits.push(edit);
    this.stats.edits++;
    this.note(`edit #${n} core ${i}: ${artistId.slice(-6)}.${field} = ${value} (saw ${seen ?? '-'})`);
    await core.handlers['artist.update']({ id: artistId, patch });
    return edit;
  }

  /** Wait until the core's edits are confirmed (the server is up): a liveness check. */
  async settle(i: number): Promise<void> {
    const core = this.seats[i]!.core!;
    this.note(`settle core ${i}`);
    await until(
      `seat ${i} to confirm its edits`,
      async () => {
        const s = await core.handlers['sync.status']({});
        return s.overall === 'synced' && s.pendingUpdates === 0;
      },
      20_000,
    ).catch((err: unknown) => {
      throw new Error(`${(err as Error).message}\ntrace:\n${this.traceTail()}`);
    });
  }

  /** Everything up, then wait until every core is synced, confirmed, and shows the same artists. */
  async converge(ms = 20_000): Promise<Snapshot> {
    await this.startServer();
    for (const seat of this.seats) await this.openSeat(seat.index);
    let last: Snapshot[] = [];
    try {
      return await until(
        'every core to converge',
        async () => {
          for (const seat of this.seats) {
            const s = await seat.core!.handlers['sync.status']({});
            if (s.overall !== 'synced' || s.pendingUpdates !== 0) return false;
          }
          last = await Promise.all(this.seats.map((seat) => snapshot(seat.core!)));
          const first = last[0]!;
          return first.artists.size > 0 && last.every((s) => s.canonical === first.canonical) && first;
        },
        ms,
      );
    } catch (err) {
      const states = await Promise.all(this.seats.map((s) => s.core!.handlers['sync.status']({})));
      throw new Error(
        `${(err as Error).message}\nstatus: ${JSON.stringify(states)}\n${describeDiff(last)}\ntrace:\n${this.traceTail()}`,
      );
    }
  }

  async beginRun(): Promise<void> {
    this.note(`run ${this.stats.runs + 1}: converge before the commands`);
    this.baseline = await this.converge();
    this.artistIds = [...this.baseline.artists.keys()].sort();
    this.edits = [];
    this.stats.runs++;
  }

  /** Converge, then list every confirmed edit missing from the final state without being superseded. */
  async endRun(): Promise<string[]> {
    this.note('converge after the commands');
    const final = await this.converge();
    const lost = findLost(this.baseline!, final, this.edits);
    this.stats.lost += lost.length;
    return lost;
  }

  async close(): Promise<void> {
    for (const seat of this.seats) await seat.close();
    await this.server?.stop();
    this.server = null;
    await this.cloud.close();
  }
}

async function snapshot(core: Core): Promise<Snapshot> {
  const rows: ArtistRow[] = await core.handlers['roster.list']({});
  const artists = new Map<string, ArtistRecord>();
  for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    artists.set(row.id, await core.handlers['artist.get']({ id: row.id }));
  }
  return { canonical: canonical({ rows, artists: [...artists.values()] }), artists };
}

function describeDiff(snapshots: Snapshot[]): string {
  const [first, ...rest] = snapshots;
  if (!first) return 'no snapshot taken';
  const lines: string[] = [];
  rest.forEach((s, i) => {
    for (const [id, a] of first.artists) {
      const b = s.artists.get(id);
      if (canonical(a) !== canonical(b))
        lines.push(`core 0 vs core ${i + 1}, artist ${id}: ${canonical(a)} ≠ ${canonical(b)}`);
    }
  });
  return lines.join('\n');
}
