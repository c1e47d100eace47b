/**
 * The claim registry's rows for the page (shared/claims/claim-registry.ts): every visible layer
 * of the corpus read for its annotations and its discussion (votes and replies, counted by the
 * annotation they are about), the articles' titles and the texts of those with marks, put
 * together as they change. An article's versions are one article: a claim carried to a newer
 * version shows there only (shared/versions/carried-links.ts), its place titled with its version.
 */
import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import { claimRegistry, type RegistryClaim, type RegistryMark, type Tally } from '../../../shared/claims/claim-registry';
import { listArticles } from '../../../shared/model/corpus';
import { readDiscussion } from '../../../shared/model/discussion';
import { corpusDocName } from '../../../shared/model/doc-names';
import { readRoster } from '../../../shared/model/roster';
import { followCarriedLinks, latestCopies } from '../../../shared/versions/carried-links';
import { useCorpusLayers } from '../corpus-annotations';
import { layerRecords } from '../layer-records';
import { useDoc, useDocValue } from '../use-doc';
import { versionTitles } from '../version-titles';
import { useArticleTexts } from './article-texts';

interface CorpusRead {
  marks: RegistryMark[];
  tallies: Map<string, Tally>;
}

export function useClaimRegistry(corpus: string, me: string): RegistryClaim[] | undefined {
  const { t } = useT();
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const articles = useDocValue(corpusDoc, listArticles);
  const read = useCorpusLayers(corpus, me, true, (layers, corpusNow): CorpusRead => {
    const roster = readRoster(corpusNow);
    const marks: RegistryMark[] = [];
    const tallies = new Map<string, Tally>();
    const tally = (about: string) => {
      let t = tallies.get(about);
      if (!t) tallies.set(about, (t = { agree: 0, disagree: 0, replies: 0 }));
      return t;
    };
    for (const { article, owner, doc } of layers) {
      for (const annotation of layerRecords(doc, owner, roster)) marks.push({ annotation, article, owner });
      const discussion = readDiscussion(doc);
      for (const v of discussion.votes) tally(v.about)[v.value]++;
      for (const r of discussion.replies) tally(r.about).replies++;
    }
    // an article's versions are one article: a carried claim once, at its newest version, links followed there
    const versions = listArticles(corpusNow);
    return { marks: latestCopies(followCarriedLinks(marks, versions), versions), tallies };
  });
  // only the texts of articles with marks are read (a research corpus may hold thousands)
  const marked = useMemo(() => [...new Set((read?.marks ?? []).map((m) => m.article))].sort(), [read]);
  const texts = useArticleTexts(corpus, marked);
  return useMemo(() => {
    if (!read || !articles) return undefined;
    const titles = versionTitles(articles, t);
    const withTexts = articles.map((a) => ({ id: a.id, title: titles.get(a.id) ?? a.title, language: a.language, text: texts.get(a.id) }));
    return claimRegistry(read.marks, withTexts, (id) => read.tallies.get(id));
  }, [read, articles, texts, t]);
}
