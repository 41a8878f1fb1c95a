/**
 * The cloud API's relational schema (PostgreSQL; PGlite in embedded mode).
 * Migrations are generated from this file with drizzle-kit into `cloud-api/drizzle/`.
 */
import type { MemberRole } from '@flowstage/shared';
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Mirrors `MemberRole` from @flowstage/shared (checked at compile time below). */
export const MEMBER_ROLES = ['owner', 'agent', 'assistant'] as const;
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const memberRolesMatchShared: SameSet<(typeof MEMBER_ROLES)[number], MemberRole> = true;
void memberRolesMatchShared;

export const memberRole = pgEnum('member_role', MEMBER_ROLES);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  /** Always stored lower-cased and trimmed (the `Email` schema normalises it). */
  email: text('email').notNull().unique('users_email_unique'),
  name: text('name').notNull(),
  /** `scrypt$N$r$p$salt$hash` (see src/crypto/password.ts); never returned by the API. */
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Every token obtained by rotating one sign-in shares its family. */
    familyId: uuid('family_id').notNull(),
    /** sha256 (hex) of the opaque token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique('refresh_tokens_token_hash_unique'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when the token was exchanged for a new pair (one-time use). */
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** Set on sign-out or when reuse of a rotated token revoked the family. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('refresh_tokens_family_idx').on(t.familyId), index('refresh_tokens_user_idx').on(t.userId)],
);

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const workspaceMembers = pgTable(
  'workspace_members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    /** For agents: the roster artists assigned to them (NULL = none yet). Ignored for other roles. */
    artistIds: text('artist_ids').array(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId], name: 'workspace_members_pk' }),
    index('workspace_members_user_idx').on(t.userId),
  ],
);

export const schema = { users, refreshTokens, workspaces, workspaceMembers, memberRole };
export type Schema = typeof schema;
