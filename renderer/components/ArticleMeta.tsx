/**
 * The line under an article's title: its source and language, and for an article imported from
 * a web address its provenance (model/page-source.ts) — the address, when it was retrieved (in
 * the reader's language), where it was finally read if the site redirected, and the saved page
 * as it was served, to download. The address is shown as text, not a link: the app opens no
 * other site, and a class reads what was saved.
 */
import { useT } from '../i18n/use-t';
import type * as Y from 'yjs';
import type { Article } from '../../shared/model/corpus';
import { sourceDocName } from '../../shared/model/doc-names';
import { pageSnapshot, readPageSource } from '../../shared/model/page-source';
import { gloseApi } from '../api/glose-api';
import { loadDoc } from '../store/doc-store';
import { useDocValue } from '../store/use-doc';

interface Props {
  corpus: string;
  corpusDoc: Y.Doc | undefined;
  article: Article | undefined;
}

export function ArticleMeta({ corpus, corpusDoc, article }: Props) {
  const { t, language } = useT();
  const source = useDocValue(corpusDoc, (d) => (article ? readPageSource(d, article.id) : undefined), [article?.id]);
  if (!article) return <p className="article-meta" />;
  if (!source) return <p className="article-meta">{`${article.source} · ${article.language.toUpperCase()}`}</p>;

  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(source.retrieved));
  const download = async () => {
    const html = pageSnapshot(await loadDoc(sourceDocName(corpus, article.id)));
    await gloseApi().saveFile({ suggestedName: `${article.id}-${t('urlImport.savedPageName')}.html`, data: new TextEncoder().encode(html) });
  };
  return (
    <p className="article-meta article-provenance">
      <span>{t('urlImport.source', { url: source.url })}</span>
      {source.finalUrl !== source.url && <span>{t('urlImport.redirected', { url: source.finalUrl })}</span>}
      <span>
        {t('urlImport.retrieved', { date })} · {article.language.toUpperCase()}
      </span>
      <button type="button" className="link-button" onClick={() => void download()}>
        {t('urlImport.savedPage')}
      </button>
    </p>
  );
}
