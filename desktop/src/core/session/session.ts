/**
 * The signed-in user on this device: kept in `<dataDir>/session.json` (mode 0600,
 * written atomically) so the app reopens the last workspace offline. The access token
 * lives in memory only and is refreshed on demand; refresh tokens rotate, and the new
 * one is saved before it is used.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AuthResponse, UserDto, WorkspaceDto } from '@flowstage/shared';
import { z } from 'zod';
import type { CloudClient } from '../cloud/client';
import { CloudError } from '../cloud/client';

const StoredSession = z.object({
  user: UserDto,
  refreshToken: z.string(),
  workspaces: z.array(WorkspaceDto),
  workspaceId: z.string().nullable(),
});
export type StoredSession = z.infer<typeof StoredSession>;

/** Refresh the access token when it has less than this left. */
const ACCESS_MARGIN_MS = 60_000;

export class Session {
  private stored: StoredSession | null;
  private access: { token: string; expiresAt: number } | null = null;
  private refreshing: Promise<string> | null = null;
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly cloud: CloudClient,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'session.json');
    this.stored = readSession(this.file);
  }

  get current(): StoredSession | null {
    return this.stored;
  }

  /** Store a fresh sign-in / sign-up answer. */
  adopt(auth: AuthResponse): StoredSession {
    const previous = this.stored?.user.id === auth.user.id ? this.stored.workspaceId : null;
    const keep = previous && auth.workspaces.some((w) => w.id === previous) ? previous : null;
    this.access = { token: auth.accessToken, expiresAt: Date.parse(auth.accessTokenExpiresAt) };
    this.save({
      user: auth.user,
      refreshToken: auth.refreshToken,
      workspaces: auth.workspaces,
      workspaceId: keep ?? auth.workspaces[0]?.id ?? null,
    });
    return this.stored!;
  }

  selectWorkspace(workspaceId: string): void {
    if (!this.stored) throw new Error('not signed in');
    this.save({ ...this.stored, workspaceId });
  }

  async signOut(): Promise<void> {
    const token = this.stored?.refreshToken;
    this.stored = null;
    this.access = null;
    writeSession(this.file, null);
    if (token) await this.cloud.signOut(token).catch(() => undefined);
  }

  /** A valid access token, refreshing (and rotating the refresh token) when needed. */
  async accessToken(): Promise<string> {
    if (this.access && this.access.expiresAt - Date.now() > ACCESS_MARGIN_MS) return this.access.token;
    if (!this.refreshing) {
      this.refreshing = this.refresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async refresh(): Promise<string> {
    const stored = this.stored;
    if (!stored) throw new CloudError('signed_out', 'not signed in', 401);
    const auth = await this.cloud.refresh(stored.refreshToken);
    this.access = { token: auth.accessToken, expiresAt: Date.parse(auth.accessTokenExpiresAt) };
    this.save({ ...stored, user: auth.user, refreshToken: auth.refreshToken, workspaces: auth.workspaces });
    return auth.accessToken;
  }

  private save(next: StoredSession): void {
    this.stored = next;
    writeSession(this.file, next);
  }
}

function readSession(file: string): StoredSession | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = StoredSession.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeSession(file: string, session: StoredSession | null): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(session), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
