import { SYNC_CLOSE } from '@flowstage/shared';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, eventually, Harness, type RawSocket, ROOT_ROOM, rawSocket } from './helpers';

const MAX = 4096;

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

describe('a bad message closes only the connection that sent it', () => {
  let h: Harness;
  let a: Client;
  let b: Client;
  beforeEach(async () => {
    h = await Harness.start({ maxMessageBytes: MAX });
    a = await h.client(ROOT_ROOM);
    b = await h.client(ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);
  });
  afterEach(async () => {
    await h.dispose();
  });

  async function intruder(): Promise<RawSocket> {
    const socket = rawSocket(`${h.server.wsUrl}/${ROOT_ROOM}?token=${await h.token({ sub: 'intruder' })}`);
    await socket.opened;
    await eventually(() => expect(socket.messages.length).toBeGreaterThan(0)); // admitted
    return socket;
  }

  async function othersStillWork(word: string): Promise<void> {
    a.doc.getText('t').insert(a.doc.getText('t').length, word);
    await eventually(() => expect(b.text()).toBe(a.text()));
    expect(b.text()).toContain(word);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  }

  const malformed: Array<[string, Uint8Array | string]> = [
    ['a text frame', 'hello'],
    ['an empty message', new Uint8Array()],
    ['an unknown message type', new Uint8Array([9])],
    ['an unknown sync step', new Uint8Array([0, 7, 0])],
    ['a truncated varint', new Uint8Array([0, 0xff])],
    [
      'a length prefix past the end',
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint(e, 500);
        encoding.writeUint8(e, 1);
      }),
    ],
    ['trailing bytes', new Uint8Array([3, 3])],
    [
      'an undecodable Yjs update',
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, new Uint8Array([1, 1, 200, 1, 0, 77, 77, 77]));
      }),
    ],
    [
      'an awareness state that is not JSON',
      frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(
          e,
          frame((inner) => {
            encoding.writeVarUint(inner, 1);
            encoding.writeVarUint(inner, 42);
            encoding.writeVarUint(inner, 1);
            encoding.writeVarString(inner, '{not json');
          }),
        );
      }),
    ],
  ];

  for (const [name, payload] of malformed) {
    it(`${name} → 4400`, async () => {
      const bad = await intruder();
      bad.ws.send(payload);
      expect((await bad.closed).code).toBe(SYNC_CLOSE.badMessage);
      await othersStillWork(name);
      expect(h.storedText(ROOT_ROOM)).toBe(a.text());
      expect(h.server.metrics()).toMatchObject({ messagesRejected: 1, connections: 2 });
    });
  }

  it('a message over maxMessageBytes → 4413', async () => {
    const bad = await intruder();
    bad.ws.send(
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, new Uint8Array(MAX + 10));
      }),
    );
    expect(await bad.closed).toEqual({ code: SYNC_CLOSE.tooLarge, reason: 'message too large' });
    await othersStillWork('after oversized');
  });

  it('a frame over the hard cap (2 × maxMessageBytes) is cut off by ws itself → 1009', async () => {
    const bad = await intruder();
    bad.ws.send(new Uint8Array(3 * MAX));
    expect((await bad.closed).code).toBe(1009);
    await othersStillWork('after huge');
  });

  it('the server keeps serving after many bad clients', async () => {
    for (let i = 0; i < 5; i++) {
      const bad = await intruder();
      bad.ws.send(new Uint8Array([0, 2, 3, 1]));
      await bad.closed;
    }
    await othersStillWork('still here');
    const late = await h.client(ROOT_ROOM);
    await late.synced();
    expect(late.text()).toBe(a.text());
  });
});

describe('rate limit (opt-in)', () => {
  it('closes a connection that floods with 4429', async () => {
    const h = await Harness.start({ rateLimit: { messagesPerSecond: 1, burst: 5, onExceeded: 'close' } });
    try {
      const polite = await h.client(ROOT_ROOM);
      await polite.synced();
      const flood = rawSocket(`${h.server.wsUrl}/${ROOT_ROOM}?token=${await h.token()}`);
      await flood.opened;
      for (let i = 0; i < 20; i++) flood.ws.send(new Uint8Array([3]));
      expect(await flood.closed).toEqual({ code: SYNC_CLOSE.rateLimited, reason: 'too many messages' });
      polite.doc.getText('t').insert(0, 'fine');
      await eventually(() => expect(h.storedText(ROOT_ROOM)).toBe('fine'));
    } finally {
      await h.dispose();
    }
  });
});
