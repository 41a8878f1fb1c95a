import { describe, expect, it } from 'vitest';
import { authorize } from './access';

const room = (docId: string) => ({ workspaceId: 'ws-1', docId });

describe('authorize', () => {
  it('requires the token workspace to be the room workspace', () => {
    expect(authorize({ sub: 'u', ws: 'ws-2', role: 'owner' }, room('root'))).toEqual({
      ok: false,
      reason: 'token is for another workspace',
    });
  });

  it('owners and agents without a list write everywhere', () => {
    for (const role of ['owner', 'agent'] as const) {
      for (const docId of ['root', 'artist.x', 'venues.00', 'contacts.0f']) {
        expect(authorize({ sub: 'u', ws: 'ws-1', role }, room(docId))).toEqual({ ok: true, access: 'write' });
      }
    }
  });

  it('an artist list opens root, directories and the listed artists only', () => {
    const agent = { sub: 'u', ws: 'ws-1', role: 'agent' as const, artists: ['a1'] };
    expect(authorize(agent, room('root'))).toEqual({ ok: true, access: 'write' });
    expect(authorize(agent, room('venues.3c'))).toEqual({ ok: true, access: 'write' });
    expect(authorize(agent, room('contacts.3c'))).toEqual({ ok: true, access: 'write' });
    expect(authorize(agent, room('artist.a1'))).toEqual({ ok: true, access: 'write' });
    expect(authorize(agent, room('artist.a2'))).toMatchObject({ ok: false });
    expect(authorize({ ...agent, artists: [] }, room('artist.a1'))).toMatchObject({ ok: false });
  });

  it('assistants read only, and an artist list restricts them too', () => {
    expect(authorize({ sub: 'u', ws: 'ws-1', role: 'assistant' }, room('artist.a1'))).toEqual({
      ok: true,
      access: 'read',
    });
    expect(
      authorize({ sub: 'u', ws: 'ws-1', role: 'assistant', artists: ['a2'] }, room('artist.a1')),
    ).toMatchObject({ ok: false });
  });
});
