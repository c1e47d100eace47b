import { describe, expect, it } from 'vitest';
import { mintToken, verifyToken } from '../../electron/server/tokens';
import { reasonCode, reasonText } from '../../electron/server/reasons';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = Date.UTC(2025, 0, 1);

describe('session tokens', () => {
  it('verifies what it minted, with its claims', () => {
    const t = mintToken(SECRET, { role: 'student', user: 'ana', corpus: 'c1' }, 60, NOW);
    expect(verifyToken(SECRET, t, NOW + 59_000)).toEqual({
      ok: true,
      value: { role: 'student', user: 'ana', corpus: 'c1', exp: NOW / 1000 + 60 },
    });
  });

  it('refuses an expired token by the injected clock', () => {
    const t = mintToken(SECRET, { role: 'teacher', user: 't', corpus: 'c1' }, 60, NOW);
    expect(verifyToken(SECRET, t, NOW + 60_000)).toEqual({ ok: false, error: 'token-expired' });
  });

  it('refuses a token signed with another secret, or with a tampered payload', () => {
    const t = mintToken(SECRET, { role: 'student', user: 'ana', corpus: 'c1' }, 60, NOW);
    expect(verifyToken('another-secret-of-thirty-two-characters!!', t, NOW)).toEqual({ ok: false, error: 'token-bad-signature' });
    const [p, payload, sig] = t.split('.');
    const forged = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('student', 'teacher')).toString('base64url');
    expect(verifyToken(SECRET, `${p}.${forged}.${sig}`, NOW)).toEqual({ ok: false, error: 'token-bad-signature' });
  });

  it('refuses every other spelling of the signature, including those that decode to the same bytes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const user of ['ana', 'bob', 'cy', 'dee', 'eli']) {
      const t = mintToken(SECRET, { role: 'student', user, corpus: 'c1' }, 60, NOW);
      const last = t.at(-1)!;
      const others = [...alphabet].filter((c) => c !== last);
      const sameBytes = others.filter((c) => Buffer.from(t.split('.')[2]!.slice(0, -1) + c, 'base64url').equals(Buffer.from(t.split('.')[2]!, 'base64url')));
      expect(sameBytes).toHaveLength(3); // the two unused bits of a 32-byte signature's 43rd character
      for (const c of others) expect(verifyToken(SECRET, t.slice(0, -1) + c, NOW)).toEqual({ ok: false, error: 'token-bad-signature' });
    }
  });

  it('refuses missing and malformed tokens', () => {
    expect(verifyToken(SECRET, '', NOW)).toEqual({ ok: false, error: 'token-missing' });
    expect(verifyToken(SECRET, null, NOW)).toEqual({ ok: false, error: 'token-missing' });
    expect(verifyToken(SECRET, 'nonsense', NOW)).toEqual({ ok: false, error: 'token-malformed' });
    expect(verifyToken(SECRET, 'g1.a.b.c', NOW)).toEqual({ ok: false, error: 'token-malformed' });
  });

  it('refuses a correctly signed payload that is not a claims object', async () => {
    const { createHmac } = await import('node:crypto');
    const payload = Buffer.from(JSON.stringify({ role: 'admin', user: 'x', corpus: 'c1', exp: 2e9 })).toString('base64url');
    const sig = createHmac('sha256', SECRET).update(payload).digest('base64url');
    expect(verifyToken(SECRET, `g1.${payload}.${sig}`, NOW)).toEqual({ ok: false, error: 'token-malformed' });
  });

  it('will not mint claims with ids that are not document-name ids', () => {
    expect(() => mintToken(SECRET, { role: 'student', user: 'a/b', corpus: 'c1' }, 60, NOW)).toThrow();
  });

  it('reason strings carry a stable code first', () => {
    expect(reasonCode(reasonText('forbidden-write'))).toBe('forbidden-write');
    expect(reasonCode('permission-denied')).toBeNull();
  });
});
