/**
 * The operator's side of the server's HTTP: `GET /healthz` (the process answers: 200),
 * `GET /readyz` (200 while it accepts classes, 503 once it drains for a stop, so a load balancer
 * sends no one new), and `GET /metrics` (Prometheus text) — only with
 * `Authorization: Bearer <metrics token>`, and absent (404) when the server has no metrics
 * token: students reach the same port, and the figures say who is busy. Every `/api/` request is
 * logged with its path (no query string), status and duration, and counted in the metrics by
 * route and status; the rest goes to the class API.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerMetrics } from './metrics';
import { requestAnswered } from './request-answered';
import type { ServerLog } from './server-log';

export interface OpsDeps {
  metrics: ServerMetrics;
  /** Bearer token for /metrics; null: /metrics is not served. */
  metricsToken: string | null;
  ready: () => boolean;
  log: ServerLog;
}

type RequestHook = (payload: { request: IncomingMessage; response: ServerResponse }) => Promise<void>;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function plain(response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

async function metricsAnswer(deps: OpsDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (deps.metricsToken === null) return plain(response, 404, 'not found\n');
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  if (!sameToken(given, deps.metricsToken)) {
    response.setHeader('www-authenticate', 'Bearer');
    return plain(response, 401, 'metrics need the metrics token\n');
  }
  plain(response, 200, await deps.metrics.registry.metrics(), deps.metrics.registry.contentType);
}

/** The onRequest hook: operator routes first, then `api` (the class API and the app's files). */
export function opsHttp(deps: OpsDeps, api: RequestHook): RequestHook {
  return async ({ request, response }) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'GET' && path === '/healthz') {
      plain(response, 200, 'ok\n');
      return requestAnswered();
    }
    if (request.method === 'GET' && path === '/readyz') {
      plain(response, deps.ready() ? 200 : 503, deps.ready() ? 'ready\n' : 'draining\n');
      return requestAnswered();
    }
    if (request.method === 'GET' && path === '/metrics') {
      await metricsAnswer(deps, request, response);
      return requestAnswered();
    }
    if (path.startsWith('/api/')) {
      const started = performance.now();
      response.once('finish', () => {
        deps.metrics.answered(path, response.statusCode);
        deps.log.info({ method: request.method, path, status: response.statusCode, ms: Math.round(performance.now() - started) }, 'request');
      });
    }
    return api({ request, response });
  };
}
