import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, type TokenEnvironment, takeShellToken, tokenFromHash } from './token';

function env(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>();
  if (stored) storage.set(TOKEN_STORAGE_KEY, stored);
  let cleared = false;
  const environment: TokenEnvironment = {
    hash,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v) },
    clearHash: () => {
      cleared = true;
    },
  };
  return { environment, storage, wasCleared: () => cleared };
}

describe('shell token', () => {
  it('reads the token from the fragment, stores it and clears the URL', () => {
    const e = env('#token=abc-_123');
    expect(takeShellToken(e.environment)).toBe('abc-_123');
    expect(e.storage.get(TOKEN_STORAGE_KEY)).toBe('abc-_123');
    expect(e.wasCleared()).toBe(true);
  });

  it('falls back to sessionStorage after a reload, and a new link replaces the old token', () => {
    expect(takeShellToken(env('', 'kept').environment)).toBe('kept');
    expect(takeShellToken(env('#token=new', 'kept').environment)).toBe('new');
    const none = env('#other=1');
    expect(takeShellToken(none.environment)).toBeNull();
    expect(none.wasCleared()).toBe(false);
  });

  it('parses only the token parameter', () => {
    expect(tokenFromHash('#a=1&token=xyz')).toBe('xyz');
    expect(tokenFromHash('#token=')).toBeNull();
  });
});
