/**
 * Admission of an upgraded socket: room or manifest channel, authentication,
 * authorization, room loading. The WebSocket handshake is always completed first, so every
 * refusal reaches the client as a close code it can act on (y-websocket stops reconnecting
 * on 4400–4499):
 *
 *   path is neither `/<workspaceId>/<docId>`
 *   nor `/<workspaceId>/_manifest`               → 4400 badMessage
 *   no token / invalid / expired / wrong key     → 4401 unauthorized
 *   other workspace / unassigned artist document → 4403 forbidden
 *   server shutting down                         → 4503 shuttingDown
 *   key set unreachable (JWKS)                   → 1013 try again later
 *   document could not be loaded                 → 1011 internal error
 *
 * Messages a client sends while it is being admitted are held (bounded) and replayed.
 */
import type { IncomingMessage } from 'node:http';
import { SYNC_CLOSE, type SyncTokenClaims } from '@flowstage/shared';
import type { WebSocket } from 'ws';
import { authorize } from './access';
import { type TokenVerifier, TokenRejectedError, VerifierUnavailableError } from './auth';
import {
  CLOSE_INTERNAL_ERROR,
  CLOSE_TRY_AGAIN_LATER,
  Connection,
  type ConnectionOptions,
  closeReason,
} from './connection';
import type { ManifestConnection } from './manifest';
import type { Counters } from './metrics';
import type { RoomRegistry } from './registry';
import { readUpgradeTarget } from './request';

export interface AdmissionContext {
  auth: TokenVerifier;
  maxMessageBytes: number;
  registry: RoomRegistry;
  counters: Counters;
  log: (line: string) => void;
  isClosing: () => boolean;
  /** Options for the connection, built once it is admitted. */
  connectionOptions: (claims: SyncTokenClaims) => ConnectionOptions;
  /** Registers the admitted connection; returns false if the server began closing. */
  register: (connection: Connection) => boolean;
  /** A registered manifest channel connection (not started), or null if the server began closing. */
  openManifest: (ws: WebSocket, claims: SyncTokenClaims, workspaceId: string) => ManifestConnection | null;
}

/** An admitted connection: started, given what arrived during admission, then read from. */
type Admitted = Pick<Connection, 'start' | 'receive' | 'read'>;

class Refusal extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export async function admit(ws: WebSocket, req: IncomingMessage, ctx: AdmissionContext): Promise<void> {
  const held = holdMessages(ws, ctx);
  let connection: Admitted | null = null;
  try {
    connection = await admitOrRefuse(ws, req, ctx, held);
    held.stop();
    if (!connection) return;
    connection.start();
    for (const [data, isBinary] of held.messages) connection.receive(data, isBinary);
  } catch (error) {
    connection = null;
    held.stop();
    const refusal = error instanceof Refusal ? error : new Refusal(CLOSE_INTERNAL_ERROR, 'internal error');
    if (!(error instanceof Refusal)) ctx.log(`admission failed: ${(error as Error).stack ?? String(error)}`);
    ctx.counters.connectionsRefused++;
    if (ws.readyState === ws.OPEN) ws.close(refusal.code, closeReason(refusal.reason));
  } finally {
    // Read again: new messages go to the connection (unless it paused itself meanwhile),
    // or, after a refusal, the client's answer to the close frame completes the closing handshake.
    if (connection) connection.read();
    else ws.resume();
  }
}

