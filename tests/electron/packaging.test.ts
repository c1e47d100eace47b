/**
 * electron-builder.yml, loaded and validated by the very code electron-builder 26 runs when it
 * packages (app-builder-lib's getConfig and validateConfiguration, electron-builder's own schema):
 * it ships only dist/, for Linux, macOS and Windows, with the security fuses flipped; and
 * `npm run dist:check` (electron/cli/dist-check.ts) finds what would make a packaged app fail.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { checkDistribution } from '../../electron/cli/dist-check';

const root = resolve(import.meta.dirname, '..', '..');
const debugLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
    expect(config.appId).toBe('org.glose.app');
    expect(config.files).toEqual([{ filter: ['dist/**'] }]);
    expect([config.linux?.target, config.mac?.target, config.win?.target]).toEqual([['AppImage', 'deb'], ['dmg', 'zip'], ['nsis']]);
    expect(config.directories?.buildResources).toBe('build');
  });

  it('dist:check passes on the built app: installers, icon, main, preload, renderer, native modules', async () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli/build-electron.ts'], { cwd: root, stdio: 'ignore' });
    const report = await checkDistribution(root);
    expect(report.problems).toEqual([]);
    expect(report.files).toEqual(expect.arrayContaining(['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']));
  });

  it('dist:check names what is missing: a target, the icon, a native module outside the dependencies, the build', async () => {
    const project = mkdtempSync(join(tmpdir(), 'glose-dist-'));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    delete pkg.dependencies['classic-level'];
    writeFileSync(join(project, 'package.json'), JSON.stringify(pkg));
    writeFileSync(join(project, 'electron-builder.yml'), readFileSync(join(root, 'electron-builder.yml'), 'utf8').replace('target: [AppImage, deb]', 'target: [AppImage]'));
    copyFileSync(join(root, 'package-lock.json'), join(project, 'package-lock.json'));
    const { problems } = await checkDistribution(project);
    expect(problems).toEqual([
      'electron-builder.yml: linux does not build deb',
      'build/icon.png: the icon must be a PNG of at least 512×512',
      'dist/electron/main.cjs is not built (npm run build)',
      'dist/electron/preload.cjs is not built (npm run build)',
      'dist/renderer/index.html is not built (npm run build)',
      'dist/renderer has no bundled font',
      'classic-level is left out of the main bundle but is not a production dependency: the packaged app would not find it',
    ]);
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
