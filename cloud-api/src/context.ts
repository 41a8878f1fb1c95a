/** What route handlers and services share: the database, keys, clock and policies. */
import type { ScryptParams } from './crypto/password';
import type { KeyMaterial } from './crypto/keys';
import type { Database, Db } from './db/client';
import type { SignInRateLimiter } from './modules/auth/rate-limit';

export interface AppContext {
  db: Db;
  database: Database;
  keys: KeyMaterial;
  /** The clock; injectable so tests can move time without sleeping. */
  now: () => Date;
  scrypt: ScryptParams;
  signInLimiter: SignInRateLimiter;
  startedAt: Date;
}
