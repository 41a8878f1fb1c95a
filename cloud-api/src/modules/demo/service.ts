/**
 * The demo agency: a booker account and the workspace it owns, so a fresh install (and
 * the e2e journeys) can sign in at once. Idempotent and safe to call concurrently: the
 * work runs under a transaction-scoped advisory lock.
 */
import { uuidv7 } from '@flowstage/shared';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { hashPassword, verifyPassword } from '../../crypto/password';
import { findUserByEmail, insertUser, updatePasswordHash } from '../users/repo';
import { findOwnedWorkspaceByName, insertMember, insertWorkspace } from '../workspaces/repo';

export const DEMO_EMAIL = 'demo@flowstage.app';
export const DEMO_PASSWORD = 'flowstage-demo';
export const DEMO_NAME = 'Demo Booker';
export const DEMO_WORKSPACE_NAME = 'Agence Demo Flow Stage';

export interface DemoAgency {
  userId: string;
  email: string;
  password: string;
  workspaceId: string;
  workspaceName: string;
}

export async function ensureDemoAgency(ctx: AppContext): Promise<DemoAgency> {
  const demoHash = await hashPassword(DEMO_PASSWORD, ctx.scrypt);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('flowstage:demo-agency'))`);
    let user = await findUserByEmail(tx, DEMO_EMAIL);
    if (!user) {
      user = await insertUser(tx, {
        id: uuidv7(ctx.now().getTime()),
        email: DEMO_EMAIL,
        name: DEMO_NAME,
        passwordHash: demoHash,
      });
      if (!user) throw new Error('the demo user could not be created');
    } else if (!(await verifyPassword(DEMO_PASSWORD, user.passwordHash))) {
      // The returned credentials must work: put the demo password back.
      await updatePasswordHash(tx, user.id, demoHash, ctx.now());
    }
    let workspace = await findOwnedWorkspaceByName(tx, user.id, DEMO_WORKSPACE_NAME);
    if (!workspace) {
      workspace = await insertWorkspace(tx, {
        id: uuidv7(ctx.now().getTime()),
        name: DEMO_WORKSPACE_NAME,
        createdBy: user.id,
      });
      await insertMember(tx, { workspaceId: workspace.id, userId: user.id, role: 'owner' });
    }
    return {
      userId: user.id,
      email: DEMO_EMAIL,
      password: DEMO_PASSWORD,
      workspaceId: workspace.id,
      workspaceName: workspace.name,
    };
  });
}
