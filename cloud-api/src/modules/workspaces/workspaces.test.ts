import {
  ApiError,
  HealthResponse,
  MeResponse,
  SYNC_TOKEN_AUDIENCE,
  SYNC_TOKEN_ISSUER,
  SYNC_TOKEN_TTL_SECONDS,
  SyncTokenClaims,
  SyncTokenResponse,
  uuidv7,
  WorkspaceDto,
} from '@flowstage/shared';
import { createLocalJWKSet, createRemoteJWKSet, importSPKI, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_PASSWORD, DEMO_WORKSPACE_NAME } from '../demo/service';
import { bearer, DB_TARGETS, postJson, signUp, type TestApi, startTestApi } from '../../testing/harness';
import { insertMember } from './repo';

for (const target of DB_TARGETS) {
  describe.skipIf(!target.enabled)(`workspaces, sync tokens, health (${target.name})`, () => {
    let t: TestApi;
    beforeAll(async () => {
      t = await startTestApi(target);
    });
    afterAll(async () => {
      await t?.close();
    });

    const errorOf = (body: string) => ApiError.parse(JSON.parse(body)).error;
    const jwks = async () =>
      createLocalJWKSet(
        (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json<JSONWebKeySet>(),
      );
    const syncToken = (workspaceId: string, accessToken: string) =>
      t.app.inject({
        method: 'POST',
        url: `/v1/workspaces/${workspaceId}/sync-token`,
        headers: bearer(accessToken),
      });

    it('GET /v1/me returns the user and their workspaces', async () => {
      const account = await signUp(t.app, { name: 'Mia', agencyName: 'Mia Booking' });
      const res = await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(account.accessToken) });
      expect(res.statusCode).toBe(200);
      expect(MeResponse.parse(res.json())).toEqual({ user: account.user, workspaces: account.workspaces });
    });

    it('POST /v1/workspaces creates a workspace owned by the caller', async () => {
      const account = await signUp(t.app);
      const res = await postJson(
        t.app,
        '/v1/workspaces',
        { name: '  Second Agency ' },
        bearer(account.accessToken),
      );
      expect(res.statusCode).toBe(201);
      const ws = WorkspaceDto.parse(res.json());
      expect(ws).toEqual({ id: expect.any(String), name: 'Second Agency', role: 'owner' });
      const me = MeResponse.parse(
        (await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(account.accessToken) })).json(),
      );
      expect(me.workspaces.map((w) => w.id)).toEqual([account.workspaces[0]?.id, ws.id]);
    });

    it('POST /v1/workspaces checks the token before the body, and validates the body', async () => {
      expect((await postJson(t.app, '/v1/workspaces', {})).statusCode).toBe(401);
      const account = await signUp(t.app);
      const res = await postJson(t.app, '/v1/workspaces', { name: '' }, bearer(account.accessToken));
      expect(res.statusCode).toBe(400);
      expect(errorOf(res.body).code).toBe('invalid_body');
    });

    it('issues an owner a sync token that verifies against the JWKS', async () => {
      const account = await signUp(t.app);
      const workspaceId = account.workspaces[0]?.id ?? '';
      const res = await syncToken(workspaceId, account.accessToken);
      expect(res.statusCode).toBe(200);
      const body = SyncTokenResponse.parse(res.json());
      expect(body).toMatchObject({ workspaceId, role: 'owner' });

      const { payload, protectedHeader } = await jwtVerify(body.token, await jwks(), {
        issuer: SYNC_TOKEN_ISSUER,
        audience: SYNC_TOKEN_AUDIENCE,
        algorithms: ['EdDSA'],
        currentDate: t.clock.now(),
      });
      expect(protectedHeader.kid).toBe(t.api.jwks.keys[0]?.kid);
      const claims = SyncTokenClaims.parse(payload);
      expect(claims).toEqual({ sub: account.user.id, ws: workspaceId, role: 'owner' });
      expect(payload.artists).toBeUndefined();
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(SYNC_TOKEN_TTL_SECONDS);
      expect(new Date(body.expiresAt).getTime()).toBe((payload.exp ?? 0) * 1000);

      // The PEM handed to the sync server verifies it too; the access-token secret does not.
      await jwtVerify(body.token, await importSPKI(t.api.publicKeyPem, 'EdDSA'), {
        issuer: SYNC_TOKEN_ISSUER,
        audience: SYNC_TOKEN_AUDIENCE,
        currentDate: t.clock.now(),
      });
      await expect(
        jwtVerify(account.accessToken, await jwks(), { currentDate: t.clock.now() }),
      ).rejects.toThrow();
    });

    it('gives agents the artists assigned to them, and only those', async () => {
      const owner = await signUp(t.app);
      const agent = await signUp(t.app, { name: 'Agent' });
      const workspaceId = owner.workspaces[0]?.id ?? '';
      const artists = [uuidv7(), uuidv7()];
      await insertMember(t.api.db, { workspaceId, userId: agent.user.id, role: 'agent', artistIds: artists });

      const res = await syncToken(workspaceId, agent.accessToken);
      expect(res.statusCode).toBe(200);
      expect(SyncTokenResponse.parse(res.json()).role).toBe('agent');
      const { payload } = await jwtVerify(SyncTokenResponse.parse(res.json()).token, await jwks(), {
        currentDate: t.clock.now(),
      });
      expect(SyncTokenClaims.parse(payload)).toEqual({
        sub: agent.user.id,
        ws: workspaceId,
        role: 'agent',
        artists,
      });

      const assistant = await signUp(t.app, { name: 'Assistant' });
      await insertMember(t.api.db, { workspaceId, userId: assistant.user.id, role: 'assistant' });
      const a = SyncTokenResponse.parse((await syncToken(workspaceId, assistant.accessToken)).json());
      expect(a.role).toBe('assistant');
      expect(
        SyncTokenClaims.parse(
          (await jwtVerify(a.token, await jwks(), { currentDate: t.clock.now() })).payload,
        ),
      ).toEqual({ sub: assistant.user.id, ws: workspaceId, role: 'assistant' });
    });

    it('answers 403 to non-members and 404 for unknown workspaces', async () => {
      const owner = await signUp(t.app);
      const stranger = await signUp(t.app);
      const forbidden = await syncToken(owner.workspaces[0]?.id ?? '', stranger.accessToken);
      expect(forbidden.statusCode).toBe(403);
      expect(errorOf(forbidden.body).code).toBe('forbidden');
      for (const id of [uuidv7(), 'not-a-uuid']) {
        const missing = await syncToken(id, stranger.accessToken);
        expect(missing.statusCode).toBe(404);
        expect(errorOf(missing.body).code).toBe('not_found');
      }
      expect(
        (await t.app.inject({ method: 'POST', url: `/v1/workspaces/${uuidv7()}/sync-token` })).statusCode,
      ).toBe(401);
    });

    it('ensureDemoAgency is idempotent and its credentials sign in', async () => {
      const [a, b] = await Promise.all([t.api.ensureDemoAgency(), t.api.ensureDemoAgency()]);
      const c = await t.api.ensureDemoAgency();
      expect(a).toEqual(b);
      expect(c).toEqual(a);
      expect(a).toMatchObject({
        email: DEMO_EMAIL,
        password: DEMO_PASSWORD,
        workspaceName: DEMO_WORKSPACE_NAME,
      });
      const res = await postJson(t.app, '/v1/auth/signin', { email: a.email, password: a.password });
      expect(res.statusCode).toBe(200);
      expect(MeResponse.parse(res.json()).workspaces).toEqual([
        { id: a.workspaceId, name: DEMO_WORKSPACE_NAME, role: 'owner' },
      ]);
    });

    it('serves health, JWKS and the API over a real socket', async () => {
      const health = await fetch(`${t.api.url}/health`);
      expect(health.status).toBe(200);
      const body = HealthResponse.parse(await health.json());
      expect(body).toMatchObject({ status: 'ok', service: 'cloud-api', details: { db: target.name } });
      expect(body.uptimeS).toBeGreaterThanOrEqual(0);

      const signup = await fetch(`${t.api.url}/v1/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `socket.${uuidv7()}@example.test`,
          password: 'socket password',
          name: 'Sock',
        }),
      });
      expect(signup.status).toBe(201);
      const account = (await signup.json()) as { accessToken: string; workspaces: { id: string }[] };
      const sync = await fetch(`${t.api.url}/v1/workspaces/${account.workspaces[0]?.id}/sync-token`, {
        method: 'POST',
        headers: bearer(account.accessToken),
      });
      expect(sync.status).toBe(200);
      const token = SyncTokenResponse.parse(await sync.json()).token;
      await jwtVerify(token, createRemoteJWKSet(new URL(`${t.api.url}/.well-known/jwks.json`)), {
        issuer: SYNC_TOKEN_ISSUER,
        audience: SYNC_TOKEN_AUDIENCE,
        currentDate: t.clock.now(),
      });

      const notFound = await fetch(`${t.api.url}/v1/nope`);
      expect(notFound.status).toBe(404);
      expect(errorOf(await notFound.text()).code).toBe('not_found');
    });
  });
}
