/**
 * The Electron window's security rules as pure functions and constants, so they are
 * tested without the Electron binary: hardened webPreferences, the app:// origin,
 * navigation / window.open decisions, and permission requests (always denied).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'flowstage';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** webPreferences of every window (the preload path is added by the caller). */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** An external link the OS browser may open: http(s) only, no credentials. */
export function isExternalWebUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

export type NavigationDecision = 'allow' | 'external' | 'deny';

/** In-window navigation (will-navigate / will-redirect): only the app origin stays. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  if (isExternalWebUrl(url)) return 'external';
  return 'deny';
}

/** window.open / target=_blank: never a new app window; http(s) goes to the OS browser. */
export function decideWindowOpen(url: string): 'external' | 'deny' {
  return isExternalWebUrl(url) ? 'external' : 'deny';
}

/** Every permission request (camera, notifications, geolocation, …) is denied. */
export function decidePermission(_permission: string): false {
  return false;
}
