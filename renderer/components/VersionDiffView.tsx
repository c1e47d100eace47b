/**
 * What changed between two versions of an article (shared/versions/word-diff.ts): the newer text
 * with the words added underlined and marked +, the words removed struck through and marked −
 * (shapes and signs, not colour alone; screen readers hear "inserted:"/"deleted:"), paragraph by
 * paragraph. N and P (or ] and [), or the two buttons, go from change to change: the change gets
 * the focus and is said in words ("Change 2 of 3: words replaced"). By default the version is
 * compared with the one before it; any older version can be chosen.
 */
import { useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { articleText } from '../../shared/model/corpus';
import { textDocName } from '../../shared/model/doc-names';
import { versionNumber } from '../../shared/versions/version-plan';
import { versionDiff, type Change, type DiffPart } from '../../shared/versions/word-diff';
import { routeHash } from '../store/route';
import { useDoc, useDocValue } from '../store/use-doc';
import { useFamily } from '../store/use-family';
import './versions.css';

interface Props {
  corpus: string;
  articleId: string;
}

/** The parts cut at line breaks into paragraphs (a part may span several). */
function paragraphs(parts: readonly DiffPart[]): DiffPart[][] {
  const out: DiffPart[][] = [[]];
  for (const part of parts) {
    part.text.split('\n').forEach((piece, i) => {
      if (i > 0) out.push([]);
      if (piece) out.at(-1)!.push({ ...part, text: piece });
    });
  }
  return out.filter((p) => p.length > 0);
}

function kindKey(c: Change): string {
  if (c.paragraph && c.kind !== 'replaced') return c.kind === 'added' ? 'versions.kindParagraphAdded' : 'versions.kindParagraphRemoved';
  return { added: 'versions.kindAdded', removed: 'versions.kindRemoved', replaced: 'versions.kindReplaced' }[c.kind];
}

const textOf = (doc: Y.Doc) => articleText(doc).toString();

export function VersionDiffView({ corpus, articleId }: Props) {
  const { t } = useTranslation();
  const family = useFamily(corpus, articleId);
  const older = family?.versions.filter((v) => versionNumber(v) < versionNumber(family.article ?? v)) ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const from = older.find((v) => v.id === chosen) ?? family?.previous ?? older.at(-1);
  const { doc: fromDoc } = useDoc(from ? textDocName(corpus, from.id) : null);
  const { doc: toDoc } = useDoc(textDocName(corpus, articleId));
  const before = useDocValue(fromDoc, textOf);
  const after = useDocValue(toDoc, textOf);
  const diff = useMemo(() => (before !== undefined && after ? versionDiff(before, after) : null), [before, after]);
  const [at, setAt] = useState(-1);
  const box = useRef<HTMLDivElement>(null);

  const go = (step: number) => {
    if (!diff || diff.changes.length === 0) return;
    const next = at < 0 ? (step > 0 ? 0 : diff.changes.length - 1) : (at + step + diff.changes.length) % diff.changes.length;
    setAt(next);
    const el = box.current?.querySelector<HTMLElement>(`[data-first="${next}"]`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'center' });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target instanceof HTMLSelectElement) return;
    const step = e.key === 'n' || e.key === 'N' || e.key === ']' ? 1 : e.key === 'p' || e.key === 'P' || e.key === '[' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    go(step);
  };

  const article = family?.article;
  if (!family || !article) return <p className="loading">{t('app.loading')}</p>;
  const seen = new Set<number>();
  const said = diff && at >= 0 && diff.changes[at] ? t('versions.position', { n: at + 1, count: diff.changes.length, kind: t(kindKey(diff.changes[at])) }) : '';
  return (
    <main className="version-diff" onKeyDown={onKeyDown}>
      <nav className="article-nav">
        <a href={routeHash({ view: 'article', id: articleId })} className="button-link">
          <span aria-hidden="true">🡐</span> {t('versions.backToArticle')}
        </a>
      </nav>
      <header className="article-header">
        <h1>{t('versions.diffTitle', { title: article.title })}</h1>
        {from && (
          <p className="row">
            <label>
              {t('versions.compare')}{' '}
              <select value={from.id} onChange={(e) => (setChosen(e.target.value), setAt(-1))}>
                {older.map((v) => (
                  <option key={v.id} value={v.id}>{t('versions.version', { version: versionNumber(v) })}</option>
                ))}
              </select>
            </label>
            <span>{t('versions.with')} {t('versions.version', { version: versionNumber(article) })}</span>
          </p>
        )}
      </header>
      {diff && (
        <>
          <p>
            <strong>{t('versions.changes', { count: diff.changes.length })}</strong>
            {diff.changes.length === 0 && ` — ${t('versions.noChanges')}`}
          </p>
          <ul className="diff-legend">
            <li><ins>+ abc</ins> {t('versions.legendAdded')}</li>
            <li><del>− abc</del> {t('versions.legendRemoved')}</li>
          </ul>
          <div className="row diff-steps">
            <button type="button" onClick={() => go(-1)} disabled={diff.changes.length === 0}><span aria-hidden="true">▲ </span>{t('versions.previous')}</button>
            <button type="button" onClick={() => go(1)} disabled={diff.changes.length === 0}><span aria-hidden="true">▼ </span>{t('versions.next')}</button>
            <span className="hint">{t('versions.keys')}</span>
          </div>
          <p className="notice" role="status" aria-live="polite">{said}</p>
          <div ref={box} className="diff-text" lang={article.language} role="document" tabIndex={0} aria-label={t('versions.textLabel', { from: from ? versionNumber(from) : '', to: versionNumber(article) })}>
            {paragraphs(diff.parts).map((paragraph, i) => (
              <p key={i}>
                {paragraph.map((part, j) => {
                  if (part.kind === 'same') return <span key={j} className={part.change === at ? 'diff-same current' : undefined}>{part.text}</span>;
                  const first = part.change !== undefined && !seen.has(part.change) && (seen.add(part.change), true);
                  const Tag = part.kind === 'added' ? 'ins' : 'del';
                  return (
                    <Tag key={j} className={part.change === at ? 'current' : undefined} data-first={first ? part.change : undefined} tabIndex={first ? -1 : undefined}>
                      <span className="visually-hidden">{t(part.kind === 'added' ? 'versions.inserted' : 'versions.deleted')} </span>
                      {part.text}
                    </Tag>
                  );
                })}
              </p>
            ))}
          </div>
        </>
      )}
    </main>
  );
}
