/**
 * The class server's HTTP side, beside the WebSocket sync: `GET /api/session` (what class this
 * is), `POST /api/join` (a join code, a name and a colour in; a signed session token out) and,
 * for any other GET, the app itself, so a student's browser needs only the teacher's address.
 * Failed join attempts are limited per address so codes cannot be guessed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { colorSchema } from '../../shared/protocol/fields';
import type { RosterEntry } from '../../shared/model/roster';
import { normalizeCode, type ClassSession } from './class-session';
import { serveRendererFile } from './renderer-files';
import { requestAnswered } from './request-answered';
import { mintToken, verifyToken, type Role } from './tokens';

export const JOIN_TOKEN_HOURS = 12;
const MAX_BODY_BYTES = 4096;
const MAX_FAILURES_PER_MINUTE = 20;

const joinRequestSchema = z.object({
  code: z.string().max(20),
  name: z.string().trim().min(1).max(80),
  color: colorSchema,
  /** A token this client held before: keeps its identity (and so its layers) across joins. */
  previous: z.string().max(2000).optional(),
});

export interface HttpApiDeps {
  session: ClassSession | null;
  secret: string;
  rendererDir: string | null;
  now: () => number;
  /** records the member in the roster; returns the colour the server gave them */
  recordMember: (corpus: string, user: string, entry: RosterEntry) => Promise<string>;
  /** http addresses at which students can reach this server */
  addresses: () => string[];
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'content-type, authorization',
    'cache-control': 'no-store',
  });
  response.end(status === 204 ? undefined : JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(null));
  });
}

export function httpApi(deps: HttpApiDeps) {
  const failures = new Map<string, { count: number; since: number }>();
  const tooManyFailures = (ip: string): boolean => {
    const f = failures.get(ip);
    return !!f && deps.now() - f.since < 60_000 && f.count >= MAX_FAILURES_PER_MINUTE;
  };
  const fail = (ip: string) => {
    const f = failures.get(ip);
    if (!f || deps.now() - f.since >= 60_000) failures.set(ip, { count: 1, since: deps.now() });
    else f.count++;
  };

  async function join(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const ip = request.socket.remoteAddress ?? '?';
    if (!deps.session) return send(response, 404, { error: 'no-session' });
    if (tooManyFailures(ip)) return send(response, 429, { error: 'too-many-attempts' });
    const body = await readBody(request);
    let parsed: z.ZodSafeParseResult<z.infer<typeof joinRequestSchema>>;
    try {
      parsed = joinRequestSchema.safeParse(JSON.parse(body ?? ''));
    } catch {
      return send(response, 400, { error: 'bad-request' });
    }
    if (!parsed.success) return send(response, 400, { error: 'bad-request' });
    const { code, name, color, previous } = parsed.data;
    const typed = normalizeCode(code);
    const role: Role | null = typed === deps.session.studentCode ? 'student' : typed === deps.session.observerCode ? 'observer' : null;
    if (!role) {
      fail(ip);
      return send(response, 403, { error: 'bad-code' });
    }
    // the signature alone decides whether the previous identity is ours (its expiry does not matter)
    const before = previous ? verifyToken(deps.secret, previous, 0) : null;
    const keep = before?.ok && before.claims.corpus === deps.session.corpus && before.claims.role === role;
    const user = keep ? before.claims.user : `${role[0]}${randomBytes(9).toString('base64url')}`;
    const corpus = deps.session.corpus;
    const given = await deps.recordMember(corpus, user, { name, color, role });
    const token = mintToken(deps.secret, { role, user, corpus }, JOIN_TOKEN_HOURS * 3600, deps.now());
    send(response, 200, { token, user, corpus, role, title: deps.session.title, color: given });
  }

  function sessionInfo(request: IncomingMessage, response: ServerResponse): void {
    if (!deps.session) return send(response, 404, { error: 'no-session' });
    const info = { app: 'glose', corpus: deps.session.corpus, title: deps.session.title };
    // the teacher also gets the join codes, to show them to the class
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const claims = bearer ? verifyToken(deps.secret, bearer, deps.now()) : null;
    const teacher = claims?.ok && claims.claims.role === 'teacher' && claims.claims.corpus === deps.session.corpus;
    const codes = { studentCode: deps.session.studentCode, observerCode: deps.session.observerCode, addresses: deps.addresses() };
    send(response, 200, teacher ? { ...info, ...codes } : info);
  }

  /** Answers what it knows; false leaves the request to Hocuspocus. */
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'OPTIONS' && path.startsWith('/api/')) {
      send(response, 204, null);
    } else if (path === '/api/session' && request.method === 'GET') {
      sessionInfo(request, response);
    } else if (path === '/api/join' && request.method === 'POST') {
      await join(request, response);
    } else if (path.startsWith('/api/')) {
      send(response, 404, { error: 'not-found' });
    } else if (deps.rendererDir && (request.method === 'GET' || request.method === 'HEAD')) {
      await serveRendererFile(deps.rendererDir, request, response);
    } else {
      return false;
    }
    return true;
  }

  /** The Hocuspocus onRequest hook. */
  return async ({ request, response }: { request: IncomingMessage; response: ServerResponse }): Promise<void> => {
    if (await answer(request, response)) return requestAnswered();
  };
}
