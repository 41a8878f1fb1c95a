/**
 * The real process: `node --import tsx src/main.ts` on a free port, driven with fetch,
 * stopped with SIGTERM, started again on the same data to prove that accounts and keys
 * persist (on PGlite this file therefore starts PGlite twice, one process after the other).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuthResponse, HealthResponse, MeResponse } from '@flowstage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DB_TARGETS, TEST_DATABASE_URL, type TestDatabase } from './testing/harness';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const START_DEADLINE_MS = 45_000;

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function start(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, CLOUD_API_PORT: '0', CLOUD_API_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const output = () => out;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`cloud-api did not start within ${START_DEADLINE_MS} ms:\n${out}`));
    }, START_DEADLINE_MS);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^cloud-api {2}(http:\/\/\S+)$/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cloud-api exited early with code ${code}:\n${out}`));
    });
  });
}

function stop(running: Running, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    if (running.child.exitCode !== null) resolve(running.child.exitCode);
    running.child.once('exit', (code) => resolve(code));
    running.child.kill(signal);
  });
}

for (const target of DB_TARGETS) {
  describe.skipIf(!target.enabled)(`main.ts process (${target.name})`, () => {
    let dataRoot: string;
    let database: TestDatabase | null = null;
    let env: Record<string, string>;
    let running: Running | null = null;

    beforeAll(async () => {
      dataRoot = await mkdtemp(join(tmpdir(), 'flowstage-cloud-main-'));
      if (target.name === 'postgres' && TEST_DATABASE_URL)
        database = await createTestDatabase(TEST_DATABASE_URL);
      env = { FLOWSTAGE_DATA_DIR: dataRoot, DATABASE_URL: database?.url ?? '' };
    });
    afterAll(async () => {
      if (running && running.child.exitCode === null) await stop(running, 'SIGKILL');
      await database?.drop();
      await rm(dataRoot, { recursive: true, force: true });
    });

    it('starts, serves, stops on SIGTERM and keeps its data across restarts', async () => {
      running = await start(env);
      expect(running.output()).toMatch(/^cloud-api {2}http:\/\/127\.0\.0\.1:\d+\n$/);
      const health = HealthResponse.parse(await (await fetch(`${running.url}/health`)).json());
      expect(health.details).toEqual({ db: target.name });

      const signup = await fetch(`${running.url}/v1/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'persist@example.test', password: 'persisted password', name: 'Per' }),
      });
      expect(signup.status).toBe(201);
      const account = AuthResponse.parse(await signup.json());
      expect(await stop(running, 'SIGTERM')).toBe(0);

      const keys = join(dataRoot, 'cloud', 'keys');
      expect((await stat(join(keys, 'sync-signing-key.pem'))).mode & 0o777).toBe(0o600);
      if (target.name === 'pglite')
        expect((await stat(join(dataRoot, 'cloud', 'pglite'))).isDirectory()).toBe(true);

      running = await start(env);
      // Same access-token secret: the token from the first run is still accepted.
      const me = await fetch(`${running.url}/v1/me`, {
        headers: { authorization: `Bearer ${account.accessToken}` },
      });
      expect(me.status).toBe(200);
      expect(MeResponse.parse(await me.json()).user).toEqual(account.user);
      const signin = await fetch(`${running.url}/v1/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'persist@example.test', password: 'persisted password' }),
      });
      expect(signin.status).toBe(200);
      expect(await stop(running, 'SIGINT')).toBe(0);
    }, 120_000);

    it('refuses an invalid environment with a clear message', async () => {
      await expect(start({ ...env, CLOUD_API_PORT: 'eighty' })).rejects.toThrow(/CLOUD_API_PORT/);
    }, 60_000);
  });
}
