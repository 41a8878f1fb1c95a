/**
 * Electron main process: one hardened window, one RPC IPC channel, the core in a
 * utilityProcess. Everything the app does lives in the core and the renderer; this
 * file only wires Electron to the pure, tested modules next to it:
 * security.ts (webPreferences, navigation, permissions), ipc.ts (payload checks),
 * window-state.ts (bounds kept), menu.ts (native menu), deep-links.ts (flowstage://).
 *
 * Built to CommonJS (dist/main/main.cjs) next to dist/main/core-process.cjs,
 * dist/preload/preload.cjs and dist/renderer/.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEEP_LINK_SCHEME, type MenuCommand, type RpcResponse, ShellEvent } from '@flowstage/shared';
import {
  app,
  BrowserWindow,
  type IpcMainInvokeEvent,
  ipcMain,
  protocol,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import { EVENT_CHANNEL, RPC_CHANNEL, SHELL_CHANNEL, SHELL_EVENT_CHANNEL } from '../preload/api';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../shell/security';
import { contentTypeFor, resolveStaticPath } from '../shell/static-files';
import { type CoreProcess, startCoreProcess } from './core-client';
import { createDeepLinkRouter } from './deep-links';
import { handleRpcInvoke, handleShellMessage } from './ipc';
import { type MenuLang, menuLangFor } from './menu';
import { installMenu } from './menu-electron';
import {
  APP_ORIGIN,
  APP_SCHEME,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  HARDENED_WEB_PREFERENCES,
  isAppUrl,
} from './security';
import {
  MIN_SIZE,
  parseWindowState,
  resolveWindowBounds,
  type StateFile,
  trackWindowState,
  WINDOW_STATE_FILE,
} from './window-state';

/** Cloud endpoints and data folder, as scripts/stack passes them (same names as the browser shell). */
const CLOUD_URL = process.env.CLOUD_API_URL ?? 'http://127.0.0.1:4000';
const SYNC_URL = process.env.SYNC_URL ?? 'ws://127.0.0.1:4100';
const DATA_DIR = process.env.FLOWSTAGE_DESKTOP_DATA_DIR;
const DEV = !app.isPackaged || process.env.FLOWSTAGE_DEV === '1';

const distDir = path.resolve(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(distDir, 'preload', 'preload.cjs');
const coreProcessPath = path.join(distDir, 'main', 'core-process.cjs');

// Must run before `ready`: the renderer is served from app://flowstage, a secure
// standard origin, instead of file:// (which would share an origin with every file).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;

function sendShellEvent(event: ShellEvent): void {
  const checked = ShellEvent.parse(event);
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(SHELL_EVENT_CHANNEL, checked);
}

const deepLinks = createDeepLinkRouter((event) => {
  sendShellEvent(event);
  focusMainWindow();
});

// macOS delivers links through open-url, possibly before `ready`.
app.on('open-url', (event, url) => {
  event.preventDefault();
  deepLinks.receive(url);
});

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function serveRenderer(request: Request): Promise<Response> {
  if (!isAppUrl(request.url)) return new Response('Not Found', { status: 404, headers: SECURITY_HEADERS });
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
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(decidePermission(permission)),
  );
  ses.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
}

/** Every web contents stays on the app origin; http(s) links open in the system browser. */
function restrictNavigation(contents: WebContents): void {
  const guard = (event: { preventDefault(): void }, url: string): void => {
    const decision = decideNavigation(url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'external') void shell.openExternal(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', (event, url) => {
    if (decideNavigation(url) !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'external') void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null &&
    frame.parent === null &&
    isAppUrl(frame.url) &&
    mainWindow !== null &&
    event.sender === mainWindow.webContents
  );
}

function stateFile(): StateFile {
  const dir = app.getPath('userData');
  const file = path.join(dir, WINDOW_STATE_FILE);
  return {
    read: () => readFile(file, 'utf8').catch(() => null),
    async write(text) {
      await mkdir(dir, { recursive: true });
      const tmp = `${file}.tmp`;
      await writeFile(tmp, text, 'utf8');
      await rename(tmp, file);
    },
  };
}

async function createWindow(): Promise<BrowserWindow> {
  const file = stateFile();
  const saved = parseWindowState(await file.read());
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const bounds = resolveWindowBounds(saved, workAreas);
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Flow Stage',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: { ...HARDENED_WEB_PREFERENCES, preload: preloadPath },
  });
  mainWindow = win;
  if (saved.maximized) win.maximize();
  const tracker = trackWindowState(win, file, saved, {
    onError: (err) => process.stderr.write(`window state not saved: ${String(err)}\n`),
  });
  for (const name of ['resize', 'move', 'maximize', 'unmaximize'] as const) {
    win.on(name as 'resize', () => tracker.changed());
  }
  win.on('close', () => void tracker.flush());
  win.on('closed', () => {
    tracker.dispose();
    deepLinks.notReady();
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('did-start-loading', () => deepLinks.notReady());
  win.webContents.on('did-finish-load', () => deepLinks.ready());
  win.once('ready-to-show', () => win.show());

  const url = `${APP_ORIGIN}/index.html`;
  // scripts/stack waits for this line (same format as the browser shell's).
  win.loadURL(url).then(
    () => process.stdout.write(`desktop ${url}\n`),
    (err: unknown) => process.stderr.write(`window failed to load: ${String(err)}\n`),
  );
  return win;
}

function wireCore(core: CoreProcess, setLanguage: (lang: MenuLang) => void): void {
  ipcMain.handle(
    RPC_CHANNEL,
    (event, request: unknown): Promise<RpcResponse> => handleRpcInvoke(isTrustedSender(event), request, core),
  );
  ipcMain.handle(SHELL_CHANNEL, (event, message: unknown) =>
    handleShellMessage(isTrustedSender(event), message, { setLanguage }),
  );
  core.onEvent((message) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, message);
  });
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Register flowstage:// for this executable (packaged builds also get it from electron-builder).
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
  deepLinks.receiveArgv(process.argv);
  app.on('second-instance', (_event, argv) => {
    deepLinks.receiveArgv(argv);
    focusMainWindow();
  });

  app.on('web-contents-created', (_event, contents) => restrictNavigation(contents));
  await app.whenReady();
  hardenSession();
  protocol.handle(APP_SCHEME, serveRenderer);

  let lang: MenuLang = menuLangFor(app.getLocale());
  const onCommand = (command: MenuCommand): void => sendShellEvent({ type: 'menu', command });
  const applyMenu = (): void => installMenu({ platform: process.platform, lang, dev: DEV }, onCommand);
  applyMenu();

  const core = startCoreProcess(coreProcessPath, {
    dataDir: DATA_DIR ?? path.join(app.getPath('userData'), 'data'),
    cloudUrl: CLOUD_URL,
    syncUrl: SYNC_URL,
    version: app.getVersion(),
  });
  wireCore(core, (next) => {
    if (next === lang) return;
    lang = next;
    applyMenu();
  });
  await createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
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
