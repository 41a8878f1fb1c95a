import type { SessionState } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translate';
import { backupDetails, backupPathError, restorePlan } from './backup-form';

function session(ids: string[], open: string | null): SessionState {
  const workspaces = ids.map((id) => ({ id, name: id, role: 'agent' as const }));
  return {
    signedIn: true,
    cloudUrl: 'http://127.0.0.1:4000',
    user: { id: 'u', email: 'a@b.c', name: 'A' },
    workspace: workspaces.find((w) => w.id === open) ?? null,
    workspaces,
  };
}

describe('backup path', () => {
  it('accepts absolute paths only, like the core', () => {
    expect(backupPathError('')).toBe('validation.required');
    expect(backupPathError('   ')).toBe('validation.required');
    expect(backupPathError('backup.flowstage')).toBe('validation.absolutePath');
    expect(backupPathError('~/backup.flowstage')).toBe('validation.absolutePath');
    expect(backupPathError('/home/ada/Flow Stage/Backups/Agence-2026-02-01.flowstage')).toBeNull();
    expect(backupPathError('  /tmp/x.flowstage  ')).toBeNull();
    expect(backupPathError('C:\\Users\\ada\\x.flowstage')).toBeNull();
  });
});

describe('after a restore', () => {
  it('opens a workspace of the account, and refuses one it cannot open', () => {
    expect(restorePlan(session(['w1', 'w2'], 'w1'), 'w2')).toBe('open');
    expect(restorePlan(session(['w1'], null), 'w1')).toBe('open');
    expect(restorePlan(session(['w1'], 'w1'), 'w1')).toBe('already_open');
    expect(restorePlan(session(['w1'], 'w1'), 'w9')).toBe('not_member');
    expect(restorePlan(session([], null), 'w1')).toBe('not_member');
  });
});

describe('backup summary', () => {
  it('shows size, documents and date in the language', () => {
    const summary = {
      path: '/tmp/a.flowstage',
      workspaceId: 'w1',
      name: 'Agence',
      createdAt: '2026-02-01T10:30:00.000Z',
      documents: 42,
      bytes: 3_149_000,
    };
    const en = backupDetails(createTranslator('en'), summary);
    expect(en).toMatch(/^3\.1 MB · 42 documents · made 1 Feb 2026, \d\d:30$/);
    const fr = backupDetails(createTranslator('fr'), { ...summary, documents: 1 });
    expect(fr.replace(/[\u00a0\u202f]/g, ' ')).toMatch(
      /^3,1 Mo · 1 document · faite le 1 févr\. 2026, \d\d:30$/,
    );
  });
});
