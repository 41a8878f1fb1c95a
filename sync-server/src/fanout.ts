/**
 * Fan-out between server instances that serve the same workspaces (src/redis.ts is the
 * implementation): a channel per document for updates and presence, a channel per
 * workspace for manifest changes. Every message carries the id of the instance that sent
 * it, so an instance drops its own messages (no echo, no loop): an update received from
 * another instance is applied and relayed to local clients, never stored or published again.
 *
 * Messages are binary (lib0 encoding), versioned, and decoded strictly: the channel is
 * shared infrastructure, so a malformed message is dropped, never trusted.
 */
import { DocDigest, isDocId } from '@flowstage/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface FanoutHandlers {
  /** Another instance stored `update` as `seq`; `digest` is its document's digest after applying it. */
  update(room: string, update: Uint8Array, seq: number, digest: DocDigest): void;
  awareness(room: string, update: Uint8Array): void;
  /** Another instance could not publish some updates of `room`: read the room back from the store. */
  resync(room: string): void;
  changed(workspaceId: string, docId: string, digest: DocDigest): void;
  /** This instance's subscription was interrupted and messages may be lost: catch up on everything. */
  missed(): void;
}

export interface FanoutStats {
  connected: boolean;
  /** Messages published. */
  published: number;
  /** Messages received from other instances. */
  received: number;
  /** This instance's own messages, received back and dropped. */
  ignored: number;
  /** Publishes that failed (Redis unreachable); the rooms concerned are resynced on reconnection. */
  publishFailures: number;
}

export interface Fanout {
  readonly instanceId: string;
  /** Subscribes to a room's channel; resolves once subscribed (or given up: never rejects). */
  watchRoom(room: string): Promise<void>;
  unwatchRoom(room: string): void;
  watchWorkspace(workspaceId: string): Promise<void>;
  unwatchWorkspace(workspaceId: string): void;
  publishUpdate(room: string, update: Uint8Array, seq: number, digest: DocDigest): void;
  publishAwareness(room: string, update: Uint8Array): void;
  publishChanged(workspaceId: string, docId: string, digest: DocDigest): void;
  stats(): FanoutStats;
  /** Unsubscribes and disconnects. */
  close(): Promise<void>;
}

const VERSION = 1;
const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const KIND_RESYNC = 2;

export type RoomMessage =
  | { kind: 'update'; from: string; seq: number; digest: DocDigest; update: Uint8Array }
  | { kind: 'awareness'; from: string; update: Uint8Array }
  | { kind: 'resync'; from: string };

export interface WorkspaceMessage {
  from: string;
  docId: string;
  digest: DocDigest;
}

export class FanoutMessageError extends Error {
  override readonly name = 'FanoutMessageError';
}

export function encodeRoomMessage(message: RoomMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, VERSION);
  encoding.writeVarString(e, message.from);
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(e, KIND_UPDATE);
      encoding.writeVarUint(e, message.seq);
      encoding.writeVarString(e, message.digest);
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint(e, KIND_AWARENESS);
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'resync':
      encoding.writeVarUint(e, KIND_RESYNC);
      break;
  }
  return encoding.toUint8Array(e);
}

export function decodeRoomMessage(data: Uint8Array): RoomMessage {
  return strictly(data, (d) => {
    const from = readString(d);
    const kind = readUint(d);
    switch (kind) {
      case KIND_UPDATE: {
        const seq = readUint(d);
        const digest = readDigest(d);
        return { kind: 'update', from, seq, digest, update: readBytes(d) };
      }
      case KIND_AWARENESS:
        return { kind: 'awareness', from, update: readBytes(d) };
      case KIND_RESYNC:
        return { kind: 'resync', from };
      default:
        throw new FanoutMessageError(`unknown room message kind ${kind}`);
    }
  });
}

export function encodeWorkspaceMessage(message: WorkspaceMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, VERSION);
  encoding.writeVarString(e, message.from);
  encoding.writeVarString(e, message.docId);
  encoding.writeVarString(e, message.digest);
  return encoding.toUint8Array(e);
}

export function decodeWorkspaceMessage(data: Uint8Array): WorkspaceMessage {
  return strictly(data, (d) => {
    const from = readString(d);
    const docId = readString(d);
    if (!isDocId(docId)) throw new FanoutMessageError('invalid document id');
    return { from, docId, digest: readDigest(d) };
  });
}

/** Decodes a copy that owns its buffer (lib0 trusts length prefixes), checking version and length. */
function strictly<T>(data: Uint8Array, read: (d: decoding.Decoder) => T): T {
  const d = decoding.createDecoder(new Uint8Array(data));
  const version = readUint(d);
  if (version !== VERSION) throw new FanoutMessageError(`unsupported message version ${version}`);
  const message = read(d);
  if (decoding.hasContent(d)) throw new FanoutMessageError('trailing bytes');
  return message;
}

function readUint(d: decoding.Decoder): number {
  try {
    return decoding.readVarUint(d);
  } catch {
    throw new FanoutMessageError('truncated message');
  }
}

function readBytes(d: decoding.Decoder): Uint8Array {
  const len = readUint(d);
  if (len > d.arr.length - d.pos) throw new FanoutMessageError('truncated message');
  const bytes = d.arr.slice(d.pos, d.pos + len);
  d.pos += len;
  return bytes;
}

function readString(d: decoding.Decoder): string {
  const bytes = readBytes(d);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FanoutMessageError('invalid text');
  }
}

function readDigest(d: decoding.Decoder): DocDigest {
  const parsed = DocDigest.safeParse(readString(d));
  if (!parsed.success) throw new FanoutMessageError('invalid digest');
  return parsed.data;
}
