import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatBytes', () => {
  it('picks a decimal unit and formats in the locale', () => {
    expect(formatBytes(0, 'en-GB')).toBe('0 bytes');
    expect(formatBytes(820, 'en-GB')).toBe('820 bytes');
    expect(formatBytes(12_400, 'en-GB')).toBe('12.4 kB');
    expect(formatBytes(3_149_000, 'en-GB')).toBe('3.1 MB');
    expect(formatBytes(250_400_000, 'en-GB')).toBe('250 MB');
    expect(plain(formatBytes(12_400, 'fr-FR'))).toBe('12,4 ko');
    expect(plain(formatBytes(1, 'fr-FR'))).toBe('1 octet');
  });
});
