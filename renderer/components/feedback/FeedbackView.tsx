/**
 * The private feedback page (issue 12, item 4). A teacher sees one student's threads
 * (`#/feedback/<student>`, from the comparison view or the dashboard), the one asked for first
 * (a mark, with its composer focused) and always the work as a whole; a student sees their own
 * (`#/feedback`), can answer each thread and write to their teachers on their work as a whole at
 * any time (a question during the lesson: the dashboard shows it to the teacher). Reading the page
 * marks it read (the student's unread count in the top bar, the teacher's on the dashboard). The
 * server gives this document to that student and teachers only.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { listArticles } from '../../../shared/model/corpus';
import { corpusDocName, layerDocName } from '../../../shared/model/doc-names';
import { feedbackThreads, topicKey, type FeedbackTopic } from '../../../shared/model/feedback';
import { readLayer } from '../../../shared/model/layer';
import type { Author } from '../../../shared/model/record';
import { readRoster } from '../../../shared/model/roster';
import { routeHash } from '../../store/route';
import { useDoc, useDocValue } from '../../store/use-doc';
import { useFeedback } from '../../store/use-feedback';
import { FeedbackThread } from './FeedbackThread';
import './feedback.css';

const QUOTE_CHARS = 120;

interface Props {
  corpus: string;
  me: Author;
  teacher: boolean;
  /** whose feedback (the teacher's choice; a student's is their own) */
  student?: string;
  focus?: FeedbackTopic;
}

function TopicTitle({ corpus, student, topic }: { corpus: string; student: string; topic: FeedbackTopic }) {
  const { t } = useTranslation();
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const title = useDocValue(corpusDoc, (d) => listArticles(d).find((a) => a.id === topic.article)?.title, [topic.article]) ?? topic.article ?? '';
  const { doc: layer } = useDoc(topic.article && topic.annotation ? layerDocName(corpus, topic.article, student) : null);
  const exact = useDocValue(layer, (d) => readLayer(d).annotations.find((a) => a.id === topic.annotation)?.target.exact, [topic.annotation]);
  if (!topic.article) return <>{t('feedback.wholeWork')}</>;
  if (!topic.annotation) return <>{t('feedback.onArticle', { title })}</>;
  const quote = exact === undefined ? t('feedback.markGone') : exact.length > QUOTE_CHARS ? `${exact.slice(0, QUOTE_CHARS)}…` : exact;
  return <>{t('feedback.onMark', { quote, title })}</>;
}

export function FeedbackView({ corpus, me, teacher, student: chosen, focus }: Props) {
  const { t } = useTranslation();
  const student = teacher ? chosen : me.id;
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const roster = useDocValue(corpusDoc, readRoster);
  const feedback = useFeedback(corpus, student ?? null, me, roster);
  const name = (student && roster?.get(student)?.name) ?? student ?? '';
  const { entries, markRead } = feedback;
  // reading the page marks it read: the student's count in the top bar, the teacher's on the dashboard
  useEffect(() => {
    if (entries.length > 0) markRead();
  }, [entries]);
  const topics = useMemo(() => {
    const threads = feedbackThreads(entries);
    const list: FeedbackTopic[] = [];
    const seen = new Set<string>();
    const add = (topic: FeedbackTopic) => {
      if (seen.has(topicKey(topic))) return;
      list.push(topic);
      seen.add(topicKey(topic));
    };
    if (focus) add(focus);
    add({});
    for (const [, [first]] of threads) add({ article: first!.article, annotation: first!.annotation });
    return list.map((topic) => ({ topic, entries: threads.get(topicKey(topic)) ?? [] }));
  }, [entries, focus]);

  if (!student) {
    return (
      <main className="feedback-view">
        <p className="notice">
          {t('feedback.chooseStudent')} <a href={routeHash({ view: 'dashboard' })}>{t('feedback.toDashboard')}</a>
        </p>
      </main>
    );
  }
  return (
    <main className="feedback-view">
      <header className="article-header">
        <h1>{teacher ? t('feedback.titleTo', { name }) : t('feedback.titleFrom')}</h1>
        <p className="hint">{teacher ? t('feedback.privateTo', { name }) : t('feedback.privateFrom')}</p>
      </header>
      {!teacher && feedback.ready && entries.length === 0 && <p className="notice">{t('feedback.none')}</p>}
      {topics.map(({ topic, entries: thread }, i) => (
        <FeedbackThread
          key={topicKey(topic)}
          id={`feedback-${i}`}
          title={<TopicTitle corpus={corpus} student={student} topic={topic} />}
          entries={thread}
          student={student}
          me={me.id}
          composer={teacher ? t('feedback.writeTo', { name }) : thread.some((e) => e.author.id !== student) ? t('feedback.answer') : t('feedback.writeToTeacher')}
          autoFocus={teacher && i === 0 && focus !== undefined}
          onSend={(text) => feedback.write(topic, text)}
        />
      ))}
    </main>
  );
}
