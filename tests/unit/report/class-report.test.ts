/**
 * The class report and a student's report, built from a hand-built class (report-fixture.ts),
 * without a browser: every section is there, in English and in French, with the dashboard's
 * figures, the disputed passage's text and the map's links; notes, replies, names and titles
 * written as HTML come out as text; nothing in the document needs a script or another file.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC, studentScores } from '../../../shared/assessment/rubric';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { buildClassReport } from '../../../renderer/store/report/class-report';
import { buildStudentReport } from '../../../renderer/store/report/student-report';
import { ARTICLE, classInput, context, HOSTILE_NOTE, HOSTILE_REPLY, PNG, roster, TEXT } from './report-fixture';

/** The text of each heading, in order. */
const headings = (doc: string) => [...doc.matchAll(/<h([1-3])[^>]*>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]}`);

describe('class report', () => {
  it('has the class, its articles, the students’ figures, each article’s heat, comparison and most disputed passage, and the argument map', async () => {
    const { document } = buildClassReport(await context('en'), classInput());
    expect(headings(document)).toEqual([
      '1 Class report: 3e B',
      '2 Articles',
      '2 Students',
      '2 Article: Spotify &amp; &lt;AI&gt;',
      '3 Where the class concentrates',
      '3 Passage by passage',
      '3 Most disputed passages',
      '2 Argument map',
    ]);
    // the students' table: Ana 1 claim, Ben 1 disputed, 1 reply, 1 link
    expect(document).toMatch(/<th scope="row">Ana<\/th><td class="number">1<\/td><td class="number">0<\/td>/);
    expect(document).toMatch(/<th scope="row">Ben &lt;b&gt;<\/th><td class="number">0<\/td><td class="number">1<\/td>(<td class="number">0<\/td>){3}<td class="number">1<\/td><td class="number">1<\/td><td class="number">0<\/td><td class="number">1<\/td>/);
    // the most disputed passage, quoted whole, with who marked what
    expect(document).toContain(`<blockquote lang="en">${TEXT.split('\n\n')[0]}</blockquote>`);
    expect(document).toContain('<li>Ana: Claim</li>');
    expect(document).toContain('<li>Ben &lt;b&gt;: Disputed</li>');
    // the map's link, and the charts and map as images inside the file
    expect(document).toMatch(/<td>Disputed “its success came from AI, not from the artists” \(BEN\)<\/td><td>rebuts<\/td><td>Claim “Spotify says its success came from AI” \(ANA\)<\/td>/);
    expect(document.split(`src="${PNG}"`)).toHaveLength(4);
    // in print, each article and the map start a new page; the class and its students share the first
    expect([...document.matchAll(/<section class="([^"]*)" aria-labelledby="report-([a-z0-9-]+)"/g)].map((m) => `${m[2]}:${m[1]}`)).toEqual(['articles:', 'students:', 'article-1:new-page', 'map:new-page']);
  });

  it('is one document that needs nothing else: style inline, no script, no outside file', async () => {
    const { document } = buildClassReport(await context('en'), classInput());
    expect(document.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(document).toContain('<style>');
    expect(document).not.toMatch(/<script|<link|src="(?!data:)|href=/i);
  });

  it('writes a note, a reply, a name or a title made of HTML as text', async () => {
    const { document } = buildClassReport(await context('en'), classInput());
    expect(document).not.toContain(HOSTILE_NOTE);
    expect(document).not.toMatch(/<img src=x|onerror="|<script|<b>/);
    expect(document).toContain('Spotify &amp; &lt;AI&gt;');
  });

  it('lets in only PNG or SVG data URLs as images', async () => {
    const images = { students: 'javascript:alert(1)', heat: { a1: 'data:text/html;base64,PHNjcmlwdD4=' }, map: 'data:image/png;base64,AAA" onerror="alert(1)' };
    const { document } = buildClassReport(await context('en'), classInput(images));
    expect(document).not.toContain('<img');
  });

  it('says in one line that nobody marked an article, with no empty tables', async () => {
    const input = classInput();
    const unmarked = { ...ARTICLE, id: 'a2', title: 'Nobody read me' };
    const { document } = buildClassReport(await context('en'), { ...input, articles: [...input.articles, { article: unmarked, text: 'Alone.' }] });
    const section = document.slice(document.indexOf('Article: Nobody read me'), document.indexOf('report-map'));
    expect(section).toContain('<p class="empty">Nothing marked in this article yet.</p>');
    expect(section).not.toContain('<table');
  });

  it('ends with the rubric’s scores when there are any: found claims, points by criterion, total, agreement in words', async () => {
    const input = classInput();
    const gold = [{ ...input.layers[0]!.annotations[0]!, id: 'g1', note: '' }];
    const work = [{ article: ARTICLE.id, text: TEXT, gold, students: input.layers.map((l) => ({ owner: l.owner, annotations: l.annotations, replies: l.discussion.replies })) }];
    const scores = studentScores(work, DEFAULT_RUBRIC, DEFAULT_TAGSET);
    const names = new Map([['ana', 'Ana'], ['ben', 'Ben <b>']]);
    const { document } = buildClassReport(await context('en'), { ...input, scores: { scores, names, rubric: DEFAULT_RUBRIC } });
    expect(headings(document).at(-1)).toBe('2 Scores');
    const rows = [...document.matchAll(/<tr><th scope="row">(.*?)<\/th><td>(.*?)<\/td>.*?<strong>(.*?)<\/strong>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([
      ['Ana', expect.stringMatching(/1 of 1/), String(DEFAULT_RUBRIC.claims)],
      ['Ben &lt;b&gt;', expect.stringMatching(/0 of 1 \(in part: 1\)/), String(DEFAULT_RUBRIC.claims / 2 + DEFAULT_RUBRIC.replies)], // half a claim (partly found) and a reply
    ]);
  });

  it('has the class’s assignments after its articles: articles, due time and extensions, kinds, and the instructions’ light formatting as text', async () => {
    const due = Date.UTC(2026, 11, 5, 16, 30);
    const assignments = new Map([
      ['as1', { title: 'Lire <vite>', articles: ['a1'], instructions: 'Trouvez *deux* affirmations.\n\n- une par paragraphe\n- <script>alert(1)</script>', kinds: ['claim', 'rebuttal'], due, extensions: { ben: due + 86_400_000 }, created: 1 }],
    ]);
    const { document } = buildClassReport(await context('fr'), { ...classInput(), assignments });
    expect(headings(document).slice(1, 4)).toEqual(['2 Articles', '2 Devoir', '3 Lire &lt;vite&gt;']);
    // French typography puts a narrow no-break space before a colon: read it as a space here
    const section = document.slice(document.indexOf('report-assignments'), document.indexOf('report-students')).replace(/[\u00a0\u202f]/g, ' ');
    expect(section).toContain('Articles : Spotify &amp; &lt;AI&gt;');
    expect(section).toMatch(/À rendre le .*5 décembre 2026.* \(prolongé jusqu’au .*6 décembre 2026.* pour Ben &lt;b&gt;\)/);
    expect(section).toContain('Types à utiliser : Affirmation, Réfutation');
    expect(section).toContain('<p>Trouvez <em>deux</em> affirmations.</p><ul><li>une par paragraphe</li><li>&lt;script&gt;alert(1)&lt;/script&gt;</li></ul>');
    // a class without assignments has no such section
    expect(buildClassReport(await context('fr'), { ...classInput(), assignments: new Map() }).document).not.toContain('report-assignments');
  });

  it('is written in French when the interface is', async () => {
    const { document } = buildClassReport(await context('fr'), classInput());
    expect(headings(document).map((h) => h.replace(/[\u00a0\u202f]/g, ' '))).toEqual([
      '1 Bilan de la classe : 3e B',
      '2 Articles',
      '2 Élèves',
      '2 Article : Spotify &amp; &lt;AI&gt;',
      '3 Où la classe se concentre',
      '3 Passage par passage',
      '3 Passages les plus discutés',
      '2 Carte des arguments',
    ]);
    expect(document).toContain('<html lang="fr">');
    expect(document).toContain('5 décembre 2026');
  });
});

describe('student report', () => {
  it('has the student’s own marks, links and replies, their notes as text, and nobody else’s marks', async () => {
    const input = classInput();
    const visible = new Map(input.layers.flatMap((l) => l.annotations.map((a) => [a.id, a] as const)));
    const ben = { id: 'ben', entry: roster.get('ben')! };
    const { document } = buildStudentReport(await context('en'), { title: '3e B', student: ben, owner: 'ben', articles: input.articles, layers: input.layers.filter((l) => l.owner === 'ben'), visible, gold: null });
    expect(headings(document)).toEqual(['1 Report of Ben &lt;b&gt;: 3e B', '2 In total', '2 Article: Spotify &amp; &lt;AI&gt;', '3 Replies']);
    expect(document).toContain('Marks: 1 · replies: 1 · links: 1');
    expect(document).toContain('<td>Disputed</td><td lang="en">its success came from AI, not from the artists</td>');
    expect(document).toContain('rebuts → Claim “Spotify says its success came from AI”');
    expect(document).toContain('To ANA on “Spotify says its success came from AI”:');
    expect(document).toContain('&lt;/td&gt;&lt;script&gt;alert(&quot;reply&quot;)&lt;/script&gt;');
    expect(document).not.toContain(HOSTILE_REPLY);
    expect(document).not.toContain(HOSTILE_NOTE.slice(0, 10)); // Ana's note is not Ben's to see
    expect(document).not.toMatch(/<script/);
    expect(ARTICLE.title).toBe('Spotify & <AI>');
  });
});
