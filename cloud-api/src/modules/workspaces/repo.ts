/** SQL for `workspaces` and `workspace_members`. */
import type { MemberRole, WorkspaceDto } from '@flowstage/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { workspaceMembers, workspaces } from '../../db/schema';

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type MemberRow = typeof workspaceMembers.$inferSelect;

export async function insertWorkspace(
  db: Db,
  workspace: { id: string; name: string; createdBy: string },
): Promise<WorkspaceRow> {
  const rows = await db.insert(workspaces).values(workspace).returning();
  const row = rows[0];
  if (!row) throw new Error('insert into workspaces returned no row');
  return row;
}

export async function insertMember(
  db: Db,
  member: { workspaceId: string; userId: string; role: MemberRole; artistIds?: string[] | null },
): Promise<void> {
  await db.insert(workspaceMembers).values({ ...member, artistIds: member.artistIds ?? null });
}

export async function findWorkspaceById(db: Db, id: string): Promise<WorkspaceRow | null> {
  const rows = await db.select().from(workspaces).where(eq(workspaces.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findMembership(db: Db, workspaceId: string, userId: string): Promise<MemberRow | null> {
  const rows = await db
    .select()
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .limit(1);
  return rows[0] ?? null;
}

/** The user's workspaces with their role, oldest membership first. */
export async function listWorkspacesOfUser(db: Db, userId: string): Promise<WorkspaceDto[]> {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(asc(workspaceMembers.createdAt), asc(workspaces.id));
}

/** A workspace of that name the user owns, if any (the demo agency is found this way). */
export async function findOwnedWorkspaceByName(
  db: Db,
  userId: string,
  name: string,
): Promise<WorkspaceRow | null> {
  const rows = await db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      createdBy: workspaces.createdBy,
      createdAt: workspaces.createdAt,
    })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(
      and(eq(workspaceMembers.userId, userId), eq(workspaceMembers.role, 'owner'), eq(workspaces.name, name)),
    )
    .orderBy(asc(workspaces.createdAt))
    .limit(1);
  return rows[0] ?? null;
}
