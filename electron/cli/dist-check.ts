/**
 * `npm run dist:check`: checks, without downloading anything, what electron-builder would
 * package: the configuration (validated by electron-builder's own schema and loader), the
 * installers asked for (AppImage and deb, dmg, nsis), the app id, the icon (a PNG of at least
 * 512×512 that electron-builder turns into .icns and .ico), and the packaged files: the built
 * main process, preload and renderer, and every native module the main bundle leaves external
 * declared as a production dependency (electron-builder ships those from node_modules).
 * Prints the packaged file list by folder; exits 1 with one line per problem.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { NATIVE_MODULES, SELF_LOCATING_MODULES } from './bundle-options';

const REQUIRED_TARGETS = { linux: ['AppImage', 'deb'], mac: ['dmg'], win: ['nsis'] } as const;
const silent = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];

export interface DistReport {
  problems: string[];
  files: string[];
}

/** Width and height of a PNG file, from its IHDR chunk; null when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | null {
  const head = readFileSync(file).subarray(0, 24);
  if (head.length < 24 || head.toString('latin1', 1, 4) !== 'PNG' || head.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

export async function checkDistribution(root: string): Promise<DistReport> {
  const problems: string[] = [];
  const config = await getConfig(root, null, null);
  await validateConfiguration(config, silent).catch((error: unknown) => problems.push(`electron-builder.yml: ${(error as Error).message}`));
  if (!config.appId) problems.push('electron-builder.yml: no appId');
  for (const [platform, targets] of Object.entries(REQUIRED_TARGETS)) {
    const declared = [config[platform as keyof typeof REQUIRED_TARGETS]?.target ?? []].flat().map((t) => (typeof t === 'string' ? t : t.target));
    for (const target of targets) if (!declared.includes(target)) problems.push(`electron-builder.yml: ${platform} does not build ${target}`);
  }
  const icon = join(root, config.directories?.buildResources ?? 'build', 'icon.png');
  const size = existsSync(icon) ? pngSize(icon) : null;
  if (!size || size.width < 512 || size.height < 512) problems.push(`${relative(root, icon)}: the icon must be a PNG of at least 512×512`);

  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; dependencies?: Record<string, string> };
  const dist = join(root, 'dist');
  const files = existsSync(dist) ? listFiles(dist).map((f) => relative(root, f)).filter((f) => !f.startsWith('dist/test-bundle')) : [];
  for (const needed of [pkg.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html']) if (!files.includes(needed)) problems.push(`${needed} is not built (npm run build)`);
  if (!files.some((f) => f.endsWith('.woff2'))) problems.push('dist/renderer has no bundled font');
  for (const native of [...NATIVE_MODULES, ...SELF_LOCATING_MODULES]) if (!pkg.dependencies?.[native]) problems.push(`${native} is left out of the main bundle but is not a production dependency: the packaged app would not find it`);
  return { problems, files };
}

if (resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '..', '..');
  const { problems, files } = await checkDistribution(root);
  const byFolder = new Map<string, number>();
  for (const f of files) byFolder.set(f.split('/').slice(0, 3).join('/'), (byFolder.get(f.split('/').slice(0, 3).join('/')) ?? 0) + 1);
  console.log(`Packaged files (${files.length}), plus production dependencies from node_modules:`);
  for (const [folder, count] of byFolder) console.log(`  ${folder}: ${count}`);
  for (const p of problems) console.error(`dist:check: ${p}`);
  console.log(problems.length ? `${problems.length} problem(s)` : 'dist:check: the configuration and the packaged files are ready for electron-builder');
  process.exitCode = problems.length ? 1 : 0;
}
