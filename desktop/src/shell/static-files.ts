/**
 * Serves the built renderer: static files with correct content types, an SPA fallback
 * to index.html for extension-less paths, and no way out of the renderer directory
 * (decoded `..`, absolute paths, NUL bytes and symlinks pointing outside are refused).
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolveResult =
  | { kind: 'file'; filePath: string; size: number }
  | { kind: 'bad_request' }
  | { kind: 'forbidden' }
  | { kind: 'not_found' };

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

async function existingFile(filePath: string): Promise<{ real: string; size: number } | null> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return null;
    return { real: await realpath(filePath), size: info.size };
  } catch {
    return null;
  }
}

/**
 * Maps a URL pathname to a file under `root` (which must be an absolute, real path).
 * Paths without an extension that match no file fall back to index.html.
 */
export async function resolveStaticPath(root: string, rawPathname: string): Promise<ResolveResult> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return { kind: 'bad_request' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad_request' };
  const segments = decoded.split('/');
  if (segments.includes('..')) return { kind: 'forbidden' };
  const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
  const wanted = path.resolve(root, relative === '' ? 'index.html' : relative);
  if (!isInside(root, wanted)) return { kind: 'forbidden' };

  const direct = await existingFile(wanted);
  if (direct) {
    return isInside(root, direct.real)
      ? { kind: 'file', filePath: direct.real, size: direct.size }
      : { kind: 'forbidden' };
  }
  if (path.posix.extname(relative) !== '') return { kind: 'not_found' };
  const index = await existingFile(path.join(root, 'index.html'));
  if (!index || !isInside(root, index.real)) return { kind: 'not_found' };
  return { kind: 'file', filePath: index.real, size: index.size };
}

function cacheControlFor(root: string, filePath: string): string {
  // Vite puts content-hashed bundles under assets/: safe to cache forever.
  if (isInside(path.join(root, 'assets'), filePath)) return 'public, max-age=31536000, immutable';
  return 'no-store';
}

function sendStatus(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendStatus(res, 405, 'Method Not Allowed');
    return;
  }
  const found = await resolveStaticPath(root, pathname);
  switch (found.kind) {
    case 'bad_request':
      sendStatus(res, 400, 'Bad Request');
      return;
    case 'forbidden':
      sendStatus(res, 403, 'Forbidden');
      return;
    case 'not_found':
      sendStatus(res, 404, 'Not Found');
      return;
    case 'file':
      break;
  }
  res.writeHead(200, {
    'Content-Type': contentTypeFor(found.filePath),
    'Content-Length': found.size,
    'Cache-Control': cacheControlFor(root, found.filePath),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.filePath);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
