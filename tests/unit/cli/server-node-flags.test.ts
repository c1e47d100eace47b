/**
 * The class server runs with the heap floor the benchmarks measured (electron/cli/server-node-flags.ts):
 * `npm run server` and the systemd unit of docs/deploy.md start Node with it, and this Node honours
 * it — a process that keeps about 400 MB of small records alive makes no full collection with
 * the flags and some without them (a renamed or ignored V8 flag would fail here, not in a lesson).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../../electron/cli/server-node-flags';

const ENTRY = `node ${SERVER_NODE_FLAGS.join(' ')} --import tsx electron/cli/server.ts`;

/** Full (mark-compact) collections while a process builds and keeps 2 million small records. */
const COUNT_FULL_COLLECTIONS = `
import { PerformanceObserver, constants } from 'node:perf_hooks';
let full = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++; }).observe({ entryTypes: ['gc'] });
const kept = [];
for (let i = 0; i < 2_000_000; i++) kept.push({ id: i, text: 'record ' + i, at: [i, i + 1] });
setTimeout(() => console.log(JSON.stringify({ full, kept: kept.length })), 50);`;

function fullCollections(flags: readonly string[]): number {
  const run = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', COUNT_FULL_COLLECTIONS], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { full: number; kept: number };
  expect(report.kept).toBe(2_000_000);
  return report.full;
}

describe('the class server heap floor', () => {
  it('is how `npm run server` and the systemd unit of docs/deploy.md start the server', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.server).toBe(ENTRY);
    expect(readFileSync('docs/deploy.md', 'utf8')).toContain(`ExecStart=/usr/bin/${ENTRY} `);
  });

  it('defers full collections in this Node: none under the floor, some without it', () => {
    expect(fullCollections(SERVER_NODE_FLAGS)).toBe(0);
    expect(fullCollections([])).toBeGreaterThan(0);
  });
});
