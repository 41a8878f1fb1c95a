/**
 * The renderer's hash routes: `#/artist/<id>`, `#/venue/<id>`, `#/contact/<id>`,
 * `#/deal/<id>`, `#/open/<workspace>`. Artist, venue, deal and open go through the
 * shared deep-link parser (the same one Electron's open-url and the browser shell's
 * `/link` use); contacts, which have no `flowstage://` form yet, are validated here.
 */
import { type DeepLinkRoute, routeFromHash, UUID_RE } from '@flowstage/shared';

export type Screen = 'dashboard' | 'roster' | 'venues' | 'contacts';

export type AppRoute =
  | { kind: 'artist'; id: string }
  | { kind: 'venue'; id: string }
  | { kind: 'contact'; id: string }
  | { kind: 'deal'; id: string }
  | { kind: 'open'; workspaceId: string };

/** Parses a `location.hash`; null for anything else (including the shell's `#token=…`). */
export function parseRoute(hash: string): AppRoute | null {
  const contact = /^#\/contact\/([^/?#]+)\/?$/i.exec(hash);
  if (contact) {
    const id = decodeURIComponent(contact[1] ?? '').toLowerCase();
    return UUID_RE.test(id) ? { kind: 'contact', id } : null;
  }
  return fromDeepLink(routeFromHash(hash.replace(/\/$/, '')));
}

/** A shared deep-link route as an app route. */
export function fromDeepLink(route: DeepLinkRoute | null): AppRoute | null {
  return route;
}

export function routeHash(route: AppRoute): string {
  return route.kind === 'open' ? `#/open/${route.workspaceId}` : `#/${route.kind}/${route.id}`;
}

/** The list screen showing a record route (null for a deal: it opens on its page in the pipeline). */
export function screenOf(route: AppRoute): Screen | null {
  switch (route.kind) {
    case 'artist':
      return 'roster';
    case 'venue':
      return 'venues';
    case 'contact':
      return 'contacts';
    default:
      return null;
  }
}
