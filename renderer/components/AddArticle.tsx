/**
 * Adding an article to the corpus, from a file (.txt, .md, .html, .docx), from pasted text or
 * from a web address (UrlImportForm.tsx; the page's provenance is kept: model/page-source.ts).
 * Bad input (too large, not UTF-8, empty, unreadable, unknown type, not an article) gets a clear
 * message in the user's language and changes nothing.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARTICLE_EXTENSIONS, articleFromFile, articleFromText, MAX_ARTICLE_BYTES, type ArticleImport } from '../../shared/formats/article-import';
import { articleFromPage, type ImportedPage } from '../../shared/formats/url-import';
import { corpusDocName, sourceDocName } from '../../shared/model/doc-names';
import { keepPageSource } from '../../shared/model/page-source';
import { MAX_OPEN_FILE_BYTES } from '../../shared/api/contract';
import { gloseApi } from '../api/glose-api';
import { htmlToText } from '../store/html-text';
import { addImportedArticle } from '../store/version-import';
import { loadDoc } from '../store/doc-store';
import { UrlImportForm } from './UrlImportForm';

interface Props {
  corpus: string;
  onAdded: (articleId: string) => void;
}

function megabytes(bytes: number, lang: string): string {
  // "5.3 MB", "5,3 Mo": the unit's name is the language's too
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

export function AddArticle({ corpus, onAdded }: Props) {
  const { t, i18n } = useTranslation();
  const [pasting, setPasting] = useState(false);
  const [fromUrl, setFromUrl] = useState(false);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  // `versioned`: from a file (or a URL), so a changed text of the same source is a new version of it;
  // `page`: from a URL, whose provenance is kept beside the article
  const add = async (input: ArticleImport, name: string, versioned = false, page?: ImportedPage) => {
    if (!input.ok) {
      const size = megabytes(input.error.size ?? 0, i18n.language);
      setMessage({ error: true, text: t(`errors.${input.error.code}`, { name, size, max: megabytes(MAX_ARTICLE_BYTES, i18n.language) }) });
      return;
    }
    // another text already under this file's name is a new version or gets a suffixed id, never an overwrite
    const plan = await addImportedArticle(corpus, input.value, versioned);
    if (page && plan.kind !== 'held') keepPageSource(await loadDoc(corpusDocName(corpus)), await loadDoc(sourceDocName(corpus, plan.id)), plan.id, page);
    const title = input.value.title;
    const said = plan.kind === 'version' ? t('versions.added', { title, version: plan.version }) : plan.kind === 'held' ? t('versions.held', { title }) : t('library.added', { title });
    setMessage({ error: false, text: said });
    setPasting(false);
    setFromUrl(false);
    setText('');
    setTitle('');
    onAdded(plan.id);
  };

  const openFile = async () => {
    const file = await gloseApi().openFile({ purpose: 'article', extensions: ARTICLE_EXTENSIONS });
    if (!file) return;
    if ('error' in file) {
      const key = file.error === 'too-large' ? 'errors.tooLarge' : 'errors.unreadable';
      setMessage({ error: true, text: t(key, { name: file.name, size: `> ${megabytes(MAX_OPEN_FILE_BYTES, i18n.language)}`, max: megabytes(MAX_ARTICLE_BYTES, i18n.language) }) });
      return;
    }
    await add(await articleFromFile(file.name, file.data, { html: htmlToText }), file.name, true);
  };

  return (
    <section className="add-article" aria-labelledby="add-article-title">
      <h2 id="add-article-title">{t('library.add')}</h2>
      <div className="row">
        <button type="button" onClick={() => void openFile()}>
          {t('library.addFile')}
        </button>
        <button type="button" onClick={() => setPasting(true)} aria-expanded={pasting}>
          {t('library.paste')}
        </button>
        <button type="button" onClick={() => setFromUrl(true)} aria-expanded={fromUrl}>
          {t('urlImport.open')}
        </button>
      </div>
      {fromUrl && (
        <UrlImportForm
          onPage={(page) => add(articleFromPage(page), page.url, true, page)}
          onRefused={(text) => setMessage({ error: true, text })}
          onCancel={() => setFromUrl(false)}
        />
      )}
      {pasting && (
        <form
          className="paste-form"
          onSubmit={(e) => {
            e.preventDefault();
            const source = title || t('library.paste');
            void add(articleFromText(text, { source, title }), source);
          }}
        >
          <label>
            {t('library.pasteTitle')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} />
          </label>
          <label>
            {t('library.pasteLabel')}
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              onPaste={(e) => {
                // a huge paste is refused before it reaches the text box, which would freeze on it
                const input = articleFromText(text + e.clipboardData.getData('text/plain'), { source: '' });
                if (!input.ok && input.error.code === 'tooLarge') {
                  e.preventDefault();
                  void add(input, t('library.paste'));
                }
              }}
              rows={8}
            />
          </label>
          <div className="row">
            <button type="submit" className="primary">{t('library.pasteAdd')}</button>
            <button type="button" onClick={() => setPasting(false)}>
              {t('library.cancel')}
            </button>
          </div>
        </form>
      )}
      <p className={message?.error ? 'error' : 'success'} role={message?.error ? 'alert' : 'status'}>
        {message?.text}
      </p>
    </section>
  );
}
