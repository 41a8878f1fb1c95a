import { ApiError, AuthResponse } from '@flowstage/shared';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  DB_TARGETS,
  postJson,
  randomTestIp,
  signUp,
  type TestApi,
  startTestApi,
  uniqueEmail,
} from '../../testing/harness';

const MAX_FAILURES_PER_EMAIL = 3;
const MAX_ATTEMPTS_PER_IP = 6;

for (const target of DB_TARGETS) {
  describe.skipIf(!target.enabled)(`auth (${target.name})`, () => {
    let t: TestApi;
    beforeAll(async () => {
      t = await startTestApi(target, {
        trustProxy: true,
        signInRateLimit: {
          maxFailuresPerEmail: MAX_FAILURES_PER_EMAIL,
          maxAttemptsPerIp: MAX_ATTEMPTS_PER_IP,
        },
      });
    });
    afterAll(async () => {
      await t?.close();
    });

    const signIn = (email: string, password: string, ip = randomTestIp()) =>
      postJson(t.app, '/v1/auth/signin', { email, password }, { 'x-forwarded-for': ip });
    const errorOf = (body: string) => ApiError.parse(JSON.parse(body)).error;

    describe('sign-up', () => {
      it('creates the user and an owned workspace named after the agency', async () => {
        const email = uniqueEmail('signup');
        const res = await postJson(t.app, '/v1/auth/signup', {
          email: `  ${email.toUpperCase()} `,
          password: 'a long enough password',
          name: 'Alice Booker',
          agencyName: 'Alice Live',
        });
        expect(res.statusCode).toBe(201);
        const body = AuthResponse.parse(res.json());
        expect(body.user).toEqual({ id: expect.any(String), email, name: 'Alice Booker' });
        expect(body.workspaces).toEqual([{ id: expect.any(String), name: 'Alice Live', role: 'owner' }]);
        expect(body.refreshToken.length).toBeGreaterThanOrEqual(40);
        expect(res.body).not.toContain('a long enough password');
        expect(res.body).not.toContain('scrypt');

        const header = decodeProtectedHeader(body.accessToken);
        const claims = decodeJwt(body.accessToken);
        expect(header.alg).toBe('HS256');
        expect(claims.sub).toBe(body.user.id);
        expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(15 * 60);
        expect(new Date(body.accessTokenExpiresAt).getTime()).toBe((claims.exp ?? 0) * 1000);
      });

      it('names the workspace "<name>\'s agency" by default', async () => {
        const body = await signUp(t.app, { name: 'Bob' });
        expect(body.workspaces.map((w) => w.name)).toEqual(["Bob's agency"]);
      });

      it('refuses a second account for the same e-mail (any case) with 409 email_taken', async () => {
        const email = uniqueEmail('dup');
        await signUp(t.app, { email });
        const res = await postJson(t.app, '/v1/auth/signup', {
          email: email.toUpperCase(),
          password: 'another password',
          name: 'Impostor',
        });
        expect(res.statusCode).toBe(409);
        expect(errorOf(res.body).code).toBe('email_taken');
      });

      it.each([
        ['missing fields', {}, ['email', 'password', 'name']],
        ['a bad e-mail', { email: 'not-an-email', password: 'long enough pw', name: 'X' }, ['email']],
        ['a short password', { email: 'short@example.test', password: 'short', name: 'X' }, ['password']],
        ['an empty name', { email: 'name@example.test', password: 'long enough pw', name: '   ' }, ['name']],
        ['a non-object body', ['email'], ['']],
        [
          'a NUL character',
          { email: 'nul@example.test', password: 'long enough pw', name: 'A\u0000B' },
          ['name'],
        ],
      ])('answers 400 invalid_body for %s', async (_label, body, paths) => {
        const res = await postJson(t.app, '/v1/auth/signup', body);
        expect(res.statusCode).toBe(400);
        const error = errorOf(res.body);
        expect(error.code).toBe('invalid_body');
        const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
        expect(issues.map((i) => i.path).sort()).toEqual([...paths].sort());
        expect(res.body).not.toContain('short"');
      });

      it('answers 400 invalid_body for a body that is not JSON', async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/v1/auth/signup',
          headers: { 'content-type': 'application/json' },
          payload: '{"email": "a@b.co", "password": ',
        });
        expect(res.statusCode).toBe(400);
        expect(errorOf(res.body)).toEqual({
          code: 'invalid_body',
          message: 'The request body is not valid JSON',
        });
      });

      it('answers 4xx, never 500, for other content types and empty bodies', async () => {
        const form = await t.app.inject({
          method: 'POST',
          url: '/v1/auth/signup',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'email=a%40b.co',
        });
        expect(form.statusCode).toBe(415);
        expect(errorOf(form.body).code).toBe('unsupported_media_type');
        const text = await t.app.inject({
          method: 'POST',
          url: '/v1/auth/signup',
          headers: { 'content-type': 'text/plain' },
          payload: 'hello',
        });
        expect(text.statusCode).toBe(400);
        expect(errorOf(text.body).code).toBe('invalid_body');
        const empty = await t.app.inject({ method: 'POST', url: '/v1/auth/signup' });
        expect(empty.statusCode).toBe(400);
        expect(errorOf(empty.body).code).toBe('invalid_body');
      });
    });

    describe('sign-in', () => {
      it('signs in with the right password', async () => {
        const account = await signUp(t.app);
        const res = await signIn(account.user.email.toUpperCase(), account.password);
        expect(res.statusCode).toBe(200);
        const body = AuthResponse.parse(res.json());
        expect(body.user).toEqual(account.user);
        expect(body.workspaces).toEqual(account.workspaces);
        expect(body.refreshToken).not.toBe(account.refreshToken);
      });

      it('answers the same 401 invalid_credentials for a wrong password and an unknown e-mail', async () => {
        const account = await signUp(t.app);
        const wrong = await signIn(account.user.email, 'not the password');
        const unknown = await signIn(uniqueEmail('nobody'), 'not the password');
        expect(wrong.statusCode).toBe(401);
        expect(unknown.statusCode).toBe(401);
        expect(errorOf(wrong.body)).toEqual(errorOf(unknown.body));
        expect(errorOf(wrong.body).code).toBe('invalid_credentials');
      });

      it('answers 400 for a malformed sign-in body', async () => {
        const res = await postJson(t.app, '/v1/auth/signin', { email: 'nope', password: '' });
        expect(res.statusCode).toBe(400);
        expect(errorOf(res.body).code).toBe('invalid_body');
      });

      it('throttles repeated failures for one e-mail with 429 and Retry-After', async () => {
        const account = await signUp(t.app);
        for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
          expect((await signIn(account.user.email, 'wrong password')).statusCode).toBe(401);
        }
        const blocked = await signIn(account.user.email, account.password);
        expect(blocked.statusCode).toBe(429);
        expect(errorOf(blocked.body).code).toBe('rate_limited');
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
        t.clock.advance(15 * 60 * 1000);
        expect((await signIn(account.user.email, account.password)).statusCode).toBe(200);
      });

      it('throttles many attempts from one IP', async () => {
        const ip = '198.51.100.77';
        for (let i = 0; i < MAX_ATTEMPTS_PER_IP; i++) {
          expect((await signIn(uniqueEmail('spray'), 'guess guess', ip)).statusCode).toBe(401);
        }
        expect((await signIn(uniqueEmail('spray'), 'guess guess', ip)).statusCode).toBe(429);
      });
    });

    describe('refresh and sign-out', () => {
      it('rotates the refresh token: each one works exactly once', async () => {
        const account = await signUp(t.app);
        const first = await postJson(t.app, '/v1/auth/refresh', { refreshToken: account.refreshToken });
        expect(first.statusCode).toBe(200);
        const rotated = AuthResponse.parse(first.json());
        expect(rotated.refreshToken).not.toBe(account.refreshToken);
        expect(rotated.user).toEqual(account.user);

        const second = await postJson(t.app, '/v1/auth/refresh', { refreshToken: rotated.refreshToken });
        expect(second.statusCode).toBe(200);
        const me = await t.app.inject({
          method: 'GET',
          url: '/v1/me',
          headers: bearer(AuthResponse.parse(second.json()).accessToken),
        });
        expect(me.statusCode).toBe(200);
      });

      it('revokes the whole family when a used refresh token is presented again', async () => {
        const account = await signUp(t.app);
        const rotated = AuthResponse.parse(
          (await postJson(t.app, '/v1/auth/refresh', { refreshToken: account.refreshToken })).json(),
        );
        const replay = await postJson(t.app, '/v1/auth/refresh', { refreshToken: account.refreshToken });
        expect(replay.statusCode).toBe(401);
        expect(errorOf(replay.body).code).toBe('refresh_token_reused');
        const legit = await postJson(t.app, '/v1/auth/refresh', { refreshToken: rotated.refreshToken });
        expect(legit.statusCode).toBe(401);
        expect(errorOf(legit.body).code).toBe('invalid_refresh_token');
      });

      it('lets only one of two concurrent refreshes with the same token win', async () => {
        const account = await signUp(t.app);
        const results = await Promise.all(
          [1, 2].map(() => postJson(t.app, '/v1/auth/refresh', { refreshToken: account.refreshToken })),
        );
        expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
      });

      it('keeps other sessions alive when one family is revoked', async () => {
        const account = await signUp(t.app);
        const other = AuthResponse.parse((await signIn(account.user.email, account.password)).json());
        await postJson(t.app, '/v1/auth/refresh', { refreshToken: account.refreshToken });
        await postJson(t.app, '/v1/auth/refresh', { refreshToken: account.refreshToken });
        const res = await postJson(t.app, '/v1/auth/refresh', { refreshToken: other.refreshToken });
        expect(res.statusCode).toBe(200);
      });

      it('rejects unknown and expired refresh tokens', async () => {
        const unknown = await postJson(t.app, '/v1/auth/refresh', { refreshToken: 'x'.repeat(43) });
        expect(unknown.statusCode).toBe(401);
        expect(errorOf(unknown.body).code).toBe('invalid_refresh_token');

        const account = await signUp(t.app);
        t.clock.advance(31 * 24 * 60 * 60 * 1000);
        const expired = await postJson(t.app, '/v1/auth/refresh', { refreshToken: account.refreshToken });
        expect(expired.statusCode).toBe(401);
        expect(errorOf(expired.body).code).toBe('invalid_refresh_token');
      });

      it('signs out: 204, and the refresh token no longer works', async () => {
        const account = await signUp(t.app);
        const out = await postJson(t.app, '/v1/auth/signout', { refreshToken: account.refreshToken });
        expect(out.statusCode).toBe(204);
        expect(out.body).toBe('');
        const res = await postJson(t.app, '/v1/auth/refresh', { refreshToken: account.refreshToken });
        expect(res.statusCode).toBe(401);
        expect(
          (await postJson(t.app, '/v1/auth/signout', { refreshToken: account.refreshToken })).statusCode,
        ).toBe(204);
        expect((await postJson(t.app, '/v1/auth/signout', {})).statusCode).toBe(400);
      });
    });

    describe('bearer tokens', () => {
      it('rejects missing, malformed, forged and expired access tokens with 401', async () => {
        const account = await signUp(t.app);
        const me = (headers: Record<string, string>) =>
          t.app.inject({ method: 'GET', url: '/v1/me', headers });

        const missing = await me({});
        expect(missing.statusCode).toBe(401);
        expect(errorOf(missing.body).code).toBe('unauthorized');
        expect((await me({ authorization: `Basic ${account.accessToken}` })).statusCode).toBe(401);
        const [h, p] = account.accessToken.split('.');
        const forged = await me(bearer(`${h}.${p}.${'A'.repeat(43)}`));
        expect(forged.statusCode).toBe(401);
        expect(errorOf(forged.body).code).toBe('invalid_token');

        t.clock.advance(16 * 60 * 1000);
        const expired = await me(bearer(account.accessToken));
        expect(expired.statusCode).toBe(401);
        expect(errorOf(expired.body).code).toBe('token_expired');
      });
    });
  });
}
