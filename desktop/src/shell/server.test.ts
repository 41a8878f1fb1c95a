import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RpcEventMessage, RpcHandlers, RpcResponse, SessionState } from '@flowstage/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type CoreHost, RpcError } from '../core/rpc/dispatch';
import { CONTENT_SECURITY_POLICY } from './security';
import { MAX_MESSAGE_BYTES, type Shell, startShell } from './server';

// ---- test double of the core: fake handlers and a manual event source ----

const signedOut: SessionState = {
  signedIn: false,
  cloudUrl: 'http://cloud.test',
  user: null,
  workspace: null,
  workspaces: [],
};

function fakeCore(): CoreHost & { emit(message: RpcEventMessage): void; listenerCount(): number } {
  const listeners = new Set<(message: RpcEventMessage) => void>();
  const notHere = async (): Promise<never> => {
    throw new RpcError('not_found', 'nothing here');
  };
  const handlers: RpcHandlers = {
    'app.info': async () => ({ version: '0.0.0-test', shell: 'browser' }),
    'session.get': async () => signedOut,
    'session.signIn': async () => {
      throw new RpcError('invalid_credentials', 'wrong e-mail or password');
    },
    'session.signUp': async () => signedOut,
    'session.signOut': async () => signedOut,
    'session.selectWorkspace': notHere,
    'workspace.counts': async () => ({ artists: 0, venues: 0, contacts: 0, deals: 0, events: 0 }),
    'roster.list': async () => [],
    'artist.get': notHere,
    'artist.update': notHere,
    'artist.create': notHere,
    'artist.delete': notHere,
    'artist.restore': notHere,
    'venue.create': notHere,
    'venue.delete': notHere,
    'venue.restore': notHere,
    'contact.create': notHere,
    'contact.delete': notHere,
    'contact.restore': notHere,
    'deal.create': notHere,
    'deal.delete': notHere,
    'deal.restore': notHere,
    'search.global': async () => [],
    'backup.export': notHere,
    'backup.import': notHere,
    'backup.defaultPath': notHere,
    'exports.defaultPath': notHere,
    'venues.list': async () => [],
    'venues.tags': async () => [],
    'venue.get': notHere,
    'venue.update': notHere,
    'venue.addInteraction': notHere,
    'contacts.list': async () => [],
    'contacts.tags': async () => [],
    'contact.get': notHere,
    'contact.update': notHere,
    'contact.addInteraction': notHere,
    'directory.importPreview': notHere,
    'directory.importCommit': notHere,
    'directory.export': notHere,
    'edits.recent': notHere,
    'edits.undo': notHere,
    'edits.redo': notHere,
    'dashboard.get': notHere,
    'deals.list': async () => [],
    'deal.get': notHere,
    'deal.update': notHere,
    'calendar.items': async () => [],
    'calendar.checkMove': notHere,
    'calendar.avails': notHere,
    'calendar.availsText': notHere,
    'calendar.availsPdf': notHere,
    'deal.challenge': notHere,
    'deal.answerChallenge': notHere,
    'advancing.list': async () => [],
    'advancing.get': notHere,
    'advancing.update': notHere,
    'advancing.addGuest': notHere,
    'advancing.removeGuest': notHere,
    'advancing.daySheetPdf': notHere,
    'advancing.tourBookPdf': notHere,
    'tour.problem': notHere,
    'tour.distances': notHere,
    'tour.accept': notHere,
    'tour.pdf': notHere,
    'sync.status': async () => ({
      overall: 'offline',
      docs: 0,
      synced: 0,
      pendingUpdates: 0,
      lastError: null,
      openDocs: 0,
      peakOpenDocs: 0,
    }),
    'sync.documents': async () => [],
  };
  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
    emit(message) {
      for (const listener of listeners) listener(message);
    },
    listenerCount: () => listeners.size,
  };
}

// ---- helpers ----

interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function httpGet(shell: Shell, rawPath: string, headers: Record<string, string> = {}): Promise<HttpResult> {
  const { hostname, port } = new URL(shell.origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

type Incoming = RpcResponse | RpcEventMessage;

interface TestSocket {
  ws: WebSocket;
  next(): Promise<Incoming>;
  send(value: unknown): void;
  closed: Promise<number>;
}

function rpcUrl(shell: Shell, token = shell.token): string {
  return `${shell.origin.replace('http:', 'ws:')}/rpc?token=${encodeURIComponent(token)}`;
}

function connect(shell: Shell, options: { token?: string; origin?: string } = {}): Promise<TestSocket> {
  const ws = new WebSocket(rpcUrl(shell, options.token), { origin: options.origin ?? shell.origin });
  const queue: Incoming[] = [];
  const waiters: Array<(value: Incoming) => void> = [];
  ws.on('message', (data) => {
    const value = JSON.parse(String(data)) as Incoming;
    const waiter = waiters.shift();
    if (waiter) waiter(value);
    else queue.push(value);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve({
        ws,
        closed,
        send: (value) => ws.send(typeof value === 'string' ? value : JSON.stringify(value)),
        next: () => {
          const queued = queue.shift();
          return queued ? Promise.resolve(queued) : new Promise((r) => waiters.push(r));
        },
      }),
    );
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

// ---- fixture: a built renderer in a temporary directory, with a secret next to it ----

let dir: string;
let rendererDir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'flowstage-shell-'));
  rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Flow Stage</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app-abc123.js'), 'console.log(1);');
  await writeFile(path.join(rendererDir, 'assets', 'app-abc123.css'), 'body{}');
  await writeFile(path.join(dir, 'secret.txt'), 'TOP-SECRET');
  await symlink(path.join(dir, 'secret.txt'), path.join(rendererDir, 'leak.txt'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let shell: Shell;
let core: ReturnType<typeof fakeCore>;
const sockets: WebSocket[] = [];

async function start(): Promise<void> {
  core = fakeCore();
  shell = await startShell({ core, rendererDir });
}

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await shell.close();
});

async function open(options: { token?: string; origin?: string } = {}): Promise<TestSocket> {
  const socket = await connect(shell, options);
  sockets.push(socket.ws);
  return socket;
}

describe('startShell: HTTP', () => {
  it('listens on a free loopback port and gives a URL carrying the token in its fragment', async () => {
    await start();
    expect(shell.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(shell.url).toBe(`${shell.origin}/#token=${shell.token}`);
    expect(Buffer.from(shell.token, 'base64url')).toHaveLength(32);
  });

  it('serves index.html with the CSP and hardening headers', async () => {
    await start();
    const res = await httpGet(shell, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<title>Flow Stage</title>');
  });

  it('serves assets with their content types and falls back to index.html for app routes', async () => {
    await start();
    const js = await httpGet(shell, '/assets/app-abc123.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    const css = await httpGet(shell, '/assets/app-abc123.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const route = await httpGet(shell, '/workspace/roster');
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>Flow Stage</title>');
    expect((await httpGet(shell, '/assets/missing.js')).status).toBe(404);
  });

  it('refuses directory traversal and symlinks leading out of the renderer', async () => {
    await start();
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/leak.txt',
    ]) {
      const res = await httpGet(shell, attempt);
      expect(res.status, attempt).toBe(403);
      expect(res.body).not.toContain('TOP-SECRET');
    }
    expect((await httpGet(shell, '/%E0%A4%A')).status).toBe(400);
    expect((await httpGet(shell, '/a%00.js')).status).toBe(400);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    await start();
    const res = await httpGet(shell, '/', { Host: `evil.example:${new URL(shell.origin).port}` });
    expect(res.status).toBe(421);
  });
});

describe('startShell: RPC socket', () => {
  it('refuses a missing or wrong token with 401', async () => {
    await start();
    await expect(connect(shell, { token: 'not-the-token' })).rejects.toThrow('refused with 401');
    await expect(connect(shell, { token: '' })).rejects.toThrow('refused with 401');
  });

  it('refuses a foreign or missing Origin with 403, even with the right token', async () => {
    await start();
    await expect(connect(shell, { origin: 'http://evil.example' })).rejects.toThrow('refused with 403');
    const port = new URL(shell.origin).port;
    await expect(connect(shell, { origin: `http://localhost:${port}` })).rejects.toThrow('refused with 403');
  });

  it('answers calls through dispatch, including invalid params and unknown methods', async () => {
    await start();
    const socket = await open();
    socket.send({ id: 1, method: 'app.info', params: {} });
    expect(await socket.next()).toEqual({
      id: 1,
      ok: true,
      result: { version: '0.0.0-test', shell: 'browser' },
    });

    socket.send({ id: 2, method: 'artist.get', params: { id: 42 } });
    const invalid = await socket.next();
    expect(invalid).toMatchObject({ id: 2, ok: false, error: { code: 'invalid_params' } });

    socket.send({ id: 3, method: 'roster.list', params: { search: 'x', extra: true } });
    expect(await socket.next()).toMatchObject({ id: 3, ok: false, error: { code: 'invalid_params' } });

    socket.send({ id: 4, method: 'fs.readFile', params: {} });
    expect(await socket.next()).toMatchObject({ id: 4, ok: false, error: { code: 'unknown_method' } });

    socket.send({ id: 5, method: 'session.signIn', params: { email: 'a@b.c', password: 'nope' } });
    expect(await socket.next()).toMatchObject({ id: 5, ok: false, error: { code: 'invalid_credentials' } });
  });

  it('answers malformed JSON with an error and keeps the connection', async () => {
    await start();
    const socket = await open();
    socket.send('{not json');
    expect(await socket.next()).toMatchObject({ id: -1, ok: false, error: { code: 'bad_request' } });
    socket.send({ method: 'app.info' });
    expect(await socket.next()).toMatchObject({ id: -1, ok: false, error: { code: 'bad_request' } });
    socket.send({ id: 7, method: 'app.info', params: {} });
    expect(await socket.next()).toMatchObject({ id: 7, ok: true });
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes a socket that sends an oversized message (1009)', async () => {
    await start();
    const socket = await open();
    socket.send({ id: 1, method: 'roster.list', params: { search: 'x'.repeat(MAX_MESSAGE_BYTES) } });
    expect(await socket.closed).toBe(1009);
  });

  it('forwards core events to every connected socket', async () => {
    await start();
    const a = await open();
    const b = await open();
    const message: RpcEventMessage = { event: 'data.changed', payload: { collections: ['artists'] } };
    core.emit(message);
    expect(await a.next()).toEqual(message);
    expect(await b.next()).toEqual(message);
  });

  it('on close: disconnects sockets and stops listening to the core', async () => {
    await start();
    const socket = await open();
    expect(core.listenerCount()).toBe(1);
    await shell.close();
    expect(await socket.closed).toBe(1001);
    expect(core.listenerCount()).toBe(0);
  });
});

describe('startShell: bad payloads keep the shell serving', () => {
  it('rejects binary frames, wrong types, bad envelopes and prototype keys with coded errors on one socket', async () => {
    await start();
    const socket = await open();
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await socket.next()).toMatchObject({ id: -1, ok: false, error: { code: 'bad_request' } });
    for (const bad of [
      'null',
      '42',
      '"text"',
      '[]',
      '{"id":-1,"method":"app.info"}',
      '{"id":1.5,"method":"app.info"}',
    ]) {
      socket.send(bad);
      expect(await socket.next(), bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    socket.send({ id: 10, method: 'x'.repeat(500), params: {} });
    expect(await socket.next()).toMatchObject({ id: 10, ok: false, error: { code: 'bad_request' } });
    socket.send({ id: 11, method: 'constructor', params: {} });
    expect(await socket.next()).toMatchObject({ id: 11, ok: false, error: { code: 'unknown_method' } });
    socket.send({ id: 12, method: 'search.global', params: { query: ['a'] } });
    expect(await socket.next()).toMatchObject({ id: 12, ok: false, error: { code: 'invalid_params' } });
    socket.send({ id: 13, method: 'search.global', params: 'query' });
    expect(await socket.next()).toMatchObject({ id: 13, ok: false, error: { code: 'invalid_params' } });
    socket.send({ id: 14, method: 'app.info', params: {} });
    expect(await socket.next()).toMatchObject({ id: 14, ok: true });
  });

  it('after dropping an oversized sender, still serves other and new sockets', async () => {
    await start();
    const bystander = await open();
    const sender = await open();
    sender.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await sender.closed).toBe(1009);
    bystander.send({ id: 1, method: 'app.info', params: {} });
    expect(await bystander.next()).toMatchObject({ id: 1, ok: true });
    const fresh = await open();
    fresh.send({ id: 2, method: 'app.info', params: {} });
    expect(await fresh.next()).toMatchObject({ id: 2, ok: true });
  });
});

describe('startShell: CSP on every response and deep links', () => {
  it('sends the strict CSP on pages, assets, errors, the RPC path and the link entry point', async () => {
    await start();
    const host = new URL(shell.origin).host;
    const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
    for (const p of [
      '/',
      '/index.html',
      '/missing.js',
      '/rpc',
      `/link?u=flowstage://deal/${ID}`,
      '/link?u=bad',
      '/%2e%2e/etc',
    ]) {
      const r = await httpGet(shell, p, { Host: host });
      expect(r.headers['content-security-policy'], p).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['x-content-type-options'], p).toBe('nosniff');
    }
    const misdirected = await httpGet(shell, '/', { Host: 'evil.test' });
    expect(misdirected.status).toBe(421);
    expect(misdirected.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('routes flowstage:// links from /link?u=', async () => {
    await start();
    const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
    const artist = await httpGet(shell, `/link?u=${encodeURIComponent(`flowstage://artist/${ID}`)}`);
    expect(artist.status).toBe(302);
    expect(artist.headers.location).toBe(`/#/artist/${ID}`);
    const deal = await httpGet(shell, `/link?u=${encodeURIComponent(`flowstage://deal/${ID}`)}`);
    expect(deal.status).toBe(200);
    expect(deal.body).toContain('deeplink-unavailable');
    const bad = await httpGet(shell, `/link?u=${encodeURIComponent('flowstage://deal/nope')}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('bad_id');
  });
});
