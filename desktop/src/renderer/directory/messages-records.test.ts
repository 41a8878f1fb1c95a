import { describe, expect, it } from 'vitest';
import { recordErrorKey, recordMessages } from './messages-records';

describe('directory record messages', () => {
  it('has the same keys in French and English and translates the create refusals', () => {
    expect(Object.keys(recordMessages.fr).sort()).toEqual(Object.keys(recordMessages.en).sort());
    expect(recordErrorKey('duplicate_venue')).toBe('error.duplicate_venue');
    expect(recordErrorKey('duplicate_contact')).toBe('error.duplicate_contact');
    expect(recordErrorKey('not_found')).toBeNull();
  });
});
