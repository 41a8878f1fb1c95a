/**
 * Security policy shared by the browser shell (HTTP headers) and the Electron main
 * process (response headers of the renderer's pages). The renderer's index.html
 * carries the same policy in a meta tag.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws://127.0.0.1:*",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every HTTP response of the shell. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** A random per-launch secret: 32 bytes, base64url. */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison that also hides the length of the expected token:
 * both sides are hashed to fixed-size digests before comparing.
 */
export function tokensEqual(expected: string, candidate: string | null | undefined): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 512) return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(candidate, 'utf8').digest();
  return timingSafeEqual(a, b);
}
