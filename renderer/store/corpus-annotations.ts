/**
 * Every annotation of a corpus the user can see: each article's layers (the user's own and the
 * visible ones of the roster, see visibleOthers), each read through the page's one cache of layer
 * records (layer-records.ts). Used by the link picker (links across articles),
 * the links shown in the sidebar and the argument map.
 * Loading waits for `enabled`, so opening an article paints it before the corpus is read.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { listArticles } from '../../shared/model/corpus';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import type { Annotation } from '../../shared/model/record';
import { readRoster } from '../../shared/model/roster';
import { visibleOthers } from './article-opener';
import { loadDoc } from './doc-store';
import { layerRecords } from './layer-records';
import { currentRole } from './sync';
import { useDoc, useDocValue } from './use-doc';

export interface CorpusAnnotation {
  annotation: Annotation;
  article: string;
  owner: string;
  mine: boolean;
}

const REFRESH_MS = 60;

export function useCorpusAnnotations(corpus: string, me: string, enabled = true): CorpusAnnotation[] | undefined {
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const key = useDocValue(corpusDoc, (d) => `${listArticles(d).map((a) => a.id).join(',')}|${visibleOthers(d, me, currentRole()).join(',')}`);
  const [state, setState] = useState<{ key: string; list: CorpusAnnotation[] }>();

  useEffect(() => {
    if (!enabled || key === undefined || !corpusDoc) return;
    const [articlePart = '', rosterPart = ''] = key.split('|');
    const articles = articlePart ? articlePart.split(',') : [];
    const owners = [me, ...(rosterPart ? rosterPart.split(',') : [])];
    const docs = new Map<string, { article: string; owner: string; doc: Y.Doc }>();
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const publish = () => {
      timer = undefined;
      if (!live) return;
      const list: CorpusAnnotation[] = [];
      const roster = readRoster(corpusDoc);
      for (const { article, owner, doc } of docs.values()) {
        for (const annotation of layerRecords(doc, owner, roster)) list.push({ annotation, article, owner, mine: owner === me });
      }
      setState({ key, list });
    };
    const schedule = () => {
      if (timer === undefined) timer = setTimeout(publish, REFRESH_MS);
    };
    const stops: (() => void)[] = [];
    for (const article of articles) {
      for (const owner of owners) {
        const name = layerDocName(corpus, article, owner);
        void loadDoc(name).then((doc) => {
          if (!live) return;
          docs.set(name, { article, owner, doc });
          doc.on('update', schedule);
          stops.push(() => doc.off('update', schedule));
          schedule();
        });
      }
    }
    return () => {
      live = false;
      clearTimeout(timer);
      stops.forEach((stop) => stop());
    };
  }, [enabled, key, corpusDoc, corpus, me]);

  return state && state.key === key ? state.list : undefined;
}
