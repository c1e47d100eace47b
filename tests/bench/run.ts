/**
 * `npm run bench`: runs every benchmark, prints a table and writes bench-results.json at the
 * repo root as an array of { name, value, unit }. `npm run bench -- --quick` runs a reduced set
 * in under two minutes; `-- --only=export,import` (or attack, sync, join, dashboard…) runs the named suites only. Benchmarks
 * measure; they assert nothing (tests do that).
 */
import { writeFileSync } from 'node:fs';
import type { BenchResult, BenchOptions } from './bench-types';

type Suite = { name: string; load: () => Promise<{ run: (o: BenchOptions) => Promise<BenchResult[]> }> };

// Each suite is a module of tests/bench exporting run(options).
const suites: Suite[] = [
  { name: 'renderer', load: () => import('./renderer-bench') },
  { name: 'export', load: () => import('./export-bench') },
  { name: 'import', load: () => import('./import-bench') },
  { name: 'sync', load: () => import('./sync-bench') },
  { name: 'storage', load: () => import('./storage-bench') },
  { name: 'attack', load: () => import('./attack-bench') },
  { name: 'check', load: () => import('./check-bench') },
  { name: 'reveal', load: () => import('./reveal-bench') },
  { name: 'join', load: () => import('./join-bench') },
  { name: 'dashboard', load: () => import('./dashboard-bench') },
  { name: 'compare', load: () => import('./compare-bench') },
];

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const results: BenchResult[] = [];
  for (const suite of suites) {
    if (only && !only.split(',').includes(suite.name)) continue;
    const started = Date.now();
    process.stdout.write(`bench ${suite.name}…\n`);
    const module = await suite.load();
    results.push(...(await module.run({ quick })));
    process.stdout.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  console.table(results.map((r) => ({ name: r.name, value: Number(r.value.toFixed(3)), unit: r.unit })));
  writeFileSync('bench-results.json', JSON.stringify(results, null, 2) + '\n');
  console.log(`wrote bench-results.json (${results.length} figures)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
