/**
 * Test harness: a real sync server on a free port, a SQLite store in a temporary folder,
 * Ed25519 keys generated per harness, and real y-websocket clients.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DocDigest,
  MANIFEST_CHANNEL,
  type MemberRole,
  ManifestMessage,
  SYNC_TOKEN_ALG,
  SYNC_TOKEN_AUDIENCE,
  SYNC_TOKEN_ISSUER,
} from '@flowstage/shared';
import Database from 'better-sqlite3';
import { type CryptoKey, generateKeyPair, SignJWT } from 'jose';
import { vi } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createKeyVerifier } from '../src/auth';
import { encodeSyncStep1 } from '../src/protocol';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../src/server';
import { SqliteDocStore } from '../src/store/sqlite';

export const WS = 'ws-test';
export const ROOT_ROOM = `${WS}/root`;

export interface TokenInput {
  sub?: string;
  ws?: string;
  role?: MemberRole;
  artists?: string[];
  /** jose time span ('15m') or absolute epoch seconds */
  expiresAt?: string | number;
}

export async function newKeys(): Promise<{ publicKey: CryptoKey; privateKey: CryptoKey }> {
  return generateKeyPair(SYNC_TOKEN_ALG, { crv: 'Ed25519', extractable: true });
}

export async function signToken(privateKey: CryptoKey, input: TokenInput = {}): Promise<string> {
  const claims: Record<string, unknown> = { ws: input.ws ?? WS, role: input.role ?? 'owner' };
  if (input.artists) claims.artists = input.artists;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SYNC_TOKEN_ALG })
    .setIssuer(SYNC_TOKEN_ISSUER)
    .setAudience(SYNC_TOKEN_AUDIENCE)
    .setSubject(input.sub ?? 'user-1')
    .setIssuedAt()
    .setExpirationTime(input.expiresAt ?? '15m')
    .sign(privateKey);
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text(): string;
  synced(): Promise<void>;
}

export class Harness {
  readonly dir = mkdtempSync(join(tmpdir(), 'flowstage-sync-'));
  readonly dbPath = join(this.dir, 'sync', 'sync.db');
  store!: SqliteDocStore;
  server!: SyncServer;
  keys!: { publicKey: CryptoKey; privateKey: CryptoKey };
  readonly logs: string[] = [];
  private readonly clients: Client[] = [];

  static async start(options: Partial<SyncServerOptions> = {}): Promise<Harness> {
    const h = new Harness();
    h.keys = await newKeys();
    h.store = new SqliteDocStore(h.dbPath);
    await h.listen(options);
    return h;
  }

  /** Starts the server (again) on the same store; `port` keeps a restarted server's address. */
  async listen(options: Partial<SyncServerOptions> = {}): Promise<void> {
    this.server = await createSyncServer({
      store: this.store,
      auth: createKeyVerifier(this.keys.publicKey),
      logger: (line) => this.logs.push(line),
      ...options,
    });
  }

  /** Stops the server and closes the store; `reopen` brings both back on the same file and port. */
  async stop(): Promise<void> {
    await this.server.close();
    await this.store.close();
  }

  async reopen(options: Partial<SyncServerOptions> = {}): Promise<void> {
    this.store = new SqliteDocStore(this.dbPath);
    await this.listen({ port: this.server.port, ...options });
  }

  token(input: TokenInput = {}): Promise<string> {
    return signToken(this.keys.privateKey, input);
  }

  async client(room: string, token?: string, doc = new Y.Doc()): Promise<Client> {
    const provider = new WebsocketProvider(this.server.wsUrl, room, doc, {
      params: { token: token ?? (await this.token()) },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 100,
    });
    const client: Client = {
      doc,
      provider,
      text: () => doc.getText('t').toString(),
      synced: () => vi.waitFor(() => expectTrue(provider.synced), { timeout: 10_000, interval: 5 }),
    };
    this.clients.push(client);
    return client;
  }

