/**
 * Test support: the three apps in one process — the cloud API (in-memory PGlite), the
 * sync server on a SQLite store seeded with a small demo agency, and desktop cores with
 * their own data folders. Used by the cross-app integration tests in this folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { roomName } from '@flowstage/shared';
import {
  buildWorkspaceUpdates,
  DEMO_DEFAULT_NOW,
  type DemoOptions,
  generateDemoAgency,
} from '@flowstage/shared/demo/index';
import { type CloudApi, createCloudApi } from '../../cloud-api/src/index';
import { TEST_SCRYPT } from '../../cloud-api/src/testing/harness';
import { createCore } from '../../desktop/src/core/index';
import {
  createPemVerifier,
  createSyncServer,
  SqliteDocStore,
  type SyncServer,
  seedRoom,
} from '../../sync-server/src/index';
import { DEMO_LOGIN, until } from './convergence-harness';
import { loadDemoInputs } from './seed';

export { DEMO_LOGIN, until };
export type Core = Awaited<ReturnType<typeof createCore>>;

export class InProcessStack {
  sync!: SyncServer;
  readonly cores: Core[] = [];

  private constructor(
    readonly dir: string,
    readonly cloud: CloudApi,
    readonly store: SqliteDocStore,
    readonly workspaceId: string,
    /** Number of documents the seeded workspace has. */
    readonly docCount: number,
    /** The demo's "now": the cores' clock, so the hold sweep sees the demo's holds as current. */
    readonly nowMs: number,
  ) {}

  static async start(demo: DemoOptions): Promise<InProcessStack> {
    const dir = mkdtempSync(join(tmpdir(), 'fs-stack-'));
    const cloud = await createCloudApi({ dataDir: ':memory:', passwordHashing: TEST_SCRYPT });
    const { workspaceId } = await cloud.ensureDemoAgency();
    const store = new SqliteDocStore(join(dir, 'sync.db'));
    const updates = buildWorkspaceUpdates(
      generateDemoAgency(loadDemoInputs(join(import.meta.dirname, '../..')), demo),
    );
    for (const [docId, update] of updates) await seedRoom(store, roomName(workspaceId, docId), update);
    const nowMs = new Date(demo.now ?? DEMO_DEFAULT_NOW).getTime();
    const stack = new InProcessStack(dir, cloud, store, workspaceId, updates.size, nowMs);
    await stack.startSync();
    return stack;
  }

  async startSync(port = 0): Promise<void> {
    this.sync = await createSyncServer({
      port,
      store: this.store,
      auth: await createPemVerifier(this.cloud.publicKeyPem),
    });
  }

  /** A desktop core on its own data folder (reopened when the folder exists). */
  async device(name: string): Promise<Core> {
    const core = await createCore({
      dataDir: join(this.dir, name),
      cloudUrl: this.cloud.url,
      syncUrl: this.sync.wsUrl,
      now: () => new Date(this.nowMs),
    });
    this.cores.push(core);
    return core;
  }

  async signedIn(name: string): Promise<Core> {
    const core = await this.device(name);
    await core.handlers['session.signIn'](DEMO_LOGIN);
    return core;
  }

  async stop(): Promise<void> {
    for (const c of this.cores) await c.close();
    await this.sync?.close();
    await this.store.close();
    await this.cloud.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
