/**
 * Reads what the rubric scores from the page's documents (IndexedDB-backed, attached to the
 * class server): each article's text and gold layer, and each student's layer — their marks and
 * their replies — for every student of the roster; then scores it (studentScores in
 * shared/assessment/rubric.ts). Also keeps every mark by id, so the scores view can say which
 * words earned each point. Read again whenever the view asks (after a change of weights or to
 * take in new work). Students come in the order of their names. A team is scored as one, on its
 * layer (its work), under its name and its members' ("Les Renards (Nina, Omar)").
 */
import { studentScores, type ArticleWork, type Rubric, type StudentScore } from '../../shared/assessment/rubric';
import { articleText, listArticles, readTagset, type Article } from '../../shared/model/corpus';
import { readDiscussion } from '../../shared/model/discussion';
import { corpusDocName, GOLD_OWNER, layerDocName, teamOwner, textDocName } from '../../shared/model/doc-names';
import type { Annotation } from '../../shared/model/record';
import { readRoster } from '../../shared/model/roster';
import { readTeams, teamOf } from '../../shared/model/teams';
import { loadDoc } from './doc-store';
import { layerRecords } from './layer-records';

export interface ScoresRead {
  scores: StudentScore[];
  names: Map<string, string>;
  articles: Article[];
  /** every mark read (students' and gold), by article and id */
  marks: Map<string, Annotation>;
}

export const markKey = (article: string, id: string) => `${article}/${id}`;

export async function readScores(corpus: string, rubric: Rubric): Promise<ScoresRead> {
  const corpusDoc = await loadDoc(corpusDocName(corpus));
  const roster = readRoster(corpusDoc);
  const teams = readTeams(corpusDoc);
  const joined = [...roster].filter(([, e]) => e.role === 'student').map(([id]) => id);
  // each student outside a team, then each team with a member who joined
  const names = new Map(joined.filter((id) => teamOf(teams, id) === null).map((id) => [id, roster.get(id)!.name]));
  for (const [id, team] of teams) {
    const members = team.members.filter((m) => joined.includes(m)).map((m) => roster.get(m)!.name);
    if (members.length > 0) names.set(teamOwner(id), `${team.name} (${members.join(', ')})`);
  }
  const students = [...names.keys()];
  const articles = listArticles(corpusDoc);
  const marks = new Map<string, Annotation>();
  const works: ArticleWork[] = [];
  for (const article of articles) {
    const text = articleText(await loadDoc(textDocName(corpus, article.id))).toString();
    const gold = layerRecords(await loadDoc(layerDocName(corpus, article.id, GOLD_OWNER)), GOLD_OWNER, roster);
    const work = { article: article.id, text, gold, students: [] as ArticleWork['students'][number][] };
    for (const owner of students) {
      const doc = await loadDoc(layerDocName(corpus, article.id, owner));
      const annotations = layerRecords(doc, owner, roster);
      for (const a of annotations) marks.set(markKey(article.id, a.id), a);
      work.students.push({ owner, annotations, replies: readDiscussion(doc).replies });
    }
    works.push(work);
  }
  const scores = studentScores(works, rubric, readTagset(corpusDoc)).sort((a, b) => names.get(a.owner)!.localeCompare(names.get(b.owner)!));
  return { scores, names, articles, marks };
}
