/**
 * What a student's own report adds once the teacher has revealed their reading: the layer the
 * student's work is in (their team's when they are in a team: shared/model/teams.ts) and the gold
 * marks of each article, read live through the dashboard's layer watcher (layer-docs.ts). The gold
 * is asked for only when it is shown to this student (use-gold-feedback.ts: the server refuses it
 * before the reveal and while the class is blind): until then `gold` is null.
 */
import { useEffect, useState } from 'react';
import { corpusDocName, GOLD_OWNER } from '../../../shared/model/doc-names';
import type { Annotation } from '../../../shared/model/record';
import { readRoster } from '../../../shared/model/roster';
import { readTeams, writerOwner } from '../../../shared/model/teams';
import { watchLayers } from '../layer-docs';
import { layerRecords } from '../layer-records';
import { useGoldShown } from '../use-gold-feedback';
import { useDoc, useDocValue } from '../use-doc';

const REFRESH_MS = 250;

/** The owner of the layer `user` writes (their team's or their own), once the corpus is read. */
export function useWorkOwner(corpus: string, user: string): string | undefined {
  const { doc } = useDoc(corpusDocName(corpus));
  return useDocValue(doc, (d) => writerOwner(readTeams(d), user), [user]);
}

/** The gold marks by article id, for `articles` (comma-separated ids); null while the gold is not shown to this student. */
export function useReportGold(corpus: string, articles: string): Map<string, Annotation[]> | null {
  const shown = useGoldShown(corpus);
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const [read, setRead] = useState<{ key: string; gold: Map<string, Annotation[]> }>();
  const key = shown ? articles : '';
  useEffect(() => {
    if (!key || !corpusDoc) return;
    return watchLayers(corpus, key.split(','), [GOLD_OWNER], REFRESH_MS, (layers) => {
      const roster = readRoster(corpusDoc);
      setRead({ key, gold: new Map(layers.map(({ article, doc }) => [article, layerRecords(doc, GOLD_OWNER, roster)])) });
    });
  }, [corpus, key, corpusDoc]);
  return shown && read?.key === key ? read.gold : null;
}
