/**
 * `glose agreement --from BUNDLE|DATA_DIR [--corpus C] [--json] [--gold]`: agreement between the
 * annotators of a bundle or of a server database (research-source.ts), streamed article by
 * article: over all kinds at once (pairwise Cohen's kappa, Fleiss' kappa, nominal alpha over
 * tokens, the confusion matrix between kinds, unitizing alpha), per kind over the whole corpus
 * (the same, binary, and unitizing alpha) and per article. docs/agreement.md says which to report.
 */
import { parseArgs } from 'node:util';
import { agreementAccumulator } from '../../../shared/agreement/corpus-agreement';
import { progress, required } from './research-io';
import { openSource, type ResearchSource } from './research-source';

const fmt = (v: number | null): string => (v === null ? '   n/a' : v.toFixed(3).padStart(6));

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: 'string' }, corpus: { type: 'string' }, json: { type: 'boolean', default: false }, gold: { type: 'boolean', default: false } },
    strict: true,
  });
  const from = required(values.from, 'from');
  const source = await openSource(from, values.corpus);
  try {
    report(await measure(source, values.gold, values.json, from), values.json);
  } finally {
    await source.close();
  }
}

/** Every article through the accumulator; returns the result and one line per article. */
async function measure({ info, total, articles }: ResearchSource, gold: boolean, keepArticles: boolean, from: string) {
  let acc: ReturnType<typeof agreementAccumulator> | null = null;
  const bar = progress('agreement', total);
  const lines: string[] = [];
  for await (const entry of articles) {
    acc ??= agreementAccumulator(info.corpus!.tagset, { includeGold: gold, keepArticles });
    const a = acc.add(entry);
    lines.push(`${a.article.padEnd(16)} uα ${fmt(a.unitizedAlpha)}  ${a.kinds.map((k) => `${k.kind} ${fmt(k.alpha)}`).join('  ')}`);
    bar.tick();
  }
  bar.done();
  if (!acc) throw new Error(`${from}: no article to compare`);
  return { result: acc.result(), lines };
}

function report({ result, lines }: Awaited<ReturnType<typeof measure>>, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
    return;
  }
  const c = result.categories;
  console.log(`annotators: ${result.annotators.join(', ')}\n\nall kinds at once (tokens, all articles):`);
  console.log(`  Fleiss κ ${fmt(c.fleiss)}  Krippendorff α ${fmt(c.alpha)}  unitizing α ${fmt(result.unitizedAlpha)}`);
  for (const p of c.cohen) console.log(`    Cohen κ ${p.a} × ${p.b}: ${fmt(p.kappa)}`);
  const width = Math.max(8, ...c.confusion.labels.map((l) => l.length + 1));
  console.log(`\nconfusion between kinds (tokens, every pair of annotators both ways):\n  ${''.padEnd(width)}${c.confusion.labels.map((l) => l.padStart(width)).join('')}`);
  c.confusion.counts.forEach((row, i) => console.log(`  ${c.confusion.labels[i]!.padEnd(width)}${row.map((n) => String(n).padStart(width)).join('')}`));
  console.log('\nper kind (tokens in or out of the kind, all articles):');
  for (const k of result.kinds) {
    console.log(`  ${k.kind.padEnd(10)} Fleiss κ ${fmt(k.fleiss)}  Krippendorff α ${fmt(k.alpha)}  unitizing α ${fmt(k.unitizedAlpha)}`);
    for (const p of k.cohen) console.log(`    Cohen κ ${p.a} × ${p.b}: ${fmt(p.kappa)}`);
  }
  console.log('\nlinks (ends matched by overlapping spans of the same kind; relation type over the matched links):');
  for (const l of result.links) console.log(`  ${l.a} × ${l.b}: ${l.linksA} / ${l.linksB} links, ${l.matched} matched, F1 ${fmt(l.f1)}, same type ${fmt(l.sameType)}, Cohen κ ${fmt(l.kappa)}`);
  if (result.gold.length > 0) console.log('\nagainst the gold layer (precision, recall, F1):');
  for (const g of result.gold) console.log(`  ${g.annotator.padEnd(12)} ${g.mode.padEnd(8)} P ${fmt(g.precision)}  R ${fmt(g.recall)}  F1 ${fmt(g.f1)}`);
  console.log(`\nper article (uα over kinds; nominal α per kind):\n${lines.map((l) => `  ${l}`).join('\n')}`);
}
