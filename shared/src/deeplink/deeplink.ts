/**
 * `flowstage://` deep links: parsed and validated (zod) into a typed route, or a clear
 * error. Used by the Electron main process (open-url / second-instance) and by the
 * browser shell's `/link?u=` entry point, so both accept exactly the same links.
 *
 *   flowstage://artist/<uuid>   flowstage://deal/<uuid>   flowstage://venue/<uuid>
 *   flowstage://open?workspace=<uuid>
 */
import { z } from 'zod';
import { UUID_RE } from '../ids';

export const DEEP_LINK_SCHEME = 'flowstage';
/** Longest link accepted (anything longer is refused before parsing). */
export const MAX_DEEP_LINK_LENGTH = 2048;

const Id = z.string().regex(UUID_RE, 'expected a lowercase UUID');

export const DeepLinkRoute = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('artist'), id: Id }).strict(),
  z.object({ kind: z.literal('deal'), id: Id }).strict(),
  z.object({ kind: z.literal('venue'), id: Id }).strict(),
  z.object({ kind: z.literal('open'), workspaceId: Id }).strict(),
]);
export type DeepLinkRoute = z.infer<typeof DeepLinkRoute>;
export type DeepLinkKind = DeepLinkRoute['kind'];

export type DeepLinkErrorCode =
  | 'too_long'
  | 'not_a_url'
  | 'wrong_scheme'
  | 'unknown_target'
  | 'bad_id'
  | 'unexpected_parts';

export type DeepLinkResult =
  | { ok: true; route: DeepLinkRoute }
  | { ok: false; error: { code: DeepLinkErrorCode; message: string } };

const ENTITY_KINDS = new Set(['artist', 'deal', 'venue']);

function fail(code: DeepLinkErrorCode, message: string): DeepLinkResult {
  return { ok: false, error: { code, message } };
}

export function parseDeepLink(raw: unknown): DeepLinkResult {
  if (typeof raw !== 'string') return fail('not_a_url', 'a deep link must be a string');
  if (raw.length > MAX_DEEP_LINK_LENGTH) {
    return fail('too_long', `a deep link is at most ${MAX_DEEP_LINK_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail('not_a_url', 'not a valid URL');
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) {
    return fail('wrong_scheme', `expected a ${DEEP_LINK_SCHEME}:// link, got ${url.protocol}//`);
  }
  if (url.username || url.password || url.port || url.hash) {
    return fail('unexpected_parts', 'a deep link has no credentials, port or fragment');
  }
  // Non-special scheme: `flowstage://deal/x` has host "deal" and pathname "/x".
  const target = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter((s) => s.length > 0);
  let candidate: unknown;
  if (ENTITY_KINDS.has(target)) {
    if (segments.length !== 1 || url.search !== '') {
      return fail('unexpected_parts', `expected ${DEEP_LINK_SCHEME}://${target}/<id>`);
    }
    candidate = { kind: target, id: decodeURIComponent(segments[0] ?? '').toLowerCase() };
  } else if (target === 'open') {
    const keys: string[] = [];
    url.searchParams.forEach((_value, key) => {
      keys.push(key);
    });
    if (segments.length !== 0 || keys.length !== 1 || keys[0] !== 'workspace') {
      return fail('unexpected_parts', `expected ${DEEP_LINK_SCHEME}://open?workspace=<id>`);
    }
    candidate = { kind: 'open', workspaceId: (url.searchParams.get('workspace') ?? '').toLowerCase() };
  } else {
    return fail('unknown_target', `unknown deep link target: ${target || '(none)'}`);
  }
  const parsed = DeepLinkRoute.safeParse(candidate);
  if (!parsed.success) return fail('bad_id', 'the id in the link is not a valid Flow Stage id');
  return { ok: true, route: parsed.data };
}

/** The canonical link for a route (inverse of parseDeepLink). */
export function formatDeepLink(route: DeepLinkRoute): string {
  if (route.kind === 'open') return `${DEEP_LINK_SCHEME}://open?workspace=${route.workspaceId}`;
  return `${DEEP_LINK_SCHEME}://${route.kind}/${route.id}`;
}

/** The renderer's hash route for a deep link route (`#/deal/<id>`, `#/open/<workspace>`). */
export function deepLinkHash(route: DeepLinkRoute): string {
  if (route.kind === 'open') return `#/open/${route.workspaceId}`;
  return `#/${route.kind}/${route.id}`;
}

/** Finds the first flowstage:// link in a command line (Windows/Linux second-instance argv). */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (typeof arg === 'string' && arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) return arg;
  }
  return null;
}

/** The route of a renderer hash (`#/deal/<id>`, `#/open/<workspace>`), or null (inverse of deepLinkHash). */
export function routeFromHash(hash: string): DeepLinkRoute | null {
  const match = /^#\/(artist|deal|venue|open)\/([^/?#]+)$/.exec(hash);
  if (!match) return null;
  const [, kind = '', id = ''] = match;
  const link =
    kind === 'open' ? `${DEEP_LINK_SCHEME}://open?workspace=${id}` : `${DEEP_LINK_SCHEME}://${kind}/${id}`;
  const result = parseDeepLink(link);
  return result.ok ? result.route : null;
}
