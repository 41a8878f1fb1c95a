import type { RpcHandlers } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../core/rpc/dispatch';
import { handleRpcInvoke, handleShellMessage, MAX_IPC_MESSAGE_BYTES, type RpcForwarder } from './ipc';

const handlers = {
  'app.info': async () => ({ version: '0.0.0-test', shell: 'electron' }),
  'search.global': async ({ query }: { query: string }) => [{ query }],
} as unknown as RpcHandlers;

/** The real dispatch behind the forwarder, as the core process runs it. */
const core: RpcForwarder = { call: (request) => dispatch(handlers, request) };

describe('handleRpcInvoke (the IPC RPC channel)', () => {
  it('answers a valid call', async () => {
    expect(await handleRpcInvoke(true, { id: 1, method: 'app.info', params: {} }, core)).toEqual({
      id: 1,
      ok: true,
      result: { version: '0.0.0-test', shell: 'electron' },
    });
  });

  it('refuses an untrusted sender without reaching the core', async () => {
    let called = false;
    const r = await handleRpcInvoke(
      false,
      { id: 1, method: 'app.info', params: {} },
      {
        call: async (req) => {
          called = true;
          return core.call(req);
        },
      },
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(called).toBe(false);
  });

  it.each([
    ['a string', 'not json {'],
    ['null', null],
    ['an array', [1, 2]],
    ['a number', 42],
  ])('refuses %s as malformed', async (_name, payload) => {
    expect(await handleRpcInvoke(true, payload, core)).toMatchObject({
      id: -1,
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('refuses a bad envelope, an unknown method and wrong param types with coded errors', async () => {
    expect(await handleRpcInvoke(true, { id: 'x', method: 'app.info' }, core)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await handleRpcInvoke(true, { id: 2, method: 'fs.readFile', params: {} }, core)).toMatchObject({
      id: 2,
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await handleRpcInvoke(true, { id: 3, method: '__proto__', params: {} }, core)).toMatchObject({
      id: 3,
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(
      await handleRpcInvoke(true, { id: 4, method: 'search.global', params: { query: 42 } }, core),
    ).toMatchObject({ id: 4, ok: false, error: { code: 'invalid_params' } });
    expect(
      await handleRpcInvoke(true, { id: 5, method: 'search.global', params: { query: 'a', evil: 1 } }, core),
    ).toMatchObject({ id: 5, ok: false, error: { code: 'invalid_params' } });
  });

  it('refuses an oversized message and an unserializable one', async () => {
    const big = { id: 6, method: 'search.global', params: { query: 'x'.repeat(MAX_IPC_MESSAGE_BYTES) } };
    expect(await handleRpcInvoke(true, big, core)).toMatchObject({
      id: 6,
      ok: false,
      error: { code: 'too_large' },
    });
    const cyclic: Record<string, unknown> = { id: 7, method: 'app.info' };
    cyclic.params = cyclic;
    expect(await handleRpcInvoke(true, cyclic, core)).toMatchObject({
      id: 7,
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('keeps serving after bad payloads and turns a core failure into an internal error', async () => {
    await handleRpcInvoke(true, 'garbage', core);
    expect(
      await handleRpcInvoke(true, { id: 8, method: 'search.global', params: { query: 'ok' } }, core),
    ).toEqual({
      id: 8,
      ok: true,
      result: [{ query: 'ok' }],
    });
    const broken: RpcForwarder = {
      call: async () => {
        throw new Error('core gone');
      },
    };
    expect(await handleRpcInvoke(true, { id: 9, method: 'app.info', params: {} }, broken)).toMatchObject({
      id: 9,
      ok: false,
      error: { code: 'internal', message: 'core gone' },
    });
  });
});

describe('handleShellMessage', () => {
  it('sets the menu language from a valid message and refuses anything else', () => {
    const langs: string[] = [];
    const actions = { setLanguage: (l: 'fr' | 'en') => void langs.push(l) };
    expect(handleShellMessage(true, { type: 'setLanguage', lang: 'fr' }, actions)).toEqual({ ok: true });
    expect(handleShellMessage(true, { type: 'setLanguage', lang: 'de' }, actions)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(handleShellMessage(true, { type: 'exec', cmd: 'rm' }, actions)).toMatchObject({ ok: false });
    expect(handleShellMessage(true, 'x', actions)).toMatchObject({ ok: false });
    expect(handleShellMessage(false, { type: 'setLanguage', lang: 'en' }, actions)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(langs).toEqual(['fr']);
  });
});
