/**
 * The class session this app has joined, if any: the server's address, the signed token it
 * issued and what the token says (corpus, user id, role). Kept in localStorage so a reload,
 * or a laptop that lost the network, rejoins the same class with the same identity.
 */
import { z } from 'zod';
import { colorSchema, idSchema } from '../../shared/protocol/fields';
import { roleSchema } from '../../shared/protocol/roles';
import { readClaims } from '../../shared/protocol/token-claims';
import { readStored } from './stored';

const KEY = 'glose.session';

export const sessionSchema = z.object({
  /** http(s) address of the class server, e.g. http://192.168.1.20:8787 */
  server: z.string().url(),
  token: z.string().min(10),
  corpus: idSchema,
  user: idSchema,
  role: roleSchema,
  title: z.string().max(200),
  /** the colour the class server gave this member (member-colors.ts) */
  color: colorSchema.optional(),
});

export type Session = z.infer<typeof sessionSchema>;

export function loadSession(): Session | null {
  return readStored(KEY, sessionSchema);
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(sessionSchema.parse(session)));
}

let enterHere: ((session: Session) => void) | null = null;

/**
 * Lets a page that has opened no document yet (the joining page a class server serves) enter a
 * class without reloading: `enter` connects and shows the class (main.tsx).
 */
export function enterWithoutReload(enter: (session: Session) => void): void {
  enterHere = enter;
}

/** Enters a session at `where`: the page reloads so every document reopens against the class corpus. */
export function enterSession(session: Session, where = '#/'): void {
  saveSession(session);
  location.hash = where;
  const here = enterHere;
  enterHere = null; // once: from then on the page has documents open
  if (here) here(session);
  else location.reload();
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

/** Leaves the class: this page returns to the local library (whose work was never touched). */
export function leaveSession(): void {
  clearSession();
  location.hash = '#/';
  location.reload();
}

/** The WebSocket address of a class server given its http(s) address. */
export function socketUrl(server: string): string {
  return server.replace(/^http/, 'ws').replace(/\/+$/, '');
}

/** "192.168.1.20:8787", "http://host:8787/" → "http://192.168.1.20:8787" */
export function serverAddress(typed: string): string | null {
  const trimmed = typed.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const url = new URL(withScheme);
    return url.hostname ? `${url.protocol}//${url.host}` : null;
  } catch {
    return null;
  }
}

/** What a teacher's token says about itself (the server verifies it; this only reads it). */
export function readToken(token: string): Pick<Session, 'corpus' | 'user' | 'role'> | null {
  const claims = readClaims(token);
  return claims && { corpus: claims.corpus, user: claims.user, role: claims.role };
}

const SERVER_JOIN_ERRORS = ['bad-code', 'too-many-attempts', 'no-session', 'class-full', 'too-large'] as const;
export type JoinError = (typeof SERVER_JOIN_ERRORS)[number] | 'unreachable' | 'bad-request';

/** Asks the class server for a token with a join code; `previous` keeps the identity of an earlier join. */
export async function joinWithCode(server: string, code: string, name: string, color: string, previous?: string): Promise<Session | JoinError> {
  let response: Response;
  try {
    response = await fetch(`${server}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name, color, previous }),
    });
  } catch {
    return 'unreachable';
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const error = body.error;
    return SERVER_JOIN_ERRORS.find((known) => known === error) ?? 'bad-request';
  }
  const parsed = sessionSchema.safeParse({ ...body, server });
  return parsed.success ? parsed.data : 'bad-request';
}
