/**
 * The report page (`#/report`): for the teacher the class report, for a student their own
 * (renderer/store/report/). The page shows the very body the saved file holds, under its two
 * buttons: Save as HTML (the document, self-contained) and Save as PDF (the page printed, its
 * print stylesheet leaving out everything but the report). Charts and the map are drawn into
 * images first (report-images.ts) and the rubric's scores read as the scores view reads them;
 * a student's report reads their team's layer when they are in one, and the teacher's reading once revealed;
 * until then the report shows the rest. The body is
 * put in with innerHTML because it is a whole document's body made by `html`, which escaped
 * every text in it (report builders' tests inject HTML through notes and names).
 */
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { readRubric } from '../../../shared/assessment/rubric';
import { corpusDocName } from '../../../shared/model/doc-names';
import { gloseApi } from '../../api/glose-api';
import { readScores } from '../../store/assessment-scores';
import { loadDoc } from '../../store/doc-store';
import type { ReportScores } from '../../store/report/scores-section';
import { buildClassReport, type ReportImages } from '../../store/report/class-report';
import type { ReportContext } from '../../store/report/report-parts';
import { REPORT_CSS } from '../../store/report/report-style';
import { buildStudentReport } from '../../store/report/student-report';
import { useReportData } from '../../store/report/use-report-data';
import { useReportGold, useWorkOwner } from '../../store/report/use-report-gold';
import type { Session } from '../../store/session';
import './report.css';

const IMAGES_DELAY_MS = 400;

/** A file name from a title: no directory separators or characters systems refuse. */
export function fileNameOf(title: string, extension: 'html' | 'pdf'): string {
  const base = title.replace(/[/\\\0:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 120) || 'report';
  return `${base}.${extension}`;
}

export default function ReportView({ session, me }: { session: Session; me: string }) {
  const { t, language } = useT();
  const lang = language === 'fr' ? 'fr' : 'en';
  // a student's work is in their team's layer when they are in a team
  const owner = useWorkOwner(session.corpus, me);
  const student = session.role === 'student' ? (owner ?? me) : undefined;
  const data = useReportData(session.corpus, me, student);
  const gold = useReportGold(session.corpus, student ? (data?.articles.map((a) => a.article.id).join(',') ?? '') : '');
  const [images, setImages] = useState<ReportImages>({});
  const [scores, setScores] = useState<ReportScores>();
  const [message, setMessage] = useState<{ key: string; reason?: string } | null>(null);

  useEffect(() => {
    if (!data || student) return;
    let live = true;
    // a live class changes the data several times a second: the pictures are drawn again once it settles
    const timer = setTimeout(() => void import('./report-images').then(({ reportImages }) => live && setImages(reportImages(data, data.tagset, t, lang))), IMAGES_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [data, student, t, lang]);

  useEffect(() => {
    if (!data || student) return;
    let live = true;
    // the scores as the scores view reads them, again when the class's work changes
    const timer = setTimeout(async () => {
      const rubric = readRubric(await loadDoc(corpusDocName(session.corpus)));
      const read = await readScores(session.corpus, rubric);
      if (live) setScores({ scores: read.scores, names: read.names, rubric });
    }, IMAGES_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [data, student, session.corpus]);

  const report = useMemo(() => {
    if (!data) return null;
    // dated when built: the saved file carries the time of the figures in it
    const c: ReportContext = { t, lang, tagset: data.tagset, generated: new Date() };
    const title = session.title || t('session.classFallback');
    if (!student) return buildClassReport(c, { title, articles: data.articles, roster: data.roster, layers: data.layers, map: data.map, images, scores, assignments: data.assignments, teams: data.teams });
    const entry = data.roster.get(me) ?? { name: me, color: '#000000', role: 'student' as const };
    return buildStudentReport(c, { title, student: { id: me, entry }, owner: student, articles: data.articles, layers: data.layers, visible: data.visible, gold });
  }, [data, images, scores, t, lang, session.title, student, me, gold]);

  if (!report) return <p className="loading">{t('app.loading')}</p>;

  const save = async (how: 'html' | 'pdf') => {
    setMessage(null);
    try {
      const result =
        how === 'html'
          ? await gloseApi().saveFile({ suggestedName: fileNameOf(report.title, 'html'), data: new TextEncoder().encode(report.document) })
          : await gloseApi().savePdf({ suggestedName: fileNameOf(report.title, 'pdf') });
      if (result.saved) setMessage({ key: 'report.saved' });
    } catch (error) {
      setMessage({ key: 'report.saveFailed', reason: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <main className="report-view">
      <div className="report-controls">
        <p className="hint">{t(student ? 'report.pageHelpStudent' : 'report.pageHelpTeacher')}</p>
        <div className="report-buttons">
          <button type="button" onClick={() => void save('html')}>
            {t('report.saveHtml')}
          </button>
          <button type="button" onClick={() => void save('pdf')}>
            {t('report.savePdf')}
          </button>
        </div>
        <p role="status" className="report-message">
          {message && t(message.key, { reason: message.reason })}
        </p>
      </div>
      <style>{REPORT_CSS}</style>
      <div className="report-page" dangerouslySetInnerHTML={{ __html: report.body.text }} />
    </main>
  );
}
