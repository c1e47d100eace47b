/**
 * The class comparison of one article (after the reveal; for the teacher at any time): the
 * article passage by passage with a heat strip in its margin (how disputed each passage is, in
 * a shade AND a figure, each segment a button that shows its paragraph; HeatSegment), the most
 * disputed sentence of each paragraph underlined, and beside it the marked passages, the most disputed first, each with
 * who marked what kind (PassageAnswers). Keyboard: ↑/↓ (Home/End) move between passages in the
 * list, Enter shows the passage in the text (scrolled into view, focused and flashed), Escape in
 * the text returns to the list; each passage also opens the article at its first mark.
 * A student of a blind class is told the comparison opens at the reveal (they hold only their own layer).
 * The teacher promotes marks of the passage shown into their reading (the gold) here (GoldWorkbench).
 * The teacher of a class finds, under each passage, a link per student to write them feedback on their mark there.
 * A team's layer shows as the team's work, named for the team (and as a member's own work to a member).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBlind } from '../../shared/model/class-settings';
import { listArticles, readTagset } from '../../shared/model/corpus';
import { corpusDocName, GOLD_OWNER, teamOfOwner, teamOwner } from '../../shared/model/doc-names';
import { readTeams, writerOwner } from '../../shared/model/teams';
import { DEFAULT_TAGSET } from '../../shared/model/tagset';
import { mostDisputedSentence, type PassageComparison } from '../../shared/agreement/passage-comparison';
import { classComparison, heatFigures } from '../store/comparison';
import { routeHash } from '../store/route';
import { currentRole } from '../store/sync';
import { useArticle, useArticleState } from '../store/use-article-state';
import { useDoc, useDocValue } from '../store/use-doc';
import { loadUser } from '../store/user';
import { GoldWorkbench } from './assessment/GoldWorkbench';
import { PassageAnswers } from './PassageAnswers';
import { HeatSegment } from './heat/HeatSegment';
import { useRoving } from './heat/use-roving';
import './comparison.css';

const FLASH_MS = 1200;

interface Props {
  corpus: string;
  articleId: string;
  me: string;
}

/** The paragraph's text, its most disputed sentence underlined (when it has several). */
function PassageText({ passage }: { passage: PassageComparison }) {
  const hot = mostDisputedSentence(passage)?.sentence;
  if (!hot) return <>{passage.text}</>;
  const [from, to] = [hot.start - passage.start, hot.end - passage.start];
  return (
    <>
      {passage.text.slice(0, from)}
      <span className="sentence-hot">{passage.text.slice(from, to)}</span>
      {passage.text.slice(to)}
    </>
  );
}

