/**
 * The demo agency: a booker account in the cloud and, on first start, the agency's
 * workspace documents generated from a fixed seed. The documents are byte-identical
 * on every machine (fixed Yjs client id), so seeding is idempotent.
 */
import { AuthResponse } from '@flowstage/shared';

export const DEMO_EMAIL = 'demo@flowstage.app';
export const DEMO_PASSWORD = 'flowstage-demo';
export const DEMO_NAME = 'Camille Demo';
export const DEMO_AGENCY = 'Agence Demo Flow Stage';

/** Sign the demo booker up (first start) or in; returns the demo workspace. */
export async function ensureDemoAccount(
  cloudUrl: string,
): Promise<{ workspaceId: string; workspaceName: string }> {
  const post = (path: string, body: unknown) =>
    fetch(new URL(path, cloudUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  let res = await post('/v1/auth/signup', {
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
    name: DEMO_NAME,
    agencyName: DEMO_AGENCY,
  });
  if (res.status === 409) res = await post('/v1/auth/signin', { email: DEMO_EMAIL, password: DEMO_PASSWORD });
  if (!res.ok) throw new Error(`demo account: cloud answered ${res.status}: ${await res.text()}`);
  const auth = AuthResponse.parse(await res.json());
  const ws = auth.workspaces.find((w) => w.name === DEMO_AGENCY) ?? auth.workspaces[0];
  if (!ws) throw new Error('demo account has no workspace');
  return { workspaceId: ws.id, workspaceName: ws.name };
}
