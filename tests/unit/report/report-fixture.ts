/**
 * A hand-built class for the report tests: one article of three paragraphs, two students (Ana
 * and Ben) who mark its first paragraph differently (a claim and a dispute, linked), Ben's reply,
 * and a hostile note and reply written as HTML. Plain Yjs layers, i18next in Node.
 */
import i18next from 'i18next';
import * as Y from 'yjs';
import { addReply, readDiscussion } from '../../../shared/model/discussion';
import { addAnnotation, readLayer } from '../../../shared/model/layer';
import type { Article } from '../../../shared/model/corpus';
import type { RosterEntry } from '../../../shared/model/roster';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { initI18n, type Language } from '../../../renderer/i18n/i18n';
import type { LayerData } from '../../../renderer/store/dashboard/student-activity';
import { buildMapGraph } from '../../../renderer/store/map-model';
import type { ClassReportInput } from '../../../renderer/store/report/class-report';
import type { ReportContext } from '../../../renderer/store/report/report-parts';
import { author, recordAt } from '../renderer/article-fixtures';

export const TEXT = 'Spotify says its success came from AI, not from the artists.\n\nCritics answer that the artists made the catalogue.\n\nA third paragraph nobody marked.';
export const HOSTILE_NOTE = '<img src=x onerror="alert(1)"><script>alert("note")</script>';
export const HOSTILE_REPLY = '</td><script>alert("reply")</script>';
export const ARTICLE: Article = { id: 'a1', title: 'Spotify & <AI>', language: 'en', source: 'https://example.org/spotify', hash: '0'.repeat(64), order: 0 };
export const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export async function context(lang: Language): Promise<ReportContext> {
  const instance = i18next.createInstance();
  await initI18n(instance, lang);
  return { t: instance.t, lang, tagset: DEFAULT_TAGSET, generated: new Date(Date.UTC(2026, 11, 5, 9, 0)) };
}

function layer(owner: string, build: (doc: Y.Doc) => void): LayerData {
  const doc = new Y.Doc();
  build(doc);
  return { owner, article: ARTICLE.id, annotations: readLayer(doc).annotations, discussion: readDiscussion(doc) };
}

export const roster = new Map<string, RosterEntry>([
  ['ana', { name: 'Ana', color: '#0072B2', role: 'student' }],
  ['ben', { name: 'Ben <b>', color: '#009E73', role: 'student' }],
  ['teacher', { name: 'M. Petit', color: '#000000', role: 'teacher' }],
]);

export function classInput(images: ClassReportInput['images'] = { students: PNG, heat: { a1: PNG }, map: PNG }): ClassReportInput {
  const ana = layer('ana', (d) => addAnnotation(d, { ...recordAt('ana-1', 'ana', 'Spotify says its success came from AI', TEXT, 'claim'), note: HOSTILE_NOTE }));
  const ben = layer('ben', (d) => {
    addAnnotation(d, { ...recordAt('ben-1', 'ben', 'its success came from AI, not from the artists', TEXT, 'disputed'), links: [{ to: 'ana-1', rel: 'rebuts' }] });
    addReply(d, { id: 'r1', about: 'ana-1', text: HOSTILE_REPLY, author: author('ben'), created: '2026-12-05T08:00:00.000Z' });
  });
  const all = [ana, ben].flatMap((l) => l.annotations.map((annotation) => ({ annotation, article: ARTICLE.id, owner: l.owner, mine: false })));
  return {
    title: '3e B',
    articles: [{ article: ARTICLE, text: TEXT }],
    roster,
    layers: [ana, ben],
    map: buildMapGraph(all, DEFAULT_TAGSET, [ARTICLE], 'en', (k) => k),
    images,
  };
}
