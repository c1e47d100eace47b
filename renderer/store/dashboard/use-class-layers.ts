/**
 * The teacher's live view of a class's work, for the dashboard: every student's layer on every
 * article (records and discussion, validated), re-read at most every REFRESH_MS whatever the
 * number of updates, so 40 students marking at once cost one refresh, not 40. Layers join as
 * students join the roster, teams are made and articles are added. `only` reads one student's layers alone (their own report).
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { listArticles } from '../../../shared/model/corpus';
import { readDiscussion } from '../../../shared/model/discussion';
import { corpusDocName } from '../../../shared/model/doc-names';
import { readRoster } from '../../../shared/model/roster';
import { readTeams, teamOwners } from '../../../shared/model/teams';
import { watchLayers } from '../layer-docs';
import { layerRecords } from '../layer-records';
import { useDoc, useDocValue } from '../use-doc';
import type { LayerData } from './student-activity';

const REFRESH_MS = 250;

/** Every student's layer owner, and every team's (a team's layer is its members' work). */
const studentsOf = (corpusDoc: Y.Doc) => [...[...readRoster(corpusDoc)].filter(([, e]) => e.role === 'student').map(([id]) => id).sort(), ...teamOwners(readTeams(corpusDoc))];

/** `layers` is null until every layer has been read once (no student is shown with nothing while loading). */
export function useClassLayers(corpus: string, only?: string): { corpusDoc?: Y.Doc; layers: LayerData[] | null } {
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const shape = useDocValue(corpusDoc, (d) => ({ articles: listArticles(d).map((a) => a.id).join(','), students: studentsOf(d).join(',') }));
  // `only` may change (a student put in a team reads the team's layer): it is not read inside useDocValue
  const key = shape && `${shape.articles}|${only ?? shape.students}`;
  const [read, setRead] = useState<{ key: string; layers: LayerData[] }>();

  useEffect(() => {
    if (key === undefined) return;
    const [articles, students] = key.split('|').map((part) => (part ? part.split(',') : [])) as [string[], string[]];
    if (articles.length * students.length === 0) return setRead({ key, layers: [] });
    return watchLayers(corpus, articles, students, REFRESH_MS, (watched) => {
      if (watched.length < articles.length * students.length || !corpusDoc) return;
      const roster = readRoster(corpusDoc);
      setRead({ key, layers: watched.map(({ owner, article, doc }) => ({ owner, article, annotations: layerRecords(doc, owner, roster), discussion: readDiscussion(doc) })) });
    });
  }, [key, corpus, corpusDoc]);

  return { corpusDoc, layers: read && read.key === key ? read.layers : null };
}
