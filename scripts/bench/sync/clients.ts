/**
 * Child process of the sync benchmark: many lightweight y-websocket clients (one Y.Doc
 * each, on a workspace's root document, plus that workspace's manifest channel), as
 * other devices would be. Driven over the IPC channel of `fork`:
 *   → connect {syncUrl, clients: [{workspaceId, token}]}   ← ready {ms}
 *   → check {artistId, name}[]                            ← present {counts} (clients showing each)
 *   → close                                                (exits)
 */
import { collectionMap, MANIFEST_CHANNEL, ROOT_DOC, roomName } from '@flowstage/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type ClientsReply, ClientsRequest } from './protocol';

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  manifest: WebSocket;
}

const clients: Client[] = [];
const reply = (m: ClientsReply) => process.send?.(m);
process.setMaxListeners(0);

function connect(syncUrl: string, workspaceId: string, token: string): Promise<Client> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, roomName(workspaceId, ROOT_DOC), doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  const manifest = new WebSocket(
    `${syncUrl}/${workspaceId}/${MANIFEST_CHANNEL}?token=${encodeURIComponent(token)}`,
  );
  manifest.on('error', () => {});
  const client = { doc, provider, manifest };
  clients.push(client);
  const opened = new Promise<void>((resolve) => manifest.once('message', () => resolve()));
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return Promise.all([opened, synced]).then(() => client);
}

function nameOf(doc: Y.Doc, artistId: string): unknown {
  const artist = collectionMap(doc, 'artists').get(artistId);
  return artist instanceof Y.Map ? artist.get('name') : undefined;
}

async function handle(msg: ClientsRequest): Promise<void> {
  if (msg.type === 'connect') {
    const t0 = performance.now();
    // A few at a time, like devices coming online, without a thundering herd.
    for (let i = 0; i < msg.clients.length; i += 10) {
      await Promise.all(
        msg.clients.slice(i, i + 10).map((c) => connect(msg.syncUrl, c.workspaceId, c.token)),
      );
    }
    reply({ type: 'ready', ms: Math.round(performance.now() - t0), clients: clients.length });
  } else if (msg.type === 'check') {
    reply({
      type: 'present',
      counts: msg.edits.map((e) => clients.filter((c) => nameOf(c.doc, e.artistId) === e.name).length),
    });
  } else {
    // Close handshakes first: the server should see clients leaving, not connections reset.
    const closed = clients.flatMap((c) => [
      new Promise<void>((resolve) => {
        const ws = c.provider.ws;
        if (!ws || ws.readyState === ws.CLOSED) resolve();
        else ws.addEventListener('close', () => resolve());
      }),
      new Promise<void>((resolve) => {
        if (c.manifest.readyState === WebSocket.CLOSED) resolve();
        else c.manifest.once('close', () => resolve());
      }),
    ]);
    for (const c of clients) {
      c.provider.destroy();
      c.manifest.close();
      c.doc.destroy();
    }
    await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, 3_000))]);
    process.exit(0);
  }
}

process.on('message', (raw) => {
  const msg = ClientsRequest.safeParse(raw);
  if (!msg.success) return reply({ type: 'error', message: 'bad request' });
  handle(msg.data).catch((err: unknown) => reply({ type: 'error', message: String(err) }));
});
