/**
 * electron-builder.yml, loaded and validated by the very code electron-builder 26 runs when it
 * packages (app-builder-lib's getConfig and validateConfiguration, electron-builder's own schema):
 * it ships only dist/, for Linux, macOS and Windows, with the security fuses flipped.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';

const root = resolve(import.meta.dirname, '..', '..');
const debugLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
    expect(config.appId).toBe('org.glose.app');
    expect(config.files).toEqual([{ filter: ['dist/**'] }]);
    expect([config.linux?.target, config.mac?.target, config.win?.target]).toEqual([['AppImage', 'deb'], ['dmg', 'zip'], ['nsis']]);
  });

  it('flips the fuses that stop the packaged binary running anything but the app', async () => {
    const { electronFuses } = await getConfig(root, null, null);
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
