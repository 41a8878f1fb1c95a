/**
 * Electron main process: one hardened window, one IPC channel, the core in a
 * utilityProcess. Everything the app does lives in the core and the renderer; this
 * file only wires them together and enforces the window's security rules.
 *
 * Built to CommonJS (dist/main/main.cjs) next to dist/main/core-process.cjs,
 * dist/preload/preload.cjs and dist/renderer/.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RpcResponse } from '@flowstage/shared';
import {
  app,
  BrowserWindow,
  ipcMain,
  type IpcMainInvokeEvent,
  protocol,
  session,
  shell,
  type WebContents,
} from 'electron';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../preload/api';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../shell/security';
import { contentTypeFor, resolveStaticPath } from '../shell/static-files';
import { type CoreProcess, startCoreProcess } from './core-client';

const APP_SCHEME = 'app';
const APP_HOST = 'flowstage';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Cloud endpoints and data folder, as scripts/stack passes them (same names as the browser shell). */
const CLOUD_URL = process.env.CLOUD_API_URL ?? 'http://127.0.0.1:4000';
const SYNC_URL = process.env.SYNC_URL ?? 'ws://127.0.0.1:4100';
const DATA_DIR = process.env.FLOWSTAGE_DESKTOP_DATA_DIR;

const distDir = path.resolve(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(distDir, 'preload', 'preload.cjs');
const coreProcessPath = path.join(distDir, 'main', 'core-process.cjs');

// Must run before `ready`: the renderer is served from app://flowstage, a secure
// standard origin, instead of file:// (which would share an origin with every file).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

async function serveRenderer(request: Request): Promise<Response> {
  if (!isAppUrl(request.url)) return new Response('Not Found', { status: 404 });
  const found = await resolveStaticPath(rendererDir, new URL(request.url).pathname);
  const status = { bad_request: 400, forbidden: 403, not_found: 404, file: 200 }[found.kind];
  if (found.kind !== 'file') return new Response(null, { status, headers: SECURITY_HEADERS });
  const body = new Uint8Array(await readFile(found.filePath));
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(found.filePath) },
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

/** Every web contents stays on the app origin; https links open in the system browser. */
function restrictNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Flow Stage',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  const url = `${APP_ORIGIN}/index.html`;
  // scripts/stack waits for this line (same format as the browser shell's).
  win.loadURL(url).then(
    () => process.stdout.write(`desktop ${url}\n`),
    (err: unknown) => process.stderr.write(`window failed to load: ${String(err)}\n`),
  );
  return win;
}

function wireCore(core: CoreProcess): void {
  ipcMain.handle(RPC_CHANNEL, (event, request: unknown): Promise<RpcResponse> => {
    if (!isTrustedSender(event)) {
      return Promise.resolve({
        id: -1,
        ok: false,
        error: { code: 'forbidden', message: 'untrusted sender' },
      });
    }
    return core.call(request);
  });
  core.onEvent((message) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, message);
    }
  });
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('web-contents-created', (_event, contents) => restrictNavigation(contents));
  await app.whenReady();
  hardenSession();
  protocol.handle(APP_SCHEME, serveRenderer);

  const core = startCoreProcess(coreProcessPath, {
    dataDir: DATA_DIR ?? path.join(app.getPath('userData'), 'data'),
    cloudUrl: CLOUD_URL,
    syncUrl: SYNC_URL,
    version: app.getVersion(),
  });
  wireCore(core);
  createWindow();

  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    void core.stop().finally(() => app.quit());
  });

  core.ready.catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`Flow Stage core failed to start: ${message}\n`);
  });
}

void main();
