/**
 * The browser shell: runs next to the core in Node, serves the built renderer on the
 * loopback interface and carries the typed RPC over a WebSocket at /rpc.
 *
 * The socket is guarded twice: a random per-launch token (in the URL the user opens,
 * compared in constant time) and an Origin check (only pages served by this shell may
 * connect), so neither another local process without the token nor a web page in the
 * same browser can drive the core.
 */
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import type { RpcEventMessage, RpcResponse } from '@flowstage/shared';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { type CoreHost, dispatch } from '../core/rpc/dispatch';
import { LINK_PATH, linkResponse } from './deep-link-page';
import { createLaunchToken, SECURITY_HEADERS, tokensEqual } from './security';
import { serveStatic } from './static-files';

export interface ShellOptions {
  core: CoreHost;
  /** Loopback address to listen on. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Directory of the built renderer (contains index.html). */
  rendererDir: string;
}

export interface Shell {
  /** The address to open in a browser; carries the launch token in its fragment. */
  url: string;
  /** `http://host:port`, the only Origin allowed on the RPC socket. */
  origin: string;
  token: string;
  /** Stops serving and disconnects every socket. Does not close the core. */
  close(): Promise<void>;
}

/** Largest accepted RPC message. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** A client that stops reading is dropped once this much is queued for it. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
export const RPC_PATH = '/rpc';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404, reason: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`,
  );
  socket.destroy();
}

function errorResponse(id: number, code: string, message: string): RpcResponse {
  return { id, ok: false, error: { code, message } };
}

function requestIdOf(value: unknown): number {
  if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number') {
    return value.id;
  }
  return -1;
}

function serialize(response: RpcResponse): string {
  try {
    return JSON.stringify(response);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return JSON.stringify(errorResponse(response.id, 'internal', `unserializable result: ${message}`));
  }
}

function send(socket: WebSocket, text: string): void {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.terminate();
    return;
  }
  socket.send(text);
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

async function handleMessage(
  core: CoreHost,
  socket: WebSocket,
  data: RawData,
  isBinary: boolean,
): Promise<void> {
  if (isBinary) {
    send(socket, serialize(errorResponse(-1, 'bad_request', 'binary messages are not accepted')));
    return;
  }
  const text = rawText(data);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    send(socket, serialize(errorResponse(-1, 'bad_request', 'message is not valid JSON')));
    return;
  }
  let response: RpcResponse;
  try {
    response = await dispatch(core.handlers, parsed);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    response = errorResponse(requestIdOf(parsed), 'internal', message);
  }
  send(socket, serialize(response));
}

export async function startShell(options: ShellOptions): Promise<Shell> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`the shell only listens on loopback, not ${host}`);
  const rendererDir = await realpath(path.resolve(options.rendererDir));
  const token = createLaunchToken();
  const { core } = options;

  // Filled in once listening: the port is only known then.
  let origin = '';
  let expectedHost = '';

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
      void handleMessage(core, socket, data, isBinary);
    });
    socket.on('error', () => socket.terminate());
  });

  const unsubscribe = core.onEvent((message: RpcEventMessage) => {
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch {
      return;
    }
    for (const client of wss.clients) send(client, text);
  });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // DNS-rebinding guard: a page on another name resolving to 127.0.0.1 is refused.
    if (req.headers.host !== expectedHost) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Misdirected Request');
      return;
    }
    const [pathname = '/', search = ''] = (req.url ?? '/').split('?', 2);
    if (pathname === LINK_PATH) {
      // flowstage:// deep links, as Electron's open-url gets them (see deep-link-page.ts).
      const link = linkResponse(search, req.headers['accept-language']);
      res.writeHead(link.status, link.headers);
      res.end(req.method === 'HEAD' ? undefined : link.body);
      return;
    }
    if (pathname === RPC_PATH) {
      res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket' });
      res.end('Upgrade Required');
      return;
    }
    serveStatic(rendererDir, req, res, pathname).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error');
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      refuseUpgrade(socket, 400, 'Bad Request');
      return;
    }
    if (url.pathname !== RPC_PATH) {
      refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    if (req.headers.origin !== origin || req.headers.host !== expectedHost) {
      refuseUpgrade(socket, 403, 'Forbidden');
      return;
    }
    if (!tokensEqual(token, url.searchParams.get('token'))) {
      refuseUpgrade(socket, 401, 'Unauthorized');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  expectedHost = hostPort(host, address.port);
  origin = `http://${expectedHost}`;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      unsubscribe();
      for (const client of wss.clients) client.close(1001, 'shell closing');
      const socketsClosed = new Promise<void>((resolve) => wss.close(() => resolve()));
      // A peer that does not answer the closing handshake is cut off.
      const cutOff = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, 1000);
      await socketsClosed;
      clearTimeout(cutOff);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    })();
    return closing;
  };

  return { url: `${origin}/#token=${token}`, origin, token, close };
}
