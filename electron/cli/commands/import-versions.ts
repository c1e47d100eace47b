/**
 * `glose import` makes versions like the app (issue 15, item 5): each article file or page is
 * planned against the articles the bundle already holds by the app's versions rule
 * (shared/versions/version-plan.ts, the same `planImport` as renderer/store/version-import.ts):
 * the same text again is held (not added twice), a changed text of the same source (file name or
 * address) becomes version n+1 (`<first>-v<n>`, linked to the newest version before it), and
 * anything else is a new article. A new version gets every layer of the version before it carried
 * into its text (shared/versions/carry.ts: exact, moved, fuzzy or orphan, never dropped), with
 * the owners' replies, votes and statuses about the carried marks.
 */
import type { ArticleSnapshot, LayerSnapshot } from '../../../shared/formats/types';
import type { Article } from '../../../shared/model/corpus';
import { carryDiscussion, carryRecords, type CarryStatus } from '../../../shared/versions/carry';
import { planImport } from '../../../shared/versions/version-plan';

export interface VersionReport {
  held: string[];
  versions: { id: string; versionOf: string }[];
  carried: Record<CarryStatus, number>;
}

function carryLayer(layer: LayerSnapshot, from: string, to: string, text: string, report: VersionReport): LayerSnapshot {
  const carried = carryRecords(layer.annotations, from, to, text);
  for (const c of carried) report.carried[c.status]++;
  const talk = carryDiscussion({ replies: layer.replies ?? [], votes: layer.votes ?? [], statuses: layer.statuses ?? [], invalid: 0 }, to);
  const of = <K extends 'reply' | 'vote' | 'status'>(kind: K) => talk.filter((t) => t.of === kind).map((t) => t.value);
  return { owner: layer.owner, annotations: carried.map((c) => c.record), replies: of('reply') as LayerSnapshot['replies'], votes: of('vote') as LayerSnapshot['votes'], statuses: of('status') as LayerSnapshot['statuses'] };
}

/** The `added` articles as the bundle's `held` articles make them: held ones dropped, versions renamed with their marks carried. */
export async function planVersions(held: AsyncIterable<ArticleSnapshot>, added: readonly ArticleSnapshot[]): Promise<{ entries: ArticleSnapshot[]; report: VersionReport }> {
  const report: VersionReport = { held: [], versions: [], carried: { exact: 0, moved: 0, fuzzy: 0, orphan: 0 } };
  // nothing added, nothing to plan: the bundle is not read a first time for nothing
  if (added.length === 0) return { entries: [], report };
  const articles: Article[] = [];
  const layers = new Map<string, LayerSnapshot[]>();
  for await (const entry of held) {
    articles.push(entry.article);
    layers.set(entry.article.id, entry.layers);
  }
  const entries: ArticleSnapshot[] = [];
  for (const entry of added) {
    const plan = planImport(articles, { id: entry.article.id, source: entry.article.source, hash: entry.article.hash, versioned: true });
    if (plan.kind === 'held') {
      report.held.push(plan.id);
      continue;
    }
    const links = plan.kind === 'version' ? { versionOf: plan.versionOf, version: plan.version } : {};
    const article: Article = { ...entry.article, ...links, id: plan.id, order: articles.length };
    const carried = plan.kind === 'version' ? (layers.get(plan.versionOf) ?? []).map((l) => carryLayer(l, plan.versionOf, plan.id, entry.text, report)) : [];
    if (plan.kind === 'version') report.versions.push({ id: plan.id, versionOf: plan.versionOf });
    articles.push(article);
    layers.set(plan.id, carried);
    entries.push({ ...entry, article, layers: carried });
  }
  return { entries, report };
}
