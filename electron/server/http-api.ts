/**
 * The class server's HTTP side, beside the WebSocket sync: `GET /api/class` (the class's name, for
 * the page that opens on "Join «3e B»"; nothing secret, limited per address), `GET /api/session`
 * (what class this is; with the teacher's token, the codes), `POST /api/join` (a join code, a name and a colour in; a signed session token out) and,
 * for any other GET, the app itself, so a student's browser needs only the teacher's address.
 * Wrong join codes are limited per address so codes cannot be guessed: the body is read first
 * (at most 4 KB; bigger gets 413), then an attempt is counted before the code is evaluated and
 * given back when it was not a wrong code (join-limiter.ts), so concurrent guesses cannot slip
 * between a check and a count, and the right code from a school NAT is never slowed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { colorSchema } from '../../shared/protocol/fields';
import type { RosterEntry } from '../../shared/model/roster';
import { normalizeCode, type ClassSession, type SessionKeeper } from './class-session';
import { serveRendererFile } from './renderer-files';
import { isClassTeacher, classAdmin } from './class-admin';
import { memoryJoinLimiter, type JoinLimiter } from './join-limiter';
import { requestAnswered } from './request-answered';
import { clientAddress } from './client-address';
import type { ClassInfo } from '../../shared/protocol/class-info';
import { mintToken, verifyToken, type Claims, type Role } from './tokens';

export const JOIN_TOKEN_HOURS = 12;
const MAX_BODY_BYTES = 4096;
/** Page loads a minute from one address: a whole class behind one school NAT reloading several times fits. */
const MAX_CLASS_INFO_PER_MINUTE = 300;

const joinRequestSchema = z.object({
  code: z.string().max(20),
  name: z.string().trim().min(1).max(80),
  color: colorSchema,
  /** A token this client held before: keeps its identity (and so its layers) across joins. */
  previous: z.string().max(2000).optional(),
});

export interface HttpApiDeps {
  session: ClassSession | null;
  /** where the session is kept (codes rotated, members removed) */
  keeper: SessionKeeper;
  /** Closes every open connection of `user` in `corpus` (a removed member). */
  disconnect: (corpus: string, user: string) => void;
  secret: string;
  rendererDir: string | null;
  now: () => number;
  /** Records a member in the roster and returns the colour the server gave them (member-colors.ts); null when the roster is full and `user` is not in it. */
  recordMember: (corpus: string, user: string, entry: RosterEntry) => Promise<string | null>;
  /** http addresses at which students can reach this server */
  addresses: () => string[];
  /** Wrong join codes per address (default: counted in this process's memory). */
  limiter?: JoinLimiter;
  /** Reverse proxies whose X-Forwarded-For names the client (client-address.ts). */
  trustedProxies?: ReadonlySet<string>;
}

/**
 * Whether an earlier token may renew its identity: not for a removed member, nor for a token that
 * had expired before the class was created (a pass from an earlier class with the same corpus).
 */
function renewable(session: ClassSession, claims: Claims): boolean {
  return !session.removed.includes(claims.user) && (session.created === undefined || claims.exp * 1000 > session.created);
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

/** The request body, 'too-large' beyond MAX_BODY_BYTES, null when the request failed. */
function readBody(request: IncomingMessage): Promise<string | null | 'too-large'> {
  return new Promise((resolve) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return resolve('too-large');
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve('too-large');
        request.pause();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(null));
  });
}

function parseJoinRequest(body: string | null): z.infer<typeof joinRequestSchema> | null {
  try {
    const parsed = joinRequestSchema.safeParse(JSON.parse(body ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function httpApi(deps: HttpApiDeps) {
  const limiter = deps.limiter ?? memoryJoinLimiter(deps.now);
  const classAsks = memoryJoinLimiter(deps.now, MAX_CLASS_INFO_PER_MINUTE);
  const addressKey = (request: IncomingMessage): string => clientAddress(request, deps.trustedProxies ?? new Set());

  async function join(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const ip = addressKey(request);
    if (!deps.session) return send(response, 404, { error: 'no-session' });
    const body = await readBody(request);
    if (body === 'too-large') {
      response.setHeader('connection', 'close'); // the rest of the body is never read
      return send(response, 413, { error: 'too-large' });
    }
    // counted before the code is evaluated; given back below unless it was a wrong code
    if (!(await limiter.reserve(ip))) return send(response, 429, { error: 'too-many-attempts' });
    const parsed = parseJoinRequest(body);
    if (!parsed) {
      await limiter.release(ip);
      return send(response, 400, { error: 'bad-request' });
    }
    const { code, name, color, previous } = parsed;
    const typed = normalizeCode(code);
    const role: Role | null = typed === deps.session.studentCode ? 'student' : typed === deps.session.observerCode ? 'observer' : null;
    if (!role) return send(response, 403, { error: 'bad-code' }); // stays counted
    await limiter.release(ip);
    // the signature alone decides whether the previous identity is ours (its expiry does not matter)
    const before = previous ? verifyToken(deps.secret, previous, 0) : null;
    const keep = before?.ok && before.value.corpus === deps.session.corpus && before.value.role === role && renewable(deps.session, before.value);
    const user = keep ? before.value.user : `${role[0]}${randomBytes(9).toString('base64url')}`;
    const corpus = deps.session.corpus;
    const given = await deps.recordMember(corpus, user, { name, color, role });
    if (given === null) return send(response, 403, { error: 'class-full' });
    const token = mintToken(deps.secret, { role, user, corpus }, JOIN_TOKEN_HOURS * 3600, deps.now());
    send(response, 200, { token, user, corpus, role, title: deps.session.title, color: given });
  }

  async function admin(session: ClassSession, path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (body === 'too-large') return send(response, 413, { error: 'too-large' });
    let json: unknown = null;
    try {
      json = JSON.parse(body ?? 'null');
    } catch {
      json = null;
    }
    const [status, answer] = await classAdmin({ ...deps, session }, path, request, json);
    send(response, status, answer);
  }

  async function classInfo(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!(await classAsks.reserve(addressKey(request)))) return send(response, 429, { error: 'too-many-attempts' });
    // no class here is an answer, not an error: 204, so the page's console stays clean (serve-renderer.ts too)
    if (!deps.session) return send(response, 204, null);
    const info: ClassInfo = { app: 'glose', title: deps.session.title };
    send(response, 200, info);
  }

  function sessionInfo(request: IncomingMessage, response: ServerResponse): void {
    if (!deps.session) return send(response, 404, { error: 'no-session' });
    const info = { app: 'glose', corpus: deps.session.corpus, title: deps.session.title };
    // the teacher also gets the join codes, to show them to the class, and who was removed
    const { session } = deps;
    const codes = { studentCode: session.studentCode, observerCode: session.observerCode, addresses: deps.addresses(), removed: session.removed };
    send(response, 200, isClassTeacher({ ...deps, session }, request) ? { ...info, ...codes } : info);
  }

  /** Answers what it knows; false leaves the request to Hocuspocus. */
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'OPTIONS' && path.startsWith('/api/')) {
      send(response, 204, null);
    } else if (path === '/api/class' && request.method === 'GET') {
      await classInfo(request, response);
    } else if (path === '/api/session' && request.method === 'GET') {
      sessionInfo(request, response);
    } else if (path === '/api/join' && request.method === 'POST') {
      await join(request, response);
    } else if ((path === '/api/codes/rotate' || path === '/api/members/remove') && request.method === 'POST' && deps.session) {
      await admin(deps.session, path, request, response);
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
