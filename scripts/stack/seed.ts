/**
 * First start: write the demo agency's generated documents into the sync server's
 * embedded store (before the server starts), unless the workspace already has data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { roomName } from '@flowstage/shared';
import { buildWorkspaceUpdates, generateDemoAgency, parseDemoInputs } from '@flowstage/shared/demo/index';
import { SqliteDocStore } from '../../sync-server/src/store/sqlite';
import { seedRoom } from '../../sync-server/src/store/seed';

export function loadDemoInputs(root: string) {
  const read = (f: string): unknown => JSON.parse(readFileSync(join(root, 'resources/demo', f), 'utf8'));
  return parseDemoInputs(read('cities.json'), read('names.json'));
}

/** Returns true when it seeded, false when the workspace already had documents. */
export async function seedDemoWorkspace(
  dataDir: string,
  workspaceId: string,
  root: string,
): Promise<boolean> {
  const store = new SqliteDocStore(join(dataDir, 'sync', 'sync.db'));
  try {
    if ((await store.listRooms(workspaceId)).length > 0) return false;
    // Seeded relative to today, so the demo's holds and shows are current.
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T08:00:00.000Z`);
    const data = generateDemoAgency(loadDemoInputs(root), { now: today });
    for (const [docId, update] of buildWorkspaceUpdates(data)) {
      await seedRoom(store, roomName(workspaceId, docId), update);
    }
    return true;
  } finally {
    await store.close();
  }
}
