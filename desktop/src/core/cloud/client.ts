/**
 * The desktop's client of the cloud API. Responses are parsed with the shared zod
 * schemas; failures become a `CloudError` with a stable code (`network` when the
 * cloud cannot be reached, else the API's own error code).
 */
import {
  ApiError,
  AuthResponse,
  MeResponse,
  SyncTokenResponse,
  type SignInBody,
  type SignUpBody,
} from '@flowstage/shared';
import type { z } from 'zod';

export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

export class CloudClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  signUp(body: SignUpBody): Promise<AuthResponse> {
    return this.request('POST', '/v1/auth/signup', AuthResponse, body);
  }

  signIn(body: SignInBody): Promise<AuthResponse> {
    return this.request('POST', '/v1/auth/signin', AuthResponse, body);
  }

  refresh(refreshToken: string): Promise<AuthResponse> {
    return this.request('POST', '/v1/auth/refresh', AuthResponse, { refreshToken });
  }

  async signOut(refreshToken: string): Promise<void> {
    await this.request('POST', '/v1/auth/signout', null, { refreshToken });
  }

  me(accessToken: string): Promise<MeResponse> {
    return this.request('GET', '/v1/me', MeResponse, undefined, accessToken);
  }

  syncToken(accessToken: string, workspaceId: string): Promise<SyncTokenResponse> {
    return this.request(
      'POST',
      `/v1/workspaces/${encodeURIComponent(workspaceId)}/sync-token`,
      SyncTokenResponse,
      {},
      accessToken,
    );
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T> | null,
    body?: unknown,
    accessToken?: string,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    let res: Response;
    try {
      res = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new CloudError('network', `cloud unreachable (${reason})`, 0);
    }
    const text = await res.text();
    const json: unknown = text ? safeJson(text) : null;
    if (!res.ok) {
      const parsed = ApiError.safeParse(json);
      if (parsed.success) throw new CloudError(parsed.data.error.code, parsed.data.error.message, res.status);
      throw new CloudError('http_error', `cloud answered ${res.status}`, res.status);
    }
    if (schema === null) return undefined as T;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new CloudError('bad_response', `unexpected response from ${path}`, res.status);
    return parsed.data;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
