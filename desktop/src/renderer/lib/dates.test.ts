import { describe, expect, it } from 'vitest';
import { formatDate } from './dates';

describe('formatDate', () => {
  it('shows calendar dates without time-zone shifts', () => {
    expect(formatDate('2025-07-14', 'fr-FR')).toBe('14 juil. 2025');
    expect(formatDate('2025-07-14', 'en-GB')).toBe('14 Jul 2025');
    expect(formatDate('2025-01-01', 'en-GB')).toBe('1 Jan 2025');
  });

  it('leaves unparseable values as they are', () => {
    expect(formatDate('soon', 'en-GB')).toBe('soon');
  });
});
