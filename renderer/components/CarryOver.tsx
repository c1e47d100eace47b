/**
 * After joining a class, the question about work made before: "Bring my N marks" into the class,
 * or "Leave them here" in the local library (store/carry-over.ts). Asked once the class's articles
 * are known; Escape leaves the question for the next start, so nothing is decided silently.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listArticles } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import type { Author } from '../../shared/model/record';
import { bringMarks, findEarlierMarks, leaveMarks, type EarlierMark } from '../store/carry-over';
import type { Session } from '../store/session';
import { useDoc, useDocValue } from '../store/use-doc';
import { ModalDialog } from './ModalDialog';

interface Props {
  session: Session;
  /** the person in the class */
  me: Author;
  /** their id in the local library */
  localUser: string;
}

export function CarryOver({ session, me, localUser }: Props) {
  const { t } = useTranslation();
  const { doc } = useDoc(corpusDocName(session.corpus));
  const articles = useDocValue(doc, listArticles) ?? [];
  const hashes = articles.map((a) => a.hash).join();
  const [marks, setMarks] = useState<EarlierMark[]>([]);
  const [done, setDone] = useState('');
  useEffect(() => {
    let live = true;
    void findEarlierMarks(session, localUser, articles)
      .then((found) => live && setMarks(found))
      .catch(() => undefined); // no local library to read: nothing to offer
    return () => {
      live = false;
    };
  }, [hashes, localUser]);

  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(''), 8000);
    return () => clearTimeout(timer);
  }, [done]);

  const count = marks.length;
  const bring = async () => {
    try {
      setDone(t('join.brought', { count: await bringMarks(session, me, marks) }));
    } catch (error) {
      setDone(t('join.bringFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
    setMarks([]);
  };
  return (
    <>
      <div className="toast-region" role="status">
        {done && <p className="toast">{done}</p>}
      </div>
      {count > 0 && (
        <ModalDialog labelledBy="carry-title" onClose={() => setMarks([])}>
          <div className="dialog">
            <h2 id="carry-title">{t('join.carryTitle')}</h2>
            <p>{t('join.carryBody', { count })}</p>
            <p className="muted">{t('join.leaveNote')}</p>
            <div className="row">
              <button type="button" className="primary" autoFocus onClick={() => void bring()}>
                {t('join.bring', { count })}
              </button>
              <button
                type="button"
                onClick={() => {
                  leaveMarks(session, marks);
                  setMarks([]);
                }}
              >
                {t('join.leave', { count })}
              </button>
            </div>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
