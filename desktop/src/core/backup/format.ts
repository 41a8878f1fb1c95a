/**
 * The workspace backup file: ONE file holding every document's merged Yjs state.
 *
 *   "FLOWSTAGE-BACKUP\n"            17 bytes, magic
 *   version                         u32 big-endian (1)
 *   header length                   u32 big-endian
 *   header                          UTF-8 JSON (BackupHeader): workspace, app version,
 *                                   and per document its id, byte length and sha256
 *   documents                       each document's state, in header order
 *   sha256                          32 bytes, of everything before it
 *
 * `decodeBackup` checks everything (magic, version, lengths, the file's and every
 * document's checksum, that every document decodes to a complete Yjs state, that the
 * root document is there) and throws a BackupError with a code otherwise.
 */
import { createHash } from 'node:crypto';
import { IsoDateTime, isDocId, isWorkspaceId, ROOT_DOC } from '@flowstage/shared';
import * as Y from 'yjs';
import { z } from 'zod';

export const BACKUP_MAGIC = Buffer.from('FLOWSTAGE-BACKUP\n', 'latin1');
export const BACKUP_VERSION = 1;
const PREFIX = BACKUP_MAGIC.length + 8;
const HASH_BYTES = 32;
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

export type BackupErrorCode =
  | 'not_found'
  | 'unreadable'
  | 'not_a_backup'
  | 'unsupported_version'
  | 'truncated'
  | 'corrupt'
  | 'invalid_header'
  | 'invalid_document'
  | 'missing_root'
  | 'exists'
  | 'write_failed';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const BackupDocument = z
  .object({
    docId: z.string().refine(isDocId, 'not a document id'),
    bytes: z.number().int().min(1),
    sha256: Sha256Hex,
  })
  .strict();

export const BackupHeader = z
  .object({
    format: z.literal('flowstage-workspace-backup'),
    workspaceId: z.string().refine(isWorkspaceId, 'not a workspace id'),
    name: z.string().max(500),
    createdAt: IsoDateTime,
    appVersion: z.string().max(100),
    layoutVersion: z.number().int().min(1),
    schemaVersion: z.number().int().min(1),
    documents: z.array(BackupDocument).min(1).max(1_000_000),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeader>;

export function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** Everything but the document list, which `encodeBackup` derives from the states. */
export type BackupInfo = Omit<BackupHeader, 'format' | 'documents'>;

export function encodeBackup(info: BackupInfo, states: ReadonlyMap<string, Uint8Array>): Buffer {
  const documents = [...states].map(([docId, state]) => ({
    docId,
    bytes: state.length,
    sha256: sha256(state).toString('hex'),
  }));
  const header = BackupHeader.parse({ format: 'flowstage-workspace-backup', ...info, documents });
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const fixed = Buffer.alloc(8);
  fixed.writeUInt32BE(BACKUP_VERSION, 0);
  fixed.writeUInt32BE(json.length, 4);
  const body = Buffer.concat([BACKUP_MAGIC, fixed, json, ...states.values()]);
  return Buffer.concat([body, sha256(body)]);
}

export interface DecodedBackup {
  header: BackupHeader;
  /** Every document's state, in header order (each already checked to decode). */
  states: Map<string, Uint8Array>;
  bytes: number;
}

function fail(code: BackupErrorCode, message: string): never {
  throw new BackupError(code, message);
}

/** Parse the header, or null when it is not readable JSON of the right shape. */
function readHeader(file: Buffer): { header: BackupHeader; end: number } | { error: string } {
  const length = file.readUInt32BE(BACKUP_MAGIC.length + 4);
  if (length > MAX_HEADER_BYTES) return { error: `the header claims ${length} bytes` };
  if (PREFIX + length > file.length) return { error: 'the header is cut short' };
  let json: unknown;
  try {
    json = JSON.parse(file.subarray(PREFIX, PREFIX + length).toString('utf8'));
  } catch {
    return { error: 'the header is not JSON' };
  }
  const parsed = BackupHeader.safeParse(json);
  if (!parsed.success) return { error: z.prettifyError(parsed.error) };
  return { header: parsed.data, end: PREFIX + length };
}

/** Whether `state` is a complete Yjs document state (decodes, no missing dependencies). */
export function isCompleteState(state: Uint8Array): boolean {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return doc.store.pendingStructs === null && doc.store.pendingDs === null;
  } catch {
    return false;
  } finally {
    doc.destroy();
  }
}

export function decodeBackup(file: Buffer): DecodedBackup {
  const head = file.subarray(0, BACKUP_MAGIC.length);
  if (!BACKUP_MAGIC.subarray(0, head.length).equals(head) || file.length === 0) {
    fail('not_a_backup', 'this file is not a Flow Stage backup');
  }
  if (file.length < PREFIX + HASH_BYTES) fail('truncated', 'the backup file is truncated');
  const version = file.readUInt32BE(BACKUP_MAGIC.length);
  if (version !== BACKUP_VERSION) {
    fail(
      'unsupported_version',
      `backup format version ${version} is not supported (this app reads ${BACKUP_VERSION})`,
    );
  }
  const body = file.subarray(0, file.length - HASH_BYTES);
  const checksumOk = sha256(body).equals(file.subarray(file.length - HASH_BYTES));
  const read = readHeader(file);
  if (!checksumOk) {
    // A header, or documents, announced beyond the end of the file: the file was cut short.
    if (PREFIX + file.readUInt32BE(BACKUP_MAGIC.length + 4) + HASH_BYTES > file.length) {
      fail('truncated', 'the backup file is truncated');
    }
    if ('header' in read) {
      const expected = read.end + read.header.documents.reduce((n, d) => n + d.bytes, 0) + HASH_BYTES;
      if (expected > file.length) fail('truncated', 'the backup file is truncated');
    }
    fail('corrupt', 'the backup file is damaged (its checksum does not match)');
  }
  if ('error' in read) fail('invalid_header', `the backup header is invalid: ${read.error}`);
  const { header, end } = read;
  const total = end + header.documents.reduce((n, d) => n + d.bytes, 0);
  if (total !== body.length) fail('corrupt', 'the document lengths in the header do not match the file');
  const states = new Map<string, Uint8Array>();
  let offset = end;
  for (const d of header.documents) {
    if (states.has(d.docId)) fail('invalid_header', `document ${d.docId} appears twice`);
    const state = body.subarray(offset, offset + d.bytes);
    offset += d.bytes;
    if (sha256(state).toString('hex') !== d.sha256) fail('corrupt', `document ${d.docId} is damaged`);
    if (!isCompleteState(state))
      fail('invalid_document', `document ${d.docId} is not a valid document state`);
    states.set(d.docId, state);
  }
  if (!states.has(ROOT_DOC)) fail('missing_root', 'the backup has no root document');
  return { header, states, bytes: file.length };
}
