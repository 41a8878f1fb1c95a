/** Plain HTTP: `GET /health`, `GET /metrics` (Prometheus), and a JSON 404 for anything else. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HealthResponse } from '@flowstage/shared';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus';
import { SERVER_VERSION } from './version';

export interface HttpSource {
  startedAt: number;
  details(): Record<string, unknown>;
  /** The metrics in the Prometheus text format. */
  metricsText(): string;
}

export function handleHttp(req: IncomingMessage, res: ServerResponse, source: HttpSource): void {
  const path = (req.url ?? '/').split('?', 1)[0];
  const read = req.method === 'GET' || req.method === 'HEAD';
  const headOnly = req.method === 'HEAD';
  if (path === '/health' && read) {
    const body: HealthResponse = {
      status: 'ok',
      service: 'sync-server',
      version: SERVER_VERSION,
      uptimeS: Math.round((Date.now() - source.startedAt) / 1000),
      details: source.details(),
    };
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(body), headOnly);
    return;
  }
  if (path === '/metrics' && read) {
    send(res, 200, PROMETHEUS_CONTENT_TYPE, source.metricsText(), headOnly);
    return;
  }
  const notFound = JSON.stringify({ error: { code: 'not_found', message: 'no such route' } });
  send(res, 404, 'application/json; charset=utf-8', notFound, headOnly);
}

function send(res: ServerResponse, status: number, type: string, payload: string, headOnly: boolean): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
  });
  res.end(headOnly ? undefined : payload);
}
