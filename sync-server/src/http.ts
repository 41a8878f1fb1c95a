/** Plain HTTP: `GET /health`, and a JSON 404 for anything else. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HealthResponse } from '@flowstage/shared';
import { SERVER_VERSION } from './version';

export interface HealthSource {
  startedAt: number;
  details(): Record<string, unknown>;
}

export function handleHttp(req: IncomingMessage, res: ServerResponse, health: HealthSource): void {
  const path = (req.url ?? '/').split('?', 1)[0];
  if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
    const body: HealthResponse = {
      status: 'ok',
      service: 'sync-server',
      version: SERVER_VERSION,
      uptimeS: Math.round((Date.now() - health.startedAt) / 1000),
      details: health.details(),
    };
    sendJson(res, 200, body, req.method === 'HEAD');
    return;
  }
  sendJson(res, 404, { error: { code: 'not_found', message: 'no such route' } }, req.method === 'HEAD');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headOnly: boolean): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
  });
  res.end(headOnly ? undefined : payload);
}
