/**
 * A student's own report after the teacher's reading is revealed (report/gold-section.ts): what
 * the student — here a team member, whose work is the team's layer — found, found in part and
 * missed of the teacher's marks, in words, each with a link to the teacher's passage and the
 * teacher's explanation (escaped); nothing of it before the reveal.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDiscussion } from '../../../shared/model/discussion';
import { addAnnotation, readLayer } from '../../../shared/model/layer';
import type { Annotation } from '../../../shared/model/record';
import type { LayerData } from '../../../renderer/store/dashboard/student-activity';
import { buildStudentReport, type StudentReportInput } from '../../../renderer/store/report/student-report';
import { recordAt } from '../renderer/article-fixtures';
import { ARTICLE, context, roster, TEXT } from './report-fixture';

const TEAM = 'team-t1';
const EXPLAINED = 'The <b>thesis</b> of the article';
const gold: Annotation[] = [
  { ...recordAt('g1', 'gold', 'Spotify says its success came from AI', TEXT, 'claim'), note: EXPLAINED },
  recordAt('g2', 'gold', 'the artists made the catalogue', TEXT, 'claim'),
  recordAt('g3', 'gold', 'A third paragraph nobody marked', TEXT, 'question'),
];

function teamLayer(): LayerData {
  const doc = new Y.Doc();
  addAnnotation(doc, recordAt('t-1', TEAM, 'Spotify says its success came from AI, not', TEXT, 'claim')); // a match
  addAnnotation(doc, recordAt('t-2', TEAM, 'Critics answer that the artists made', TEXT, 'disputed')); // another kind: in part
  return { owner: TEAM, article: ARTICLE.id, annotations: readLayer(doc).annotations, discussion: readDiscussion(doc) };
}

function input(revealed: ReadonlyMap<string, readonly Annotation[]> | null): StudentReportInput {
  const layers = [teamLayer()];
  return {
    title: '3e B',
    student: { id: 'ana', entry: roster.get('ana')! },
    owner: TEAM,
    articles: [{ article: ARTICLE, text: TEXT }],
    layers,
    visible: new Map(layers[0]!.annotations.map((a) => [a.id, a])),
    gold: revealed,
  };
}

const headings = (doc: string) => [...doc.matchAll(/<h([1-3])[^>]*>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]}`);

describe('a student’s own report against the teacher’s reading', () => {
  it('says what the team found, found in part and missed, each line linked to the teacher’s passage with the explanation', async () => {
    const { document } = buildStudentReport(await context('en'), input(new Map([[ARTICLE.id, gold]])));
    expect(headings(document).slice(0, 4)).toEqual(['1 Report of Ana: 3e B', '2 In total', '2 Your reading and your teacher’s', '3 Article: Spotify &amp; &lt;AI&gt;']);
    expect(document).toContain('Marks: 2 · replies: 0 · links: 0'); // the team's layer is her work
    expect(document).toContain('<p class="gold-summary">You found 1 of the 2 claims your teacher marked. 1 more you found in part.</p>');
    const items = [...document.matchAll(/<li class="gold-(\w+)"><p><strong>(.*?)<\/strong>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(items).toEqual(['match ✓ found', 'partial ◐ found in part', 'miss ✗ missed']);
    expect(document).toContain('<a href="#/article/a1?a=g1">show it in the article</a>');
    expect(document).toContain('<a href="#/article/a1?a=g3">show it in the article</a>');
    expect(document).toContain('<p class="note"><strong>Your teacher:</strong> The &lt;b&gt;thesis&lt;/b&gt; of the article</p>');
    expect(document).not.toContain('<b>thesis');
    expect(document).toContain('You marked these words as “Disputed”.');
  });

  it('is in French for a French page', async () => {
    const { document } = buildStudentReport(await context('fr'), input(new Map([[ARTICLE.id, gold]])));
    expect(document).toContain('Vous avez trouvé 1 des 2 affirmations que votre enseignant a marquées.');
    expect(document).toContain('✗ manqué');
  });

  it('shows nothing of the teacher’s reading before the reveal, nor when the teacher marked nothing', async () => {
    for (const revealed of [null, new Map([[ARTICLE.id, []]])]) {
      const { document } = buildStudentReport(await context('en'), input(revealed));
      expect(document).not.toContain('Your reading and your teacher’s');
      expect(document).not.toContain('gold-');
    }
  });
});