  /** Every stored update of a room, read with a separate SQLite connection, merged in a fresh doc. */
  storedDoc(room: string): Y.Doc {
    const db = new Database(this.dbPath, { readonly: true, fileMustExist: true });
    try {
      const snapshot = db
        .prepare<[string], { bytes: Buffer }>('SELECT bytes FROM snapshots WHERE room = ?')
        .get(room);
      const rows = db
        .prepare<[string], { bytes: Buffer }>('SELECT bytes FROM updates WHERE room = ? ORDER BY seq')
        .all(room);
      const doc = new Y.Doc();
      if (snapshot) Y.applyUpdate(doc, snapshot.bytes);
      for (const row of rows) Y.applyUpdate(doc, row.bytes);
      return doc;
    } finally {
      db.close();
    }
  }

  storedText(room: string): string {
    const doc = this.storedDoc(room);
    const text = doc.getText('t').toString();
    doc.destroy();
    return text;
  }

  async dispose(): Promise<void> {
    for (const c of this.clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
    await this.server.close();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function expectTrue(value: boolean): void {
  if (!value) throw new Error('not yet');
}

/** Waits until `check` stops throwing (polls with a deadline). */
export function eventually(check: () => void, timeout = 10_000): Promise<void> {
  return vi.waitFor(check, { timeout, interval: 5 });
}

export interface RawSocket {
  ws: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  messages: Uint8Array[];
}

/** A bare `ws` client, for what y-websocket would never send. */
export function rawSocket(url: string, headers: Record<string, string> = {}): RawSocket {
  const ws = new WebSocket(url, { headers });
  const messages: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  opened.catch(() => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  return { ws, opened, closed, messages };
}

/**
 * A round trip on a client's own socket: sends a sync step 1 and resolves on the server's
 * step 2 answer. Everything the server sent this client before handling the step 1 — and
 * so everything caused by the client's earlier messages — has arrived by then.
 */
export function roundTrip(client: Client): Promise<void> {
  const socket = client.provider.ws as unknown as WebSocket | null;
  if (!socket) return Promise.reject(new Error('client is not connected'));
  return new Promise<void>((resolve, reject) => {
    const onMessage = (data: ArrayBuffer): void => {
      const bytes = new Uint8Array(data);
      if (bytes[0] === 0 && bytes[1] === 1) {
        socket.off('message', onMessage);
        resolve();
      }
    };
    socket.on('message', onMessage);
    socket.once('close', () => reject(new Error('closed before the answer')));
    socket.send(encodeSyncStep1(Y.encodeStateVector(client.doc)));
  });
}

export interface ManifestSocket extends RawSocket {
  /** Every message received, parsed (the test fails on one that does not parse). */
  received: ManifestMessage[];
  /** Each document's digest as last told: the latest manifest, then the changes after it. */
  digests: Map<string, DocDigest>;
  /** Resolves with the next full manifest (one already received and not yet taken counts). */
  manifest(): Promise<Record<string, DocDigest>>;
}

/** A client of the workspace manifest channel. */
export function manifestSocket(wsUrl: string, workspaceId: string, token: string): ManifestSocket {
  const raw = rawSocket(`${wsUrl}/${workspaceId}/${MANIFEST_CHANNEL}?token=${encodeURIComponent(token)}`);
  const received: ManifestMessage[] = [];
  const digests = new Map<string, DocDigest>();
  let taken = 0;
  raw.ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) throw new Error('the manifest channel sent a binary frame');
    const message = ManifestMessage.parse(JSON.parse(data.toString()));
    received.push(message);
    if (message.type === 'manifest') {
      digests.clear();
      for (const [docId, digest] of Object.entries(message.docs)) digests.set(docId, digest);
    } else {
      digests.set(message.docId, message.digest);
    }
  });
  const manifest = async (): Promise<Record<string, DocDigest>> => {
    let found: Record<string, DocDigest> | null = null;
    await eventually(() => {
      const manifests = received.filter((m) => m.type === 'manifest');
      const next = manifests[taken];
      if (next?.type !== 'manifest') throw new Error('no manifest yet');
      found = next.docs;
    });
    taken++;
    return found ?? {};
  };
  return { ...raw, received, digests, manifest };
}
