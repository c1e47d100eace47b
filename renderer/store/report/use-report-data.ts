/**
 * What a report is built from, read live as the views read it: the class's articles with their
 * texts, the students' layers (use-class-layers.ts, the dashboard's reader; one student's alone
 * for their own report), the roster, the tagset, and every annotation the user can see
 * (corpus-annotations.ts, the argument map's reader) with the map's graph built from them.
 * `undefined` until everything has been read once.
 */
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useT } from '../../i18n/use-t';
import { readAssignments, type Assignment } from '../../../shared/model/assignments';
import { articleText, listArticles, readTagset } from '../../../shared/model/corpus';
import { textDocName } from '../../../shared/model/doc-names';
import type { Annotation } from '../../../shared/model/record';
import { readRoster, type RosterEntry } from '../../../shared/model/roster';
import { DEFAULT_TAGSET, type Tagset } from '../../../shared/model/tagset';
import { readTeams, type Teams } from '../../../shared/model/teams';
import { useCorpusAnnotations } from '../corpus-annotations';
import type { LayerData } from '../dashboard/student-activity';
import { useClassLayers } from '../dashboard/use-class-layers';
import { buildMapGraph, type MapData } from '../map-model';
import { useDocValue } from '../use-doc';
import { watchDocs } from '../watch-docs';
import type { ReportArticle } from './article-report';

export interface ReportData {
  articles: ReportArticle[];
  roster: ReadonlyMap<string, RosterEntry>;
  assignments: ReadonlyMap<string, Assignment>;
  teams: Teams;
  tagset: Tagset;
  layers: LayerData[];
  map: MapData;
  /** every annotation the user can see, by id */
  visible: ReadonlyMap<string, Annotation>;
}

/** The canonical text of each article, by id, kept up to date. */
function useArticleTexts(corpus: string, ids: string): Map<string, string> | undefined {
  const [texts, setTexts] = useState<{ ids: string; texts: Map<string, string> }>();
  useEffect(() => {
    const list = ids ? ids.split(',') : [];
    const names = new Map(list.map((id) => [textDocName(corpus, id), id]));
    const docs = new Map<string, Y.Doc>();
    // read once every text is loaded, then at each change
    return watchDocs([...names.keys()], (name, doc) => {
      docs.set(names.get(name)!, doc);
      if (docs.size === list.length) setTexts({ ids, texts: new Map([...docs].map(([id, d]) => [id, articleText(d).toString()])) });
    });
  }, [corpus, ids]);
  return texts && texts.ids === ids ? texts.texts : undefined;
}

/** `student`: the one student whose report this is; without it, the whole class's. */
export function useReportData(corpus: string, me: string, student?: string): ReportData | undefined {
  const { t, language } = useT();
  const lang = language === 'fr' ? 'fr' : 'en';
  const { corpusDoc, layers } = useClassLayers(corpus, student);
  const articles = useDocValue(corpusDoc, listArticles);
  const roster = useDocValue(corpusDoc, readRoster);
  const assignments = useDocValue(corpusDoc, readAssignments);
  const teams = useDocValue(corpusDoc, readTeams);
  const tagset = useDocValue(corpusDoc, readTagset) ?? DEFAULT_TAGSET;
  const texts = useArticleTexts(corpus, articles?.map((a) => a.id).join(',') ?? '');
  const all = useCorpusAnnotations(corpus, me);
  return useMemo(() => {
    if (!articles || !roster || !layers || !texts || !all) return undefined;
    return {
      articles: articles.filter((a) => texts.has(a.id)).map((article) => ({ article, text: texts.get(article.id)! })),
      roster,
      assignments: assignments ?? new Map(),
      teams: teams ?? new Map(),
      tagset,
      layers,
      map: buildMapGraph(all, tagset, articles, lang, (key) => t('sidebar.unknownKind', { key })),
      visible: new Map(all.map((c) => [c.annotation.id, c.annotation])),
    };
  }, [articles, roster, assignments, teams, tagset, layers, texts, all, lang, t]);
}
