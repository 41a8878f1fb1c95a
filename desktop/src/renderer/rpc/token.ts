/**
 * The browser shell's launch token arrives in the URL fragment (`#token=…`). It is
 * kept in sessionStorage (so a reload still works) and removed from the visible URL
 * (so it does not linger in the address bar, history or screenshots).
 */
export const TOKEN_STORAGE_KEY = 'flowstage.shellToken';

export interface TokenEnvironment {
  hash: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Removes the fragment from the visible URL without reloading. */
  clearHash(): void;
}

export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.length > 0 ? token : null;
}

export function takeShellToken(env: TokenEnvironment): string | null {
  const fromHash = tokenFromHash(env.hash);
  if (fromHash) {
    env.storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    env.clearHash();
    return fromHash;
  }
  return env.storage.getItem(TOKEN_STORAGE_KEY);
}

export function browserTokenEnvironment(): TokenEnvironment {
  return {
    hash: window.location.hash,
    storage: window.sessionStorage,
    clearHash: () =>
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      ),
  };
}
