/**
 * The teacher's class administration over HTTP, beside the join flow (http-api.ts): with a
 * teacher token of the class as `Authorization: Bearer …`, `POST /api/codes/rotate` replaces both
 * join codes (the old ones stop working at once) and `POST /api/members/remove {user}` removes a
 * member: their tokens are refused from then on, their open connections are closed, and their
 * old tokens no longer renew their identity. Their layers stay in the class's work.
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { isId } from '../../shared/protocol/fields';
import { rotateCodes, removeMember, type ClassSession, type SessionKeeper } from './class-session';
import { verifyToken } from './tokens';

export interface ClassAdminDeps {
  session: ClassSession;
  /** where the session is kept (its codes rotated, members removed) */
  keeper: SessionKeeper;
  secret: string;
  now: () => number;
  /** Closes every open connection of `user` in the class's corpus. */
  disconnect: (corpus: string, user: string) => void;
}

const removeSchema = z.object({ user: z.string().refine(isId) });

export function isClassTeacher(deps: Pick<ClassAdminDeps, 'session' | 'secret' | 'now'>, request: IncomingMessage): boolean {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const claims = bearer ? verifyToken(deps.secret, bearer, deps.now()) : null;
  return !!claims?.ok && claims.value.role === 'teacher' && claims.value.corpus === deps.session.corpus;
}

/** Answers an admin request: [status, body]; `body` is the parsed JSON request body (null when unreadable). */
export async function classAdmin(deps: ClassAdminDeps, path: string, request: IncomingMessage, body: unknown): Promise<[number, unknown]> {
  if (!isClassTeacher(deps, request)) return [403, { error: 'not-teacher' }];
  if (path === '/api/codes/rotate') {
    await deps.keeper.change(deps.session, rotateCodes);
    return [200, { studentCode: deps.session.studentCode, observerCode: deps.session.observerCode }];
  }
  const parsed = removeSchema.safeParse(body);
  if (!parsed.success) return [400, { error: 'bad-request' }];
  const { user } = parsed.data;
  await deps.keeper.change(deps.session, (kept) => removeMember(kept, user));
  deps.disconnect(deps.session.corpus, user);
  return [200, { removed: deps.session.removed }];
}
