import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { RpcClient } from './client';
import { RpcCallError } from './errors';
import type { ConnectionState } from './transport';
import { backoffDelay, type SocketFactory, WebSocketTransport } from './ws-transport';

/** Adapts the `ws` client to the transport's socket interface (the browser's WebSocket in the app). */
const nodeSocketFactory: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.on('open', () => handlers.onOpen());
  socket.on('message', (data) => handlers.onMessage(String(data)));
  socket.on('close', () => handlers.onClose());
  socket.on('error', () => undefined);
  return { send: (text) => socket.send(text), close: () => socket.close() };
};

interface Server {
  url: string;
  wss: WebSocketServer;
  /** Requests received, in order. */
  requests: Array<{ id: number; method: string; params: unknown }>;
  /** Answer mode: echo results, or hold requests without answering. */
  hold: boolean;
  close(): Promise<void>;
}

async function startServer(): Promise<Server> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const server: Server = {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/rpc?token=t`,
    wss,
    requests: [],
    hold: false,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
  wss.on('connection', (socket) => {
    socket.on('message', (data) => {
      const request = JSON.parse(String(data)) as { id: number; method: string; params: unknown };
      server.requests.push(request);
      if (server.hold) return;
      if (request.method === 'session.signIn') {
        socket.send(
          JSON.stringify({
            id: request.id,
            ok: false,
            error: { code: 'invalid_credentials', message: 'no' },
          }),
        );
        return;
      }
      socket.send(JSON.stringify({ id: request.id, ok: true, result: { version: '1', shell: 'browser' } }));
    });
  });
  return server;
}

function waitForState(client: RpcClient, wanted: ConnectionState): Promise<void> {
  if (client.connection === wanted) return Promise.resolve();
  return new Promise((resolve) => {
    const off = client.onConnection((state) => {
      if (state === wanted) {
        off();
        resolve();
      }
    });
  });
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: { requestTimeoutMs?: number } = {}) {
  const server = await startServer();
  const transport = new WebSocketTransport({
    url: server.url,
    socketFactory: nodeSocketFactory,
    initialBackoffMs: 10,
    maxBackoffMs: 50,
    random: () => 0.5,
    ...options,
  });
  const client = new RpcClient(transport);
  cleanups.push(
    () => server.close(),
    () => client.close(),
  );
  return { server, client };
}

describe('WebSocketTransport', () => {
  it('queues calls until the socket opens, then resolves typed results', async () => {
    const { client } = await setup();
    expect(client.kind).toBe('browser');
    const info = await client.call('app.info', {});
    expect(info).toEqual({ version: '1', shell: 'browser' });
  });

  it('turns error responses into RpcCallError with the core code', async () => {
    const { client } = await setup();
    const failure = client.call('session.signIn', { email: 'a@b.c', password: 'x' });
    await expect(failure).rejects.toBeInstanceOf(RpcCallError);
    await expect(failure).rejects.toMatchObject({ code: 'invalid_credentials' });
  });

  it('delivers pushed events to subscribers', async () => {
    const { server, client } = await setup();
    await client.call('app.info', {});
    const received = new Promise((resolve) => client.on('data.changed', resolve));
    for (const socket of server.wss.clients) {
      socket.send(JSON.stringify({ event: 'data.changed', payload: { collections: ['artists'] } }));
    }
    expect(await received).toEqual({ collections: ['artists'] });
  });

  it('fails in-flight calls with `disconnected`, reconnects, and works again', async () => {
    const { server, client } = await setup();
    await client.call('app.info', {});
    server.hold = true;
    const inFlight = client.call('app.info', {});
    await expect.poll(() => server.requests.length, { timeout: 5000 }).toBe(2);
    const reconnecting = waitForState(client, 'reconnecting');
    for (const socket of server.wss.clients) socket.terminate();
    await expect(inFlight).rejects.toMatchObject({ code: 'disconnected' });
    await reconnecting;
    server.hold = false;
    await waitForState(client, 'open');
    expect(await client.call('app.info', {})).toEqual({ version: '1', shell: 'browser' });
  });

  it('times out calls that get no answer', async () => {
    const { server, client } = await setup({ requestTimeoutMs: 50 });
    server.hold = true;
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'timeout' });
  });

  it('rejects calls after close', async () => {
    const { client } = await setup();
    client.close();
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'closed' });
  });

  it('backs off exponentially up to a ceiling', () => {
    expect(backoffDelay(0, 250, 8000, 1)).toBe(250);
    expect(backoffDelay(3, 250, 8000, 1)).toBe(2000);
    expect(backoffDelay(10, 250, 8000, 1)).toBe(8000);
    expect(backoffDelay(10, 250, 8000, 0)).toBe(4000);
  });
});
