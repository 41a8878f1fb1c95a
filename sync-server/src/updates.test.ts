import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeValidUpdate, InvalidUpdateError, updateChangesDoc } from './updates';

function pair(): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc();
  server.getText('t').insert(0, 'hello world');
  server.getText('t').delete(0, 6);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

describe('updateChangesDoc', () => {
  it('is false for what the server already has, deletions included', () => {
    const { server, client } = pair();
    const echo = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(updateChangesDoc(server, decodeValidUpdate(echo))).toBe(false);
    expect(updateChangesDoc(server, decodeValidUpdate(Y.encodeStateAsUpdate(client)))).toBe(false);
  });

  it('is true for new content', () => {
    const { server, client } = pair();
    client.getText('t').insert(0, '!');
    expect(updateChangesDoc(server, decodeValidUpdate(Y.encodeStateAsUpdate(client)))).toBe(true);
  });

  it('is true for a deletion alone (no new structs)', () => {
    const { server, client } = pair();
    let last: Uint8Array | null = null;
    client.on('update', (u: Uint8Array) => {
      last = u;
    });
    client.getText('t').delete(0, 1);
    expect(last).not.toBeNull();
    expect(updateChangesDoc(server, decodeValidUpdate(last!))).toBe(true);
  });
});

describe('decodeValidUpdate', () => {
  it('refuses empty and garbled updates', () => {
    expect(() => decodeValidUpdate(new Uint8Array())).toThrow(InvalidUpdateError);
    expect(() => decodeValidUpdate(new Uint8Array([1, 1, 200, 1, 0, 77]))).toThrow(InvalidUpdateError);
  });
});
