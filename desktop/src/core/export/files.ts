/**
 * Writing an export to the path the user chose: atomically (a temporary file renamed over
 * the target, so a failed export never leaves half a file), creating the folder when it is
 * missing, with one translated error code when the disk refuses.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RpcHandlers } from '@flowstage/shared';
import { RpcError } from '../rpc/dispatch';

export function defaultExportFolder(home: string): string {
  return join(home, 'Flow Stage', 'Exports');
}

/** Write `data` to `path`; returns the number of bytes written. */
export async function writeExportFile(path: string, data: string | Uint8Array): Promise<number> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new RpcError('file_unwritable', `cannot write ${path}: ${(err as Error).message}`);
  }
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

export function fileHandlers(home: () => string = homedir): Pick<RpcHandlers, 'exports.defaultPath'> {
  return {
    'exports.defaultPath': async ({ fileName }) => ({ path: join(defaultExportFolder(home()), fileName) }),
  };
}
