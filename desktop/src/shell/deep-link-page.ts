/**
 * The browser shell's deep-link entry point, `GET /link?u=flowstage://…`: the same
 * shared parser as Electron's open-url. A route the renderer shows (artist → roster,
 * open → the workspace) redirects to its hash route (`/#/artist/<id>`); a target
 * whose screen does not exist yet gets a clear "not available yet" page; an invalid
 * link a clear error page. The pages are static HTML (no script: the strict CSP holds).
 */
import { type DeepLinkRoute, deepLinkHash, parseDeepLink } from '@flowstage/shared';

export const LINK_PATH = '/link';

type Lang = 'fr' | 'en';

export interface LinkResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The parsed route, when the link was valid. */
  route: DeepLinkRoute | null;
}

/** Targets that have a screen in the renderer today. */
const AVAILABLE: ReadonlySet<DeepLinkRoute['kind']> = new Set(['artist', 'open']);

const TEXT = {
  en: {
    invalidTitle: 'Invalid Flow Stage link',
    unavailableTitle: 'Not available yet',
    unavailable: (kind: string) =>
      `Flow Stage recognized this ${kind} link, but the ${kind} screen is not available yet in this version.`,
    back: 'Back to the roster',
    kinds: { artist: 'artist', deal: 'deal', venue: 'venue', open: 'workspace' },
  },
  fr: {
    invalidTitle: 'Lien Flow Stage invalide',
    unavailableTitle: 'Pas encore disponible',
    unavailable: (kind: string) =>
      `Flow Stage a reconnu ce lien (${kind}), mais cet écran n’est pas encore disponible dans cette version.`,
    back: 'Retour au roster',
    kinds: { artist: 'artiste', deal: 'affaire', venue: 'salle', open: 'espace de travail' },
  },
} as const;

export function langFromAcceptLanguage(header: string | undefined): Lang {
  const first = (header ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first === 'fr' || first.startsWith('fr-') ? 'fr' : 'en';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(lang: Lang, testId: string, title: string, message: string, detail: string | null): string {
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(title)} · Flow Stage</title>
<style>body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#1d2433;display:grid;place-items:center;min-height:100vh;margin:0}main{background:#fff;border:1px solid #dde1e8;border-radius:12px;padding:32px 40px;max-width:560px}h1{font-size:20px;margin:0 0 12px}code{background:#eef1f5;padding:2px 6px;border-radius:4px;word-break:break-all}a{color:#3b5bdb}</style>
</head>
<body><main data-testid="${testId}" role="alert">
<h1>${escapeHtml(title)}</h1>
<p data-testid="deeplink-message">${escapeHtml(message)}</p>
${detail === null ? '' : `<p><code data-testid="deeplink-detail">${escapeHtml(detail)}</code></p>`}
<p><a href="/" data-testid="deeplink-back">${escapeHtml(t.back)}</a></p>
</main></body></html>
`;
}

export function linkResponse(search: string, acceptLanguage: string | undefined): LinkResponse {
  const lang = langFromAcceptLanguage(acceptLanguage);
  const t = TEXT[lang];
  const html = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
  const params = new URLSearchParams(search);
  const raw = params.get('u');
  const result = parseDeepLink(raw);
  if (!result.ok) {
    return {
      status: 400,
      headers: html,
      body: page(lang, 'deeplink-error', t.invalidTitle, result.error.message, result.error.code),
      route: null,
    };
  }
  const { route } = result;
  if (AVAILABLE.has(route.kind)) {
    return {
      status: 302,
      headers: { Location: `/${deepLinkHash(route)}`, 'Cache-Control': 'no-store' },
      body: '',
      route,
    };
  }
  const id = route.kind === 'open' ? route.workspaceId : route.id;
  return {
    status: 200,
    headers: html,
    body: page(lang, 'deeplink-unavailable', t.unavailableTitle, t.unavailable(t.kinds[route.kind]), id),
    route,
  };
}
