import * as authProtocol from 'y-protocols/auth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, Harness, ROOT_ROOM, roundTrip } from './helpers';

describe('assistant (read-only member)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('reads the document, but its updates are refused: not stored, not relayed, and it is told', async () => {
    const owner = await h.client(ROOT_ROOM, await h.token({ role: 'owner', sub: 'owner' }));
    const assistant = await h.client(ROOT_ROOM, await h.token({ role: 'assistant', sub: 'assistant' }));
    const denials: string[] = [];
    assistant.provider.messageHandlers[2] = (_encoder, decoder, provider) => {
      authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => denials.push(reason));
    };
    await Promise.all([owner.synced(), assistant.synced()]);

    owner.doc.getText('t').insert(0, 'from the owner');
    await eventually(() => expect(assistant.text()).toBe('from the owner'));

    assistant.doc.getText('t').insert(0, 'sneaky ');
    await eventually(() => expect(denials).toEqual(['read-only member: updates are not accepted']));

    // Presence is allowed; its relay to the owner comes after the refused update was
    // handled, so a relayed update would already be at the owner.
    assistant.provider.awareness.setLocalStateField('user', { name: 'Assistant' });
    await eventually(() =>
      expect(owner.provider.awareness.getStates().get(assistant.doc.clientID)).toEqual({
        user: { name: 'Assistant' },
      }),
    );
    expect(owner.text()).toBe('from the owner');
    expect(h.storedText(ROOT_ROOM)).toBe('from the owner');
    expect(assistant.provider.wsconnected).toBe(true);
    expect(h.server.metrics()).toMatchObject({ updatesRefused: 1, updatesStored: 1 });

    // Still a reader: later edits of the owner keep arriving.
    owner.doc.getText('t').insert(owner.doc.getText('t').length, '!');
    await eventually(() => expect(assistant.text()).toContain('from the owner!'));
  });

  it('a reconnecting assistant with nothing new is not told off', async () => {
    const owner = await h.client(ROOT_ROOM);
    owner.doc.getText('t').insert(0, 'abc');
    owner.doc.getText('t').delete(0, 1);
    await owner.synced();
    await eventually(() => expect(h.storedText(ROOT_ROOM)).toBe('bc'));

    const assistant = await h.client(ROOT_ROOM, await h.token({ role: 'assistant' }));
    const denials: string[] = [];
    assistant.provider.messageHandlers[2] = (_e, decoder, provider) => {
      authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => denials.push(reason));
    };
    await assistant.synced();
    assistant.provider.disconnect();
    assistant.provider.connect();
    await assistant.synced();
    // The answer to a later request on the same socket: a denial would have come before it.
    await roundTrip(assistant);
    expect(assistant.text()).toBe('bc');
    expect(denials).toEqual([]);
    expect(h.server.metrics().updatesRefused).toBe(0);
  });
});