export function ComparisonView({ corpus, articleId, me: user }: Props) {
  const { t } = useTranslation();
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  // a team's layer is the team's work: a member's own here, named for the team
  const teams = useDocValue(corpusDoc, readTeams);
  const me = teams ? writerOwner(teams, user) : user;
  const teamNames = useMemo(() => new Map([...(teams ?? [])].map(([id, team]) => [teamOwner(id), t('teamWork.teamName', { name: team.name })])), [teams, t]);
  const state = useArticleState(corpus, articleId, me);
  const { text, index, placement, problem } = useArticle(state);
  const article = useDocValue(corpusDoc, (d) => listArticles(d).find((a) => a.id === articleId), [articleId]);
  const tagset = useDocValue(corpusDoc, readTagset) ?? DEFAULT_TAGSET;
  const blindStudent = (useDocValue(corpusDoc, isBlind) ?? false) && currentRole() === 'student';
  // the teacher builds their reading (the gold layer) here (alone, the user is the teacher)
  const teacher = currentRole() === 'teacher' || currentRole() === null;
  const [author] = useState(loadUser);
  const classTeacher = currentRole() === 'teacher';
  const comparison = useMemo(() => (text && index && placement ? classComparison(text, index, placement.placed, tagset, teamNames, article?.language) : null), [text, index, placement, tagset, teamNames, article?.language]);
  const [active, setActive] = useState(0);
  const [flashed, setFlashed] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const strip = useRoving(comparison?.passages.length ?? 0);
  const show = useCallback((passage: number) => {
    const element = document.getElementById(`passage-${passage}`);
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    element?.focus({ preventScroll: true });
    setFlashed(passage);
    setTimeout(() => setFlashed((f) => (f === passage ? null : f)), FLASH_MS);
  }, []);
  const showSegment = useCallback((passage: number) => (strip.setCurrent(passage), show(passage)), [strip.setCurrent, show]);

  if (problem) return <p className="warning" role="alert">{t('errors.openFailed', { name: problem })}</p>;
  if (!comparison) return <p className="loading">{t('app.loading')}</p>;
  const ranked = comparison.ranked;
  const current = Math.min(active, Math.max(0, ranked.length - 1));

  const move = (to: number) => {
    const next = Math.max(0, Math.min(ranked.length - 1, to));
    setActive(next);
    list.current?.querySelectorAll<HTMLButtonElement>('.passage-jump')[next]?.focus();
  };
  const onListKey = (e: React.KeyboardEvent) => {
    const to = e.key === 'ArrowDown' ? current + 1 : e.key === 'ArrowUp' ? current - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? ranked.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    move(to);
  };
  const onTextKey = (e: React.KeyboardEvent<HTMLElement>) => {
    strip.onKeyDown(e);
    if (e.key !== 'Escape') return;
    e.preventDefault();
    move(current);
  };

  const enough = comparison.members.length >= 2;
  const feedbackHref = (mark: string | undefined, member: string) =>
    mark && member !== me && member !== GOLD_OWNER && teamOfOwner(member) === null ? routeHash({ view: 'feedback', student: member, article: articleId, focus: mark }) : undefined;
  return (
    <main className="compare-view">
      <nav className="article-nav">
        <a href={routeHash({ view: 'article', id: articleId })} className="button-link">
          <span aria-hidden="true">🡐</span> {t('compare.back')}
        </a>
      </nav>
      <header className="article-header">
        <h1>{t('compare.title')}</h1>
        <p className="article-meta" lang={article?.language}>
          {article?.title}
        </p>
        {!blindStudent && <p>{t('compare.summary', { count: comparison.members.length, passages: ranked.length })}</p>}
      </header>
      {blindStudent ? (
        <p className="notice" role="status">{t('compare.blind')}</p>
      ) : (
        <>
          {enough ? <p className="hint">{t('compare.legend')}</p> : <p className="notice" role="status">{t('compare.needTwo')}</p>}
          <div className="compare-layout">
            <section className="compare-list" aria-labelledby="compare-list-title" hidden={ranked.length === 0}>
              <h2 id="compare-list-title">{t('compare.list')}</h2>
              <p className="hint" id="compare-list-hint">{t('compare.listHint')}</p>
              <ol ref={list} onKeyDown={onListKey} aria-describedby="compare-list-hint">
                {ranked.map((p, i) => (
                  <li key={p.index} className={i === current ? 'passage-item active' : 'passage-item'}>
                    <PassageAnswers
                      passage={p}
                      people={comparison.people}
                      tagset={tagset}
                      tabIndex={i === current ? 0 : -1}
                      onShow={() => (setActive(i), show(p.index))}
                      articleHref={routeHash({ view: 'article', id: articleId, focus: comparison.firstRecord.get(p.index) })}
                      feedbackHref={classTeacher ? (member) => feedbackHref(comparison.memberRecords.get(p.index)?.get(member), member) : undefined}
                    />
                  </li>
                ))}
              </ol>
              {teacher && author && placement && (
                <GoldWorkbench corpus={corpus} articleId={articleId} me={author} tagset={tagset} placed={placement.placed} passage={ranked[current] ? { start: ranked[current].start, end: ranked[current].end, n: ranked[current].index + 1 } : null} />
              )}
            </section>
            <section className="compare-text" aria-label={t('compare.text')} onKeyDown={onTextKey}>
              {heatFigures(comparison).map((f, i) => (
                <div key={f.index} className="compare-row">
                  <HeatSegment {...f} tabIndex={i === strip.current ? 0 : -1} onShow={showSegment} />
                  <p id={`passage-${f.index}`} tabIndex={-1} lang={article?.language} className={flashed === f.index ? 'flash' : undefined}>
                    <PassageText passage={comparison.passages[i]!} />
                  </p>
                </div>
              ))}
            </section>
          </div>
        </>
      )}
    </main>
  );
}
