/** `npm start` configuration, from the environment (documented in README.md). */
import { join, resolve } from 'node:path';
import { z } from 'zod';

const Port = z.coerce.number().int().min(0).max(65_535);

const Env = z.object({
  FLOWSTAGE_DATA_DIR: z.string().optional(),
  FLOWSTAGE_HOST: z.string().default('127.0.0.1'),
  CLOUD_API_PORT: Port.default(4000),
  SYNC_PORT: Port.default(4100),
  DESKTOP_PORT: Port.default(4200),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  FLOWSTAGE_DESKTOP: z.enum(['auto', 'electron', 'shell', 'none']).default('auto'),
});

export interface StackConfig {
  root: string;
  dataDir: string;
  host: string;
  cloudPort: number;
  syncPort: number;
  desktopPort: number;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  desktop: 'auto' | 'electron' | 'shell' | 'none';
}

export function readConfig(root: string, env: NodeJS.ProcessEnv = process.env): StackConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid configuration: ${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  return {
    root,
    dataDir: resolve(root, e.FLOWSTAGE_DATA_DIR ?? join(root, '.data')),
    host: e.FLOWSTAGE_HOST,
    cloudPort: e.CLOUD_API_PORT,
    syncPort: e.SYNC_PORT,
    desktopPort: e.DESKTOP_PORT,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    desktop: e.FLOWSTAGE_DESKTOP,
  };
}
