/**
 * What "Host a class" tells the teacher when the class cannot start: a damaged kept class
 * (session.json) is named in the interface language with what to do, not as a raw SyntaxError.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { hostFailure } from '../../../renderer/components/HostClass';
import { initI18n } from '../../../renderer/i18n/i18n';

const damaged = { error: 'damaged', file: '/home/prof/.config/Glose/class/session.json', message: 'Unexpected end of JSON input' } as const;

describe('the failure of hosting a class', () => {
  it('names a damaged session.json in the teacher’s language, with what to do', async () => {
    const fr = await initI18n(i18next.createInstance(), 'fr');
    const told = hostFailure(fr, damaged);
    expect(told).toContain(`${damaged.file} est endommagé (Unexpected end of JSON input)`);
    expect(told).toMatch(/laissé tel quel.*copie enregistrée.*nouvelle classe/);
    const en = await initI18n(i18next.createInstance(), 'en');
    expect(hostFailure(en, damaged)).toMatch(/^The class kept on this computer could not be read: .*session\.json is damaged \(Unexpected end of JSON input\)\. It was left as it is\./);
  });

  it('keeps the server’s reason for other failures', async () => {
    const en = await initI18n(i18next.createInstance(), 'en');
    expect(hostFailure(en, { error: 'failed', message: 'ports 8787–8796 are all taken' })).toBe('The class could not be started: ports 8787–8796 are all taken');
  });
});
