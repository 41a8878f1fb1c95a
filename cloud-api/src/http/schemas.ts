/** Request-schema helpers shared by the route modules. */
import type { z } from 'zod';

function findNul(value: unknown, path: (string | number)[]): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000; refuse it at the boundary (400) instead of letting
 * the INSERT fail (500).
 */
export function withoutNul<T extends z.ZodType>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    const path = findNul(value, []);
    if (path) ctx.addIssue({ code: 'custom', path, message: 'must not contain NUL characters' });
  });
}
