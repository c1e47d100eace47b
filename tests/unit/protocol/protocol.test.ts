/**
 * The protocol contract in shared/protocol/, as the server and the app both use it: a token the
 * server mints is read by the app's `readClaims` as the server verifies it; anything else reads
 * as nothing; every refusal code has its message in English and French; ids follow one rule.
 */
import { describe, expect, it } from 'vitest';
import { mintToken, verifyToken } from '../../../electron/server/tokens';
import { en } from '../../../renderer/i18n/en';
import { fr } from '../../../renderer/i18n/fr';
import { isId } from '../../../shared/protocol/fields';
import { REASONS, reasonCode, reasonText, type ReasonCode } from '../../../shared/protocol/reasons';
import { readClaims } from '../../../shared/protocol/token-claims';

const NOW = Date.UTC(2026, 0, 5);

describe('token claims', () => {
  it('the app reads the claims the server signed, the same as the server verifies them', () => {
    const token = mintToken('a secret of enough length', { role: 'student', user: 'u_1', corpus: 'class-3b' }, 3600, NOW);
    const verified = verifyToken('a secret of enough length', token, NOW);
    expect(verified.ok && verified.value).toEqual(readClaims(token));
    expect(readClaims(token)).toEqual({ role: 'student', user: 'u_1', corpus: 'class-3b', exp: NOW / 1000 + 3600 });
  });

  it('anything that is not a well-formed token reads as nothing', () => {
    const payload = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    for (const bad of ['', 'g1', 'g1.x.y', 'g2.e30.sig', `g1.${payload({ role: 'admin', user: 'u', corpus: 'c', exp: 1 })}.s`, `g1.${payload({ role: 'student', user: '../x', corpus: 'c', exp: 1 })}.s`]) {
      expect(readClaims(bad), bad).toBeNull();
    }
  });
});

describe('refusal codes and ids', () => {
  it('every refusal code has a message in English and in French, and reads back from its reason text', () => {
    for (const code of Object.keys(REASONS) as ReasonCode[]) {
      expect(en.session.reasons[code]).toMatch(/\w/);
      expect(fr.session.reasons[code]).toMatch(/\w/);
      expect(reasonCode(reasonText(code))).toBe(code);
    }
    expect(reasonCode('permission-denied')).toBeNull();
  });

  it('an id is 1 to 64 letters, digits, _ or -', () => {
    expect(['a', 'A-b_9', 'x'.repeat(64)].every(isId)).toBe(true);
    expect(['', 'x'.repeat(65), 'a/b', 'é', 'a b', '..'].some(isId)).toBe(false);
  });
});
