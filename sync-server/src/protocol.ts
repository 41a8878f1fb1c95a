/**
 * The y-websocket wire protocol: `[messageType: varUint, ...payload]` per WebSocket
 * message. Parsing is strict — every field is decoded and checked, and trailing bytes are
 * an error — because a message that reached this point came from the network.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { type DecodedUpdate, decodeValidUpdate, InvalidUpdateError } from './updates';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export type IncomingMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2' | 'update'; update: Uint8Array; decoded: DecodedUpdate }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/**
 * Parses one message. `data` must own its buffer exactly (`new Uint8Array(received)`):
 * Yjs' decoders trust length prefixes, and a view into a pooled buffer would let a forged
 * length read past the message instead of failing.
 */
export function parseMessage(data: Uint8Array): IncomingMessage {
  if (data.byteLength === 0) throw new ProtocolError('empty message');
  if (data.byteOffset !== 0 || data.byteLength !== data.buffer.byteLength) {
    throw new TypeError('parseMessage needs a message that owns its buffer');
  }
  const decoder = decoding.createDecoder(data);
  const message = readMessage(decoder);
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message');
  return message;
}

function readMessage(decoder: decoding.Decoder): IncomingMessage {
  const type = readUint(decoder, 'message type');
  switch (type) {
    case MESSAGE_SYNC:
      return readSync(decoder);
    case MESSAGE_AWARENESS: {
      const update = readBytes(decoder, 'awareness update');
      assertValidAwareness(update);
      return { kind: 'awareness', update };
    }
    case MESSAGE_QUERY_AWARENESS:
      return { kind: 'query-awareness' };
    default:
      throw new ProtocolError(`unsupported message type ${type}`);
  }
}

function readSync(decoder: decoding.Decoder): IncomingMessage {
  const step = readUint(decoder, 'sync message type');
  switch (step) {
    case syncProtocol.messageYjsSyncStep1: {
      const stateVector = readBytes(decoder, 'state vector');
      try {
        Y.decodeStateVector(stateVector);
      } catch {
        throw new ProtocolError('undecodable state vector');
      }
      return { kind: 'sync-step1', stateVector };
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = readBytes(decoder, 'update');
      try {
        const decoded = decodeValidUpdate(update);
        return { kind: step === syncProtocol.messageYjsSyncStep2 ? 'sync-step2' : 'update', update, decoded };
      } catch (error) {
        if (error instanceof InvalidUpdateError) throw new ProtocolError(error.message);
        throw error;
      }
    }
    default:
      throw new ProtocolError(`unsupported sync message type ${step}`);
  }
}

/** Awareness updates carry `[count, (clientID, clock, JSON state)*]`; every state must parse. */
function assertValidAwareness(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = readUint(decoder, 'awareness entry count');
  for (let i = 0; i < count; i++) {
    readUint(decoder, 'awareness client id');
    readUint(decoder, 'awareness clock');
    let state: string;
    try {
      state = decoding.readVarString(decoder);
    } catch {
      throw new ProtocolError('truncated awareness state');
    }
    try {
      JSON.parse(state);
    } catch {
      throw new ProtocolError('awareness state is not JSON');
    }
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update');
}

function readUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new ProtocolError(`truncated ${what}`);
  }
}

/** Reads a length-prefixed byte array, bounds-checked, as a compact copy. */
function readBytes(decoder: decoding.Decoder, what: string): Uint8Array {
  const len = readUint(decoder, `${what} length`);
  if (len > decoder.arr.length - decoder.pos) throw new ProtocolError(`truncated ${what}`);
  const bytes = decoder.arr.slice(decoder.pos, decoder.pos + len);
  decoder.pos += len;
  return bytes;
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A sync step 1 carrying `stateVector` (what `syncProtocol.writeSyncStep1` writes for a document). */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

/** A sync step 2 carrying `update` (what `syncProtocol.writeSyncStep2` writes for a document). */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
  });
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodePermissionDenied(reason: string): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_AUTH);
    authProtocol.writePermissionDenied(e, reason);
  });
}
