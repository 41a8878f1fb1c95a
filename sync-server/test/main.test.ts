import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYNC_CLOSE } from '@flowstage/shared';
import { exportSPKI } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { PostgresDocStore } from '../src/store/postgres';
import { SqliteDocStore } from '../src/store/sqlite';
import { TEST_REDIS_URL } from './cluster';
import { eventually, newKeys, ROOT_ROOM, signToken } from './helpers';
import { createTestDatabase, skipReason, withoutPostgres } from './pg';

skipReason('main.test.ts');

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

function start(env: Record<string, string>): {
  child: ChildProcess;
  url: Promise<string>;
  exited: Promise<number | null>;
  stderr: () => string;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^sync-server {2}(http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`exited before listening: ${err}`)));
  });
  url.catch(() => {}); // awaited by the tests that expect it to listen
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited, stderr: () => err };
}

describe('main.ts', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('prints its URL, serves clients, and on SIGTERM closes them with 4503 and keeps their edits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flowstage-main-'));
    dirs.push(dataDir);
    const keys = await newKeys();
    const pem = (await exportSPKI(keys.publicKey)).replace(/\n/g, '\\n');
    const server = start({ SYNC_PORT: '0', FLOWSTAGE_DATA_DIR: dataDir, SYNC_TOKEN_PUBLIC_KEY: pem });
    children.push(server.child);
    const url = await server.url;

    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);

    const doc = new Y.Doc();
    const provider = new WebsocketProvider(url.replace('http', 'ws'), ROOT_ROOM, doc, {
      params: { token: await signToken(keys.privateKey) },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    const closes: number[] = [];
    provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    try {
      await eventually(() => expect(provider.synced).toBe(true));
      doc.getText('t').insert(0, 'kept across shutdown');
      // Wait until the edit is acknowledged the only way a client can tell: a fresh reader sees it.
      const reader = new Y.Doc();
      const readerProvider = new WebsocketProvider(url.replace('http', 'ws'), ROOT_ROOM, reader, {
        params: { token: await signToken(keys.privateKey) },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      await eventually(() => expect(reader.getText('t').toString()).toBe('kept across shutdown'));
      readerProvider.destroy();

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(closes).toContain(SYNC_CLOSE.shuttingDown);
    } finally {
      provider.destroy();
    }
    expect(server.stderr()).toContain('SIGTERM: shutting down');

    const store = new SqliteDocStore(join(dataDir, 'sync', 'sync.db'));
    const copy = new Y.Doc();
    for (const u of await store.load(ROOT_ROOM)) Y.applyUpdate(copy, u);
    await store.close();
    expect(copy.getText('t').toString()).toBe('kept across shutdown');
  });

  it('exits with an error when no token key is configured', async () => {
    const server = start({ SYNC_PORT: '0', FLOWSTAGE_DATA_DIR: join(tmpdir(), 'unused') });
    children.push(server.child);
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('SYNC_TOKEN_PUBLIC_KEY (PEM) or SYNC_JWKS_URL is required');
  });

  describe.skipIf(withoutPostgres)('on PostgreSQL', () => {
    it('uses SYNC_DATABASE_URL (and Redis from REDIS_URL when there is one)', async () => {
      const db = await createTestDatabase('main');
      try {
        const keys = await newKeys();
        const pem = (await exportSPKI(keys.publicKey)).replace(/\n/g, '\\n');
        const env: Record<string, string> = {
          SYNC_PORT: '0',
          FLOWSTAGE_DATA_DIR: join(tmpdir(), 'unused-by-postgres'),
          SYNC_TOKEN_PUBLIC_KEY: pem,
          DATABASE_URL: 'postgres://127.0.0.1:9/not-this-one',
          SYNC_DATABASE_URL: db.url,
          SYNC_INSTANCE_ID: 'main-test',
        };
        if (TEST_REDIS_URL) env.REDIS_URL = TEST_REDIS_URL;
        const server = start(env);
        children.push(server.child);
        const url = await server.url;
        const health = (await (await fetch(`${url}/health`)).json()) as { details: Record<string, unknown> };
        expect(health.details).toMatchObject({
          instanceId: 'main-test',
          redis: TEST_REDIS_URL ? 'connected' : 'off',
        });

        const doc = new Y.Doc();
        const provider = new WebsocketProvider(url.replace('http', 'ws'), ROOT_ROOM, doc, {
          params: { token: await signToken(keys.privateKey) },
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
        });
        try {
          await eventually(() => expect(provider.synced).toBe(true));
          doc.getText('t').insert(0, 'in postgres');
          await eventually(async () => {
            const metrics = await (await fetch(`${url}/metrics`)).text();
            expect(metrics).toContain('flowstage_sync_updates_stored_total 1\n');
          });
          server.child.kill('SIGTERM');
          expect(await server.exited).toBe(0);
        } finally {
          provider.destroy();
        }
        expect(server.stderr()).toContain('store: PostgreSQL');
        if (TEST_REDIS_URL) expect(server.stderr()).toContain('fan-out: Redis, instance main-test');

        const store = await PostgresDocStore.connect(db.url);
        const copy = new Y.Doc();
        for (const u of await store.load(ROOT_ROOM)) Y.applyUpdate(copy, u);
        await store.close();
        expect(copy.getText('t').toString()).toBe('in postgres');
      } finally {
        await db.drop();
      }
    });
  });
});
