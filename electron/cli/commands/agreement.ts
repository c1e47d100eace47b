/**
 * `glose agreement --from BUNDLE [--json] [--gold]`: agreement between the annotators of a
 * bundle, per kind over the whole corpus (pairwise Cohen's kappa, Fleiss' kappa, nominal alpha)
 * and per article (with unitizing alpha), streamed article by article.
 */
import { agreementAccumulator } from '../../../shared/agreement/corpus-agreement';
import type { CorpusInfo } from '../../../shared/formats/types';
import { bundleArticleCount } from './bundle-count';
import { parseArgs, progress, readBundle, required } from './research-io';

const fmt = (v: number | null): string => (v === null ? '   n/a' : v.toFixed(3).padStart(6));

export async function run(argv: string[]): Promise<void> {
  const { options, flags } = parseArgs(argv, ['json', 'gold']);
  const from = required(options, 'from');
  const info: { corpus?: CorpusInfo } = {};
  let acc: ReturnType<typeof agreementAccumulator> | null = null;
  const bar = progress('agreement', bundleArticleCount(from));
  const lines: string[] = [];
  for await (const entry of readBundle(from, info)) {
    acc ??= agreementAccumulator(info.corpus!.tagset, { includeGold: flags.has('gold'), keepArticles: flags.has('json') });
    const a = acc.add(entry);
    lines.push(`${a.article.padEnd(16)} uα ${fmt(a.unitizedAlpha)}  ${a.kinds.map((k) => `${k.kind} ${fmt(k.alpha)}`).join('  ')}`);
    bar.tick();
  }
  bar.done();
  if (!acc) throw new Error(`${from}: the bundle holds no article`);
  const result = acc.result();
  if (flags.has('json')) {
    process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
    return;
  }
  console.log(`annotators: ${result.annotators.join(', ')}\n\nper kind (tokens, all articles):`);
  for (const k of result.kinds) {
    console.log(`  ${k.kind.padEnd(10)} Fleiss κ ${fmt(k.fleiss)}  Krippendorff α ${fmt(k.alpha)}`);
    for (const p of k.cohen) console.log(`    Cohen κ ${p.a} × ${p.b}: ${fmt(p.kappa)}`);
  }
  console.log(`\nper article (uα over kinds; nominal α per kind):\n${lines.map((l) => `  ${l}`).join('\n')}`);
}
