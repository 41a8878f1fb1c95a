import { EMPTY_DIGEST } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import {
  decodeRoomMessage,
  decodeWorkspaceMessage,
  encodeRoomMessage,
  encodeWorkspaceMessage,
  FanoutMessageError,
  type RoomMessage,
} from './fanout';

describe('fan-out messages', () => {
  it('round-trip every kind', () => {
    const messages: RoomMessage[] = [
      {
        kind: 'update',
        from: 'node-1',
        seq: 2 ** 40 + 7,
        digest: EMPTY_DIGEST,
        update: new Uint8Array([0, 0]),
      },
      { kind: 'awareness', from: 'nœud-2', update: new Uint8Array([1, 2, 3]) },
      { kind: 'resync', from: 'n' },
    ];
    for (const m of messages) expect(decodeRoomMessage(encodeRoomMessage(m))).toEqual(m);
    const changed = { from: 'node-1', docId: 'artist.nina', digest: EMPTY_DIGEST };
    expect(decodeWorkspaceMessage(encodeWorkspaceMessage(changed))).toEqual(changed);
  });

  it('refuse anything malformed', () => {
    const good = encodeRoomMessage({ kind: 'awareness', from: 'a', update: new Uint8Array([9]) });
    const bad: Uint8Array[] = [
      new Uint8Array(),
      new Uint8Array([2, 1, 97, 2]), // version 2
      new Uint8Array([1, 1, 97, 7]), // unknown kind
      good.slice(0, -1), // truncated
      new Uint8Array([...good, 0]), // trailing byte
      new Uint8Array([1, 1, 97, 1, 200, 1]), // length past the end
      new Uint8Array([1, 2, 0xff, 0xfe, 2]), // from is not UTF-8
      encodeRoomMessage({ kind: 'update', from: 'a', seq: 1, digest: 'nope', update: new Uint8Array([0]) }),
    ];
    for (const bytes of bad) expect(() => decodeRoomMessage(bytes)).toThrow(FanoutMessageError);
    expect(() =>
      decodeWorkspaceMessage(encodeWorkspaceMessage({ from: 'a', docId: '../etc', digest: EMPTY_DIGEST })),
    ).toThrow(/document id/);
  });

  it('decodes from a view into a larger buffer without reading past it', () => {
    const message = encodeRoomMessage({ kind: 'awareness', from: 'a', update: new Uint8Array([5, 6]) });
    const pool = new Uint8Array(64).fill(7);
    pool.set(message, 10);
    const view = pool.subarray(10, 10 + message.byteLength - 1); // cut one byte: must not read the pool
    expect(() => decodeRoomMessage(view)).toThrow(FanoutMessageError);
  });
});
