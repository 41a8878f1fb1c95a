/**
 * Bare y-protocols clients for the serve benchmark (scripts/bench/serve.ts): each opens a
 * document's room, asks for everything (sync step 1 with an empty state vector), waits
 * for the server's sync step 2 and closes — a fresh device's catch-up, without a Y.Doc.
 */
import { MANIFEST_CHANNEL, ManifestMessage } from '@flowstage/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;

/** `[sync, step 1, empty state vector]`: "send me everything". */
function emptySyncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Map()));
  return encoding.toUint8Array(encoder);
}

/** The update of a sync step 2 message, or null for any other message. */
function syncStep2Update(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
  if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return null;
  return decoding.readVarUint8Array(decoder);
}

/** Opens `url`, asks for the whole document, resolves with the update the server sent. */
export function fetchDocument(url: string, timeoutMs = 120_000): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'nodebuffer';
    const timer = setTimeout(
      () => fail(new Error(`no sync step 2 from ${url} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      ws.terminate();
      reject(error);
    };
    ws.once('error', fail);
    ws.once('close', (code) => fail(new Error(`${url} closed (${code}) before its sync step 2`)));
    ws.once('open', () => ws.send(emptySyncStep1()));
    ws.on('message', (data: Buffer) => {
      const update = syncStep2Update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (!update) return;
      clearTimeout(timer);
      ws.removeAllListeners('close');
      ws.removeAllListeners('error');
      ws.on('error', () => {});
      ws.close();
      resolve(update);
    });
  });
}

/** Fetches every url, `concurrency` at a time; resolves with the total bytes of the updates. */
export async function fetchAll(urls: string[], concurrency: number): Promise<number> {
  let next = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < urls.length) {
      const update = await fetchDocument(urls[next++]!);
      bytes += update.byteLength;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  return bytes;
}

/** The document ids of a workspace, from the first manifest its channel sends. */
export function manifestDocIds(syncUrl: string, workspaceId: string, token: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(
      `${syncUrl}/${workspaceId}/${MANIFEST_CHANNEL}?token=${encodeURIComponent(token)}`,
    );
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`manifest channel closed (${code})`)));
    ws.on('message', (data: Buffer) => {
      const message = ManifestMessage.parse(JSON.parse(data.toString()));
      if (message.type !== 'manifest') return;
      ws.removeAllListeners('close');
      ws.close();
      resolve(Object.keys(message.docs).sort());
    });
  });
}