async function admitOrRefuse(
  ws: WebSocket,
  req: IncomingMessage,
  ctx: AdmissionContext,
  held: HeldMessages,
): Promise<Admitted | null> {
  if (ctx.isClosing()) throw new Refusal(SYNC_CLOSE.shuttingDown, 'server shutting down');
  const target = readUpgradeTarget(req);
  if (!target.room && !target.manifest) throw new Refusal(SYNC_CLOSE.badMessage, 'unknown room');
  if (!target.token) throw new Refusal(SYNC_CLOSE.unauthorized, 'missing token');
  const claims = await verify(ctx, target.token);
  if (!target.room) return admitManifest(ws, claims, target.manifest!.workspaceId, ctx, held);
  const decision = authorize(claims, target.room);
  if (!decision.ok) {
    ctx.log(`refused ${claims.sub} (${claims.role}) in ${target.room.name}: ${decision.reason}`);
    throw new Refusal(SYNC_CLOSE.forbidden, decision.reason);
  }
  if (held.refusal) throw held.refusal;
  if (ctx.isClosing()) throw new Refusal(SYNC_CLOSE.shuttingDown, 'server shutting down');
  const room = await ctx.registry.acquire(target.room.name).catch(() => {
    throw new Refusal(CLOSE_INTERNAL_ERROR, 'document unavailable');
  });
  const connection = new Connection(ws, room, decision.access, claims.sub, ctx.connectionOptions(claims));
  if (held.refusal || ws.readyState !== ws.OPEN || ctx.isClosing() || !ctx.register(connection)) {
    ctx.registry.release(room);
    if (held.refusal) throw held.refusal;
    if (ws.readyState === ws.OPEN) throw new Refusal(SYNC_CLOSE.shuttingDown, 'server shutting down');
    return null;
  }
  ctx.counters.connectionsAccepted++;
  return connection;
}

/** The manifest channel: any member of the workspace (it only lists what the token may read). */
function admitManifest(
  ws: WebSocket,
  claims: SyncTokenClaims,
  workspaceId: string,
  ctx: AdmissionContext,
  held: HeldMessages,
): Admitted | null {
  if (claims.ws !== workspaceId) {
    ctx.log(`refused ${claims.sub} (${claims.role}) on the manifest of ${workspaceId}: another workspace`);
    throw new Refusal(SYNC_CLOSE.forbidden, 'token is for another workspace');
  }
  if (held.refusal) throw held.refusal;
  if (ws.readyState !== ws.OPEN) return null;
  const connection = ctx.isClosing() ? null : ctx.openManifest(ws, claims, workspaceId);
  if (!connection) throw new Refusal(SYNC_CLOSE.shuttingDown, 'server shutting down');
  ctx.counters.connectionsAccepted++;
  return connection;
}

async function verify(ctx: AdmissionContext, token: string): Promise<SyncTokenClaims> {
  try {
    return await ctx.auth.verify(token);
  } catch (error) {
    if (error instanceof TokenRejectedError) {
      throw new Refusal(
        SYNC_CLOSE.unauthorized,
        error.reason === 'expired' ? 'token expired' : 'invalid token',
      );
    }
    if (error instanceof VerifierUnavailableError) {
      ctx.log(`token verification unavailable: ${error.message}`);
      throw new Refusal(CLOSE_TRY_AGAIN_LATER, 'authentication unavailable');
    }
    throw error;
  }
}

interface HeldMessages {
  messages: Array<[WebSocket.RawData, boolean]>;
  /** Set when the client misbehaved while waiting (too much data). */
  refusal: Refusal | null;
  stop(): void;
}

/** Pauses the socket and keeps what was already received until the client is admitted. */
function holdMessages(ws: WebSocket, ctx: AdmissionContext): HeldMessages {
  const limit = 2 * ctx.maxMessageBytes;
  let bytes = 0;
  const held: HeldMessages = {
    messages: [],
    refusal: null,
    stop: () => ws.off('message', onMessage),
  };
  const onMessage = (data: WebSocket.RawData, isBinary: boolean): void => {
    bytes += Array.isArray(data) ? data.reduce((n, c) => n + c.byteLength, 0) : data.byteLength;
    if (bytes > limit) {
      held.refusal ??= new Refusal(SYNC_CLOSE.tooLarge, 'too much data before admission');
      return;
    }
    held.messages.push([data, isBinary]);
  };
  ws.on('message', onMessage);
  ws.pause();
  return held;
}
