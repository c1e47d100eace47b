/**
 * Import benchmark: `glose import` (its real `run`, in this process) of a W3C file holding 50
 * annotations on each of 2,000 articles of ~1,000 words into a bundle of those bare texts:
 * reading and parsing the W3C file, matching every annotation to its article, re-anchoring it,
 * and streaming the bundle back to disk. Articles per second of wall time, and per second of
 * this process's CPU time (the figure that holds on a machine shared with other work).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleWriter } from '../../shared/formats/bundle-writer';
import { runWriter } from '../../shared/formats/run-writer';
import type { ArticleSnapshot } from '../../shared/formats/types';
import { w3cWriter } from '../../shared/formats/w3c-export';
import { zipSink } from '../../shared/formats/zip-sink';
import { CORPUS } from '../unit/formats/fixtures';
import type { BenchOptions, BenchResult } from './bench-types';
import { benchArticle } from './export-bench';

/** Article i with 50 annotations (two layers of 25). */
function annotated(i: number): ArticleSnapshot {
  const a = benchArticle(i);
  return { ...a, article: { ...a.article, id: `a${i}`, source: `a${i}.txt`, order: i }, layers: a.layers.slice(0, 2) };
}

function writeBundle(file: string, articles: ArticleSnapshot[]): void {
  const chunks: Uint8Array[] = [];
  const sink = zipSink((c) => chunks.push(c), (e) => { throw e; });
  const writer = bundleWriter({ corpus: CORPUS, app: { name: 'glose', version: 'bench' }, now: () => new Date(0), pseudonymised: false });
  for (const [name, text] of runWriter(writer, articles)) sink.add(name, text);
  sink.end();
  writeFileSync(file, Buffer.concat(chunks));
}

export async function run(options: BenchOptions): Promise<BenchResult[]> {
  const n = options.quick ? 300 : 2000;
  const dir = mkdtempSync(path.join(tmpdir(), 'glose-import-bench-'));
  const articles = Array.from({ length: n }, (_, i) => annotated(i));
  const bundle = path.join(dir, 'corpus.zip');
  writeBundle(bundle, articles.map((a) => ({ ...a, layers: [] })));
  const w3c = path.join(dir, 'annotations.jsonld');
  writeFileSync(w3c, runWriter(w3cWriter({ corpus: CORPUS }), articles).get('')!);
  articles.length = 0;
  const { run: glose } = await import('../../electron/cli/commands/import');
  const log = console.log;
  console.log = () => undefined;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  try {
    await glose([w3c, '--into', bundle]);
  } finally {
    console.log = log;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: 'import_w3c_articles_per_s', value: n / seconds, unit: 'articles/s' },
    // The same work per second of this process's CPU time: what one free core would give on a shared machine.
    { name: 'import_w3c_articles_per_cpu_s', value: n / ((used.user + used.system) / 1e6), unit: 'articles/s' },
  ];
}
