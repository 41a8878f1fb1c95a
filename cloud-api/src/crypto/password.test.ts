import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from './password';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one (default cost)', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored.startsWith(`scrypt$${DEFAULT_SCRYPT_PARAMS.N}$8$3$`)).toBe(true);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    const a = await hashPassword('same password', CHEAP);
    const b = await hashPassword('same password', CHEAP);
    expect(a).not.toBe(b);
    const [, , , , saltA, keyA] = a.split('$');
    expect(Buffer.from(saltA ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(keyA ?? '', 'base64url')).toHaveLength(64);
    expect(a).not.toContain('same password');
  });

  it('normalises Unicode so composed and decomposed input match', async () => {
    const stored = await hashPassword('caf\u00e9-concert', CHEAP);
    expect(await verifyPassword('cafe\u0301-concert', stored)).toBe(true);
  });

  it('reads the parameters from the stored hash', async () => {
    const stored = await hashPassword('an old password', CHEAP);
    expect(await verifyPassword('an old password', stored)).toBe(true);
    expect(needsRehash(stored)).toBe(true);
    expect(needsRehash(stored, CHEAP)).toBe(false);
  });

  it('treats unreadable hashes as a mismatch, never an exception', async () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$1$2$3$abc$def',
      'scrypt$1000$8$1$c2FsdA$a2V5',
      'scrypt$1024$8$1$$',
    ]) {
      expect(await verifyPassword('whatever', stored)).toBe(false);
      expect(needsRehash(stored)).toBe(true);
    }
  });

  it('burns comparable work for unknown accounts', async () => {
    expect(await verifyAgainstDummy('anything at all')).toBe(false);
  });
});
