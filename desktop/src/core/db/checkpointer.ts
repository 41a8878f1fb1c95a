/**
 * Checkpoints a workspace database's WAL from a worker thread, with its own connection,
 * so the copy of the log into the database file (and its fsyncs) never blocks the core's
 * thread: a first sync writes hundreds of megabytes, and SQLite's automatic checkpoints
 * would run inside the core's commits. PASSIVE checkpoints never block the writer.
 *
 * The worker is started from source text (`eval`), so it needs no file of its own in the
 * shell's, Electron's and the tests' bundles alike; it loads the same better-sqlite3 module
 * as the core, and opens the database with its first checkpoint. When it cannot start, the
 * database keeps SQLite's automatic checkpoints.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Sqlite } from './open';

/** Checkpoint once this many documents were written since the last checkpoint. */
const WRITES_PER_CHECKPOINT = 4;
/** SQLite's automatic checkpoint threshold (pages) when no worker runs. */
export const FALLBACK_AUTOCHECKPOINT = 8192;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db = null;
parentPort.on('message', (m) => {
  if (m === 'close') { if (db) db.close(); parentPort.close(); return; }
  if (db === null) {
    try {
      const Database = require(workerData.module);
      db = new Database(workerData.file, { fileMustExist: true });
      db.pragma('busy_timeout = 5000');
    } catch (err) {
      parentPort.postMessage({ ok: false, error: String(err && err.message || err) });
      return;
    }
  }
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, log: r.log, checkpointed: r.checkpointed });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String(err && err.message || err) });
  }
});
`;

export interface CheckpointResult {
  ok: boolean;
  /** WAL frames, and how many of them are now in the database file. */
  log?: number;
  checkpointed?: number;
  error?: string;
}

function betterSqlitePath(): string {
  // The ESM sources and the shell's ESM bundle have import.meta.url; Electron's CJS bundle
  // has __filename instead.
  const from = typeof __filename === 'string' ? __filename : import.meta.url;
  return createRequire(from).resolve('better-sqlite3');
}

export class Checkpointer {
  private worker: Worker | null = null;
  private busy = false;
  private again = false;
  private writes = 0;
  private readonly waiting: ((r: CheckpointResult) => void)[] = [];

  private constructor(private readonly sqlite: Sqlite) {}

  /** Starts the worker for `file`; returns null (automatic checkpoints stay on) when it cannot. */
  static start(sqlite: Sqlite, file: string): Checkpointer | null {
    if (file === ':memory:') return null;
    const c = new Checkpointer(sqlite);
    try {
      c.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module: betterSqlitePath() } });
    } catch (err) {
      console.error('flowstage core: WAL checkpoints stay on the main thread:', err);
      return null;
    }
    c.worker.unref();
    c.worker.on('message', (r: CheckpointResult) => {
      if (!r.ok) c.fallBack(r.error ?? 'checkpoint failed');
      c.done(r);
    });
    c.worker.on('error', (err) => {
      c.fallBack(String(err));
      c.done({ ok: false, error: String(err) });
    });
    sqlite.pragma('wal_autocheckpoint = 0');
    return c;
  }

  /** A document's changes were committed: checkpoint every few of them. */
  written(): void {
    this.writes++;
    if (this.writes >= WRITES_PER_CHECKPOINT) void this.request();
  }

  /** Checkpoint soon; resolves with the result of a checkpoint that started after the call. */
  request(): Promise<CheckpointResult> {
    const result = new Promise<CheckpointResult>((resolve) => this.waiting.push(resolve));
    this.writes = 0;
    if (!this.worker) this.done({ ok: false, error: 'no checkpoint worker' });
    else if (this.busy) this.again = true;
    else this.run();
    return result;
  }

  /**
   * Stops the worker; resolves once it exited. Its connection closes after the core's
   * when the core closes first, and the last connection to close checkpoints the WAL.
   */
  stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.done({ ok: false, error: 'stopped' });
    if (!worker) return Promise.resolve();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    // Whoever awaits the exit keeps the process alive until then.
    worker.ref();
    worker.postMessage('close');
    return exited;
  }

  /** The worker failed: SQLite checkpoints automatically again (unless stopping anyway). */
  private fallBack(reason: string): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    console.error(`flowstage core: WAL checkpoints are back on the main thread (${reason})`);
    worker.postMessage('close');
    try {
      if (this.sqlite.open) this.sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT}`);
    } catch {
      // The database is closing: nothing to checkpoint any more.
    }
  }

  private run(): void {
    this.busy = true;
    this.worker?.postMessage('checkpoint');
  }

  private done(r: CheckpointResult): void {
    this.busy = false;
    if (!this.worker) this.again = false;
    if (this.again && this.worker) {
      // Those waiting asked after the checkpoint that just ended had started.
      this.again = false;
      this.run();
      return;
    }
    for (const resolve of this.waiting.splice(0)) resolve(r);
  }
}
