/** One document's y-websocket room connection, in Node. */
import { roomName, SYNC_CLOSE } from '@flowstage/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

export interface DocProviderEvents {
  onSynced(docId: string): void;
  onStatus(): void;
  onUnauthorized(docId: string): void;
  onRefused(docId: string, code: number, reason: string): void;
}

export class DocProvider {
  readonly provider: WebsocketProvider;

  constructor(
    readonly docId: string,
    doc: Y.Doc,
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
    this.provider.destroy();
    process.setMaxListeners(Math.max(10, process.getMaxListeners() - 1));
  }
}
