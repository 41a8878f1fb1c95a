import { ApiError } from '@flowstage/shared';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../context';
import { loadKeys } from '../../crypto/keys';
import { TEST_SCRYPT } from '../../testing/harness';
import type { Database } from '../../db/client';
import { installErrorHandlers } from '../../http/errors';
import { DEFAULT_SIGN_IN_RATE_LIMIT, SignInRateLimiter } from '../auth/rate-limit';
import { registerHealthRoutes } from './routes';

/** The health route with a database that has gone away (the happy path is covered end to end). */
describe('GET /health when the database is down', () => {
  it('answers 503 db_unavailable', async () => {
    const down: Database = {
      db: undefined as never,
      kind: 'postgres',
      ping: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
      close: () => Promise.resolve(),
    };
    const ctx: AppContext = {
      db: down.db,
      database: down,
      keys: await loadKeys({ dataDir: ':memory:' }),
      now: () => new Date(),
      scrypt: TEST_SCRYPT,
      signInLimiter: new SignInRateLimiter(DEFAULT_SIGN_IN_RATE_LIMIT, () => Date.now()),
      startedAt: new Date(),
    };
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandlers(app);
    registerHealthRoutes(app, ctx);
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(ApiError.parse(res.json()).error).toEqual({
      code: 'db_unavailable',
      message: 'The database is not answering',
      details: { db: 'postgres' },
    });
    expect(res.body).not.toContain('ECONNREFUSED');
    await app.close();
  });
});
