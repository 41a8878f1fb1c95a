import type { AddressInfo } from 'node:net';
import { EMPTY_DIGEST, SYNC_CLOSE } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { ManifestClient, type ManifestHandlers } from './manifest-client';

const D1 = 'a'.repeat(64);

interface Harness {
  server: WebSocketServer;
  url: string;
  sockets: ServerSocket[];
  urls: string[];
}

const servers: WebSocketServer[] = [];
const clients: ManifestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.stop();
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

async function harness(onConnection: (ws: ServerSocket) => void): Promise<Harness> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  const h: Harness = {
    server,
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sockets: [],
    urls: [],
  };
  server.on('connection', (ws, req) => {
    h.sockets.push(ws);
    h.urls.push(req.url ?? '');
    onConnection(ws);
  });
  return h;
}

function recorder() {
  const events: string[] = [];
  let wake: (() => void) | null = null;
  const push = (e: string) => {
    events.push(e);
    wake?.();
  };
  const handlers: ManifestHandlers = {
    onManifest: (docs) => push(`manifest:${[...docs.keys()].join(',')}`),
    onChanged: (docId, digest) => push(`changed:${docId}:${digest.slice(0, 4)}`),
    onConnection: (c) => push(c ? 'up' : 'down'),
    onUnauthorized: () => push('unauthorized'),
    onRefused: (code) => push(`refused:${code}`),
  };
  const until = async (e: string) => {
    const deadline = Date.now() + 5_000;
    while (!events.includes(e)) {
      if (Date.now() > deadline) throw new Error(`no ${e} in ${events.join(' ')}`);
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 50);
      });
    }
  };
  return { events, handlers, until };
}

describe('ManifestClient', () => {
  it('receives the manifest and changes, ignoring malformed frames', async () => {
    const h = await harness((ws) => {
      ws.send('not json');
      ws.send(JSON.stringify({ type: 'manifest', docs: { root: EMPTY_DIGEST, 'venues.00': D1 } }));
      ws.send(JSON.stringify({ type: 'changed', docId: 'root', digest: 'short' }));
      ws.send(JSON.stringify({ type: 'changed', docId: 'root', digest: D1 }));
    });
    const r = recorder();
    const c = new ManifestClient(ManifestClient.urlFor(`${h.url}/`, 'ws1'), () => 'tok en', r.handlers);
    clients.push(c);
    c.connect();
    await r.until('changed:root:aaaa');
    expect(r.events).toEqual(['up', 'manifest:root,venues.00', 'changed:root:aaaa']);
    expect(h.urls[0]).toBe('/ws1/_manifest?token=tok%20en');
  });

  it('reconnects after the server drops it, and reports a refused token', async () => {
    let n = 0;
    const h = await harness((ws) => {
      n++;
      if (n === 1) ws.send(JSON.stringify({ type: 'manifest', docs: {} }));
      if (n === 1) ws.terminate();
      if (n === 2) ws.close(SYNC_CLOSE.unauthorized, 'expired');
    });
    const r = recorder();
    const c = new ManifestClient(ManifestClient.urlFor(h.url, 'ws1'), () => 't', r.handlers);
    clients.push(c);
    c.connect();
    await r.until('unauthorized');
    expect(r.events).toEqual(['up', 'manifest:', 'down', 'unauthorized']);
  });

  it('stops on a forbidden workspace', async () => {
    const h = await harness((ws) => ws.close(SYNC_CLOSE.forbidden, 'not a member'));
    const r = recorder();
    const c = new ManifestClient(ManifestClient.urlFor(h.url, 'ws1'), () => 't', r.handlers);
    clients.push(c);
    c.connect();
    await r.until(`refused:${SYNC_CLOSE.forbidden}`);
  });
});
