/**
 * One document's y-websocket room connection, in Node.
 *
 * Two of y-websocket's defaults are replaced so that Yjs never encodes a received update
 * again (see docs/transactions.ts): received updates go to `applyRemote` (which logs their
 * bytes as they are), and this document's own changes are sent from an `afterTransaction`
 * listener instead of an `update` listener.
 */
import { roomName, SYNC_CLOSE } from '@flowstage/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { messageSync, WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { REMOTE_ORIGIN, transactionChanged, transactionUpdate } from '../docs/transactions';

export interface DocProviderEvents {
  /** An update from the server, to apply to the document (WorkspaceDocs.applyRemote). */
  applyRemote(docId: string, update: Uint8Array): void;
  onSynced(docId: string): void;
  onStatus(): void;
  onUnauthorized(docId: string): void;
  onRefused(docId: string, code: number, reason: string): void;
}

export class DocProvider {
  readonly provider: WebsocketProvider;
  private readonly sendOwnChanges: (tr: Y.Transaction) => void;

  constructor(
    readonly docId: string,
    private readonly doc: Y.Doc,
    o: { syncUrl: string; workspaceId: string; token: string },
    events: DocProviderEvents,
  ) {
    // Each provider listens for process exit: make room so Node does not warn about a leak.
    process.setMaxListeners(process.getMaxListeners() + 1);
    this.provider = new WebsocketProvider(o.syncUrl, roomName(o.workspaceId, docId), doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token: o.token },
      disableBc: true,
      maxBackoffTime: 3_000,
    });
    const provider = this.provider;
    doc.off('update', provider._updateHandler);
    this.sendOwnChanges = (tr) => {
      if (tr.origin === REMOTE_ORIGIN || !transactionChanged(tr)) return;
      if (!provider.wsconnected || !provider.ws) return; // sent by the sync exchange on reconnection
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeUpdate(encoder, transactionUpdate(doc, tr));
      provider.ws.send(encoding.toUint8Array(encoder));
    };
    doc.on('afterTransaction', this.sendOwnChanges);
    provider.messageHandlers[messageSync] = (encoder, decoder, _provider, emitSynced) => {
      encoding.writeVarUint(encoder, messageSync);
      const type = decoding.readVarUint(decoder);
      if (type === syncProtocol.messageYjsSyncStep1) syncProtocol.readSyncStep1(decoder, encoder, doc);
      else if (type === syncProtocol.messageYjsSyncStep2 || type === syncProtocol.messageYjsUpdate) {
        const update = decoding.readVarUint8Array(decoder);
        try {
          events.applyRemote(docId, update);
        } catch (err) {
          console.error(`flowstage sync: an update of ${docId} from the server failed to apply:`, err);
        }
        if (emitSynced && type === syncProtocol.messageYjsSyncStep2 && !provider.synced)
          provider.synced = true;
      } else throw new Error(`unknown sync message type ${type}`);
    };
    this.provider.on('status', () => events.onStatus());
    this.provider.on('sync', (synced: boolean) => {
      if (synced) events.onSynced(docId);
      events.onStatus();
    });
    this.provider.on('closed', (event: { code: number; reason: string }) => {
      if (event.code === SYNC_CLOSE.unauthorized) events.onUnauthorized(docId);
      else events.onRefused(docId, event.code, event.reason);
    });
  }

  get synced(): boolean {
    return this.provider.synced;
  }

  get connected(): boolean {
    return this.provider.wsconnected;
  }

  /** Use a new token from the next (re)connection on. */
  setToken(token: string): void {
    this.provider.params = { token };
    if (!this.provider.shouldConnect) this.provider.connect();
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.sendOwnChanges);
    this.provider.destroy();
    process.setMaxListeners(Math.max(10, process.getMaxListeners() - 1));
  }
}
