/**
 * Export benchmark: articles of ~1,000 words carrying 100 annotations each, exported in W3C
 * and brat (articles per second of wall time, one core, and per second of this process's CPU
 * time, the figure that holds on a shared machine), and peak memory of a streamed W3C export
 * over 1,000 and 10,000 articles (each run in its own child process so peaks do not mix).
 */
import { execFileSync } from 'node:child_process';
import { runWriter } from '../../shared/formats/run-writer';
import { bratWriter } from '../../shared/formats/brat-export';
import { w3cWriter } from '../../shared/formats/w3c-export';
import type { ArticleSnapshot, ExportWriter } from '../../shared/formats/types';
import { CORPUS, makeArticle } from '../unit/formats/fixtures';
import type { BenchOptions, BenchResult } from './bench-types';

const WORDS = 'le café des géants numériques dénonce l’AI Act 🤖 while Spotify’s success came from AI and naïve rules'.split(' ');

export function benchArticle(i: number): ArticleSnapshot {
  const words: string[] = [];
  for (let w = 0; w < 1000; w++) words.push(WORDS[(w * 7 + i) % WORDS.length]!);
  const text = words.join(' ').replace(/(\S+ ){80}/g, (m) => `${m.trimEnd()}\n\n`);
  const entry = makeArticle(i + 1, `a${i}`, `Article ${i}`, 'fr', text, 25, i);
  return { ...entry, layers: entry.layers.map((l) => ({ ...l, annotations: l.annotations.slice(0, 25) })) }; // 4 layers × 25 = 100
}

/** Articles per second of wall time and per second of this process's CPU time (what holds on a shared machine). */
function rates(writer: ExportWriter, articles: ArticleSnapshot[]): { wall: number; cpu: number } {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  runWriter(writer, articles);
  const used = process.cpuUsage(cpu);
  return { wall: articles.length / (Number(process.hrtime.bigint() - started) / 1e9), cpu: articles.length / ((used.user + used.system) / 1e6) };
}

/** Streams `count` generated articles through the W3C writer and discards the output; prints peak RSS in MB. */
export function streamW3c(count: number): number {
  const writer = w3cWriter({ corpus: CORPUS });
  let bytes = writer.begin()[0]!.text.length;
  for (let i = 0; i < count; i++) for (const c of writer.article(benchArticle(i % 200))) bytes += c.text.length;
  bytes += writer.end()[0]!.text.length;
  return bytes;
}

function peakRss(count: number): number {
  const script = `import('${import.meta.filename}').then((m) => { m.streamW3c(${count}); console.log(process.resourceUsage().maxRSS / 1024); })`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  return Number(out.trim().split('\n').at(-1));
}

export async function run(options: BenchOptions): Promise<BenchResult[]> {
  const n = options.quick ? 200 : 1000;
  const articles = Array.from({ length: n }, (_, i) => benchArticle(i));
  rates(w3cWriter({ corpus: CORPUS }), articles.slice(0, 50)); // warm up
  const w3c = rates(w3cWriter({ corpus: CORPUS }), articles);
  const brat = rates(bratWriter({ corpus: CORPUS }), articles);
  return [
    { name: 'export_w3c_articles_per_s', value: w3c.wall, unit: 'articles/s' },
    { name: 'export_w3c_articles_per_cpu_s', value: w3c.cpu, unit: 'articles/s' },
    { name: 'export_brat_articles_per_s', value: brat.wall, unit: 'articles/s' },
    { name: 'export_brat_articles_per_cpu_s', value: brat.cpu, unit: 'articles/s' },
    { name: 'export_peak_rss_mb_1000', value: peakRss(1000), unit: 'MB' },
    { name: 'export_peak_rss_mb_10000', value: peakRss(options.quick ? 2000 : 10000), unit: 'MB' },
  ];
}
