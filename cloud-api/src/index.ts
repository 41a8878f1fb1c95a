/** Public API of @flowstage/cloud-api (the process entry point is src/main.ts). */
export { type CloudApi, type CloudApiOptions, createCloudApi } from './app';
export { DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './crypto/password';
export { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_TTL_SECONDS } from './crypto/tokens';
export type { Db, DbKind } from './db/client';
export * as dbSchema from './db/schema';
export { DEFAULT_SIGN_IN_RATE_LIMIT, type SignInRateLimitOptions } from './modules/auth/rate-limit';
export {
  DEMO_EMAIL,
  DEMO_NAME,
  DEMO_PASSWORD,
  DEMO_WORKSPACE_NAME,
  type DemoAgency,
} from './modules/demo/service';
export { VERSION } from './version';
