/**
 * On a newer version of an article: the user's marks carried from the version before it
 * (shared/versions/carried-layer.ts), never silently. A line counts them by how they were found
 * again (the panel folds away); each mark that is not in place — moved, approximate, not found — is listed with its
 * status in words and a sign, its words now and before, a button to show it in the text and a
 * link to the mark in the previous version.
 */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Article } from '../../shared/model/corpus';
import { layerDocName } from '../../shared/model/doc-names';
import { readLayer } from '../../shared/model/layer';
import type { Annotation } from '../../shared/model/record';
import type { CarryStatus } from '../../shared/versions/carry';
import { readCarried } from '../../shared/versions/carried-layer';
import { versionNumber } from '../../shared/versions/version-plan';
import { routeHash } from '../store/route';
import { useDoc, useDocValue } from '../store/use-doc';

interface Props {
  corpus: string;
  articleId: string;
  previous: Article;
  me: string;
  onGoTo: (id: string) => void;
}

const SIGN: Record<CarryStatus, string> = { exact: '✓', moved: '↷', fuzzy: '≈', orphan: '⚠' };
const STATUS_KEY: Record<CarryStatus, string> = { exact: 'versions.statusExact', moved: 'versions.statusMoved', fuzzy: 'versions.statusFuzzy', orphan: 'versions.statusOrphan' };
const ORDER: CarryStatus[] = ['moved', 'fuzzy', 'orphan'];
const byId = (doc: Y.Doc) => new Map(readLayer(doc).annotations.map((a): [string, Annotation] => [a.id, a]));

function short(quote: string): string {
  return quote.length > 120 ? `${quote.slice(0, 117)}…` : quote;
}

export function CarriedMarks({ corpus, articleId, previous, me, onGoTo }: Props) {
  const { t } = useTranslation();
  const { doc } = useDoc(layerDocName(corpus, articleId, me));
  const { doc: before } = useDoc(layerDocName(corpus, previous.id, me));
  const entries = useDocValue(doc, readCarried) ?? [];
  const records = useDocValue(doc, byId);
  const old = useDocValue(before, byId);
  const version = versionNumber(previous);
  const count = (s: CarryStatus) => entries.filter((e) => e.status === s).length;
  const listed = entries.filter((e) => e.status !== 'exact').sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
  if (!records || !old) return null;
  return (
    <details className="carried-marks" open>
      <summary>
        <h2>{t('versions.carriedTitle', { version })}</h2>
      </summary>
      <p>
        {entries.length === 0
          ? t('versions.carriedNone', { version })
          : t('versions.carriedSummary', { count: entries.length, exact: count('exact'), moved: count('moved'), fuzzy: count('fuzzy'), orphan: count('orphan') })}
      </p>
      {listed.length > 0 && (
        <ul>
          {listed.map((e) => {
            const now = records.get(e.id);
            const was = old.get(e.was)?.target.exact;
            return (
              <li key={e.id} className={`carried carried-${e.status}`}>
                <span className="carried-status">
                  <span aria-hidden="true">{SIGN[e.status]} </span>
                  {t(STATUS_KEY[e.status])}
                  {!now && ` — ${t('versions.deletedSince')}`}
                </span>
                {now && e.status !== 'orphan' && <q className="carried-quote">{short(now.target.exact)}</q>}
                {was && e.status !== 'moved' && <span className="carried-was">{t('versions.was', { quote: short(was) })}</span>}
                <span className="row">
                  {now && e.status !== 'orphan' && (
                    <button type="button" onClick={() => onGoTo(e.id)}>
                      {t('versions.show')}
                    </button>
                  )}
                  <a href={routeHash({ view: 'article', id: e.from, focus: e.was })} className="button-link">
                    {t('versions.inOld', { version })}
                  </a>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
