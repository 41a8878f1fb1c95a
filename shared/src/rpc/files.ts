/**
 * Files written by the core on this device (backups, exports, PDFs): the user picks an
 * absolute path (Electron: the save dialog; browser shell: a path field pre-filled with
 * the core's default under `~/Flow Stage/Exports`).
 */
import { z } from 'zod';

/** An absolute file path on this device. */
export const LocalFilePath = z
  .string()
  .min(2)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'the path must not contain NUL characters')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'the path must be absolute');

/** What an export wrote. */
export const ExportedFile = z.object({
  path: z.string(),
  bytes: z.number().int(),
  /** Pages of a PDF; rows of a table export; items otherwise. */
  count: z.number().int(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** A file name (no folder) suggested by the renderer for an export's default path. */
export const ExportFileName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\:*?"<>|\0]+$/, 'a file name without folders or reserved characters');

export const filesContract = {
  /** `<home>/Flow Stage/Exports/<fileName>` (the folder is created when written to). */
  'exports.defaultPath': {
    params: z.object({ fileName: ExportFileName }).strict(),
    result: z.object({ path: z.string() }),
  },
} as const;
