import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MESSAGE_SYNC,
  ProtocolError,
  parseMessage,
} from './protocol';

function owned(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

describe('parseMessage', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hi');
  const update = Y.encodeStateAsUpdate(doc);

  it('reads what y-websocket sends', () => {
    expect(parseMessage(owned(encodeSyncStep1(Y.encodeStateVector(doc))))).toMatchObject({
      kind: 'sync-step1',
    });
    const parsed = parseMessage(owned(encodeUpdate(update)));
    expect(parsed.kind).toBe('update');
    expect(parsed.kind === 'update' && Array.from(parsed.update)).toEqual(Array.from(update));
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalStateField('user', 'x');
    const aw = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    expect(parseMessage(owned(encodeAwareness(aw)))).toMatchObject({ kind: 'awareness' });
    expect(parseMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
    awareness.destroy();
  });

  it('returns a compact copy of the payload', () => {
    const parsed = parseMessage(owned(encodeUpdate(update)));
    if (parsed.kind !== 'update') throw new Error('expected an update');
    expect(parsed.update.byteOffset).toBe(0);
    expect(parsed.update.buffer.byteLength).toBe(update.byteLength);
  });

  it('refuses anything malformed with a ProtocolError', () => {
    const bad = [
      new Uint8Array([]),
      new Uint8Array([2, 0, 0]), // auth messages only go from server to client
      new Uint8Array([0]),
      new Uint8Array([0, 1, 9, 1]),
      new Uint8Array([0, 0, 1, 0xff]),
      owned(new Uint8Array([...encodeUpdate(update), 0])),
      new Uint8Array([1, 3, 1, 1, 1]),
      new Uint8Array([0x80, 0x80, 0x80]),
    ];
    for (const message of bad) expect(() => parseMessage(message), String(message)).toThrow(ProtocolError);
  });

  it('never reads past the message, even inside a pooled buffer', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 10);
    const pool = new Uint8Array(64);
    const msg = encoding.toUint8Array(e);
    pool.set(msg);
    expect(() => parseMessage(pool.subarray(0, msg.length))).toThrow(TypeError);
    expect(() => parseMessage(owned(msg))).toThrow(ProtocolError);
  });
});

describe('sync messages', () => {
  it('are byte for byte what y-protocols writes for a document', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const client = new Y.Doc();
    client.getText('t').insert(0, 'mine');
    const written = (write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_SYNC);
      write(e);
      return encoding.toUint8Array(e);
    };
    const sv = Y.encodeStateVector(client);
    expect(encodeSyncStep1(Y.encodeStateVector(doc))).toEqual(
      written((e) => syncProtocol.writeSyncStep1(e, doc)),
    );
    expect(encodeSyncStep2(Y.encodeStateAsUpdate(doc, sv))).toEqual(
      written((e) => syncProtocol.writeSyncStep2(e, doc, sv)),
    );
  });
});
