/**
 * What a session token says: `g1.<payload>.<signature>`, both base64url, the payload being JSON
 * `{ role, user, corpus, exp }` (exp in seconds since the epoch). The server signs and verifies
 * tokens (electron/server/tokens.ts, with its secret); the app only reads its own token's
 * claims with `readClaims`, which checks their shape but not the signature.
 */
import { fromBase64UrlEncoded } from 'lib0/buffer';
import { decodeUtf8 } from 'lib0/string';
import { z } from 'zod';
import { idSchema } from './fields';
import { roleSchema } from './roles';

export const TOKEN_PREFIX = 'g1';

export const claimsSchema = z.strictObject({
  role: roleSchema,
  user: idSchema,
  corpus: idSchema,
  exp: z.number().int().positive(),
});

export type Claims = z.infer<typeof claimsSchema>;

/** The claims of a token, unverified; null when it is not a well-formed Glose token. */
export function readClaims(token: string): Claims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_PREFIX) return null;
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(decodeUtf8(fromBase64UrlEncoded(parts[1]!))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
