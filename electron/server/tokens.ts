/**
 * Session tokens: who may open which documents of one corpus, until when. A token is
 * `g1.<payload>.<signature>`; the payload's claims are the protocol's
 * (shared/protocol/token-claims.ts) and the signature is HMAC-SHA256 of the payload part
 * under the server's secret. Verification is timing-safe, accepts only the one canonical
 * spelling of the signature, and the clock is injected.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ReasonCode } from '../../shared/protocol/reasons';
import { fail, ok, type Result } from '../../shared/result';
import { claimsSchema, TOKEN_PREFIX as PREFIX, type Claims } from '../../shared/protocol/token-claims';

export { ROLES, type Role } from '../../shared/protocol/roles';
export { claimsSchema, type Claims } from '../../shared/protocol/token-claims';

export type Verified = Result<Claims, ReasonCode>;

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** A token for `claims` without exp, valid `ttlSeconds` from `nowMs`. */
export function mintToken(secret: string, claims: Omit<Claims, 'exp'>, ttlSeconds: number, nowMs: number): string {
  const full = claimsSchema.parse({ ...claims, exp: Math.floor(nowMs / 1000) + Math.ceil(ttlSeconds) });
  const payload = Buffer.from(JSON.stringify(full)).toString('base64url');
  return `${PREFIX}.${payload}.${sign(secret, payload).toString('base64url')}`;
}

export function verifyToken(secret: string, token: string | null | undefined, nowMs: number): Verified {
  if (!token) return fail('token-missing');
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return fail('token-malformed');
  const [, payload, signature] = parts as [string, string, string];
  // Compared as text, not as decoded bytes: base64url's last character carries unused bits, so
  // several spellings decode to the same signature and a decoded comparison would accept them all.
  const expected = Buffer.from(sign(secret, payload).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('token-bad-signature');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return fail('token-malformed');
  }
  const parsed = claimsSchema.safeParse(json);
  if (!parsed.success) return fail('token-malformed');
  if (parsed.data.exp * 1000 <= nowMs) return fail('token-expired');
  return ok(parsed.data);
}
