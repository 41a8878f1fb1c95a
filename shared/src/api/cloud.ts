/**
 * The cloud API's HTTP contract (bodies and responses), shared by the server, the
 * desktop core and the portal. Routes live under /v1.
 */
import { z } from 'zod';
import { MemberRole } from '../domain/enums';

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid e-mail address' }))
  .pipe(z.string().max(254));
export const Password = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(200, { message: 'must be at most 200 characters' });

export const SignUpBody = z.object({
  email: Email,
  password: Password,
  name: z.string().trim().min(1).max(120),
  agencyName: z.string().trim().min(1).max(120).optional(),
});
export type SignUpBody = z.infer<typeof SignUpBody>;

export const SignInBody = z.object({
  email: Email,
  password: z.string().min(1).max(200),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const RefreshBody = z.object({ refreshToken: z.string().min(20).max(200) });
export type RefreshBody = z.infer<typeof RefreshBody>;

export const UserDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
});
export type UserDto = z.infer<typeof UserDto>;

export const WorkspaceDto = z.object({
  id: z.string(),
  name: z.string(),
  role: MemberRole,
});
export type WorkspaceDto = z.infer<typeof WorkspaceDto>;

export const AuthResponse = z.object({
  user: UserDto,
  accessToken: z.string(),
  /** ISO timestamp */
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
  workspaces: z.array(WorkspaceDto),
});
export type AuthResponse = z.infer<typeof AuthResponse>;

export const MeResponse = z.object({ user: UserDto, workspaces: z.array(WorkspaceDto) });
export type MeResponse = z.infer<typeof MeResponse>;

export const CreateWorkspaceBody = z.object({ name: z.string().trim().min(1).max(120) });

export const SyncTokenResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  workspaceId: z.string(),
  role: MemberRole,
});
export type SyncTokenResponse = z.infer<typeof SyncTokenResponse>;

export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  service: z.string(),
  version: z.string(),
  uptimeS: z.number(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
