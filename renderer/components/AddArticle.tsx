/**
 * Adding an article to the corpus, from a file (.txt, .md, .html, .docx) or from pasted text.
 * Bad input (too large, not UTF-8, empty, unreadable, unknown type) gets a clear message in the user's
 * language and changes nothing.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addArticle, listArticles, sha256Hex } from '../../shared/model/corpus';
import { corpusDocName, textDocName } from '../../shared/model/doc-names';
import { MAX_OPEN_FILE_BYTES } from '../../shared/api/contract';
import { gloseApi } from '../api/glose-api';
import { ARTICLE_EXTENSIONS, articleFromFile, articleFromText, MAX_ARTICLE_BYTES, type ArticleInput } from '../store/article-input';
import { loadDoc } from '../store/doc-store';

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
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const add = async (input: ArticleInput, name: string) => {
    if (!input.ok) {
      const size = megabytes(input.size ?? 0, i18n.language);
      setMessage({ error: true, text: t(`errors.${input.error}`, { name, size, max: megabytes(MAX_ARTICLE_BYTES, i18n.language) }) });
      return;
    }
    const id = sha256Hex(input.text).slice(0, 12);
    const corpusDoc = await loadDoc(corpusDocName(corpus));
    const order = listArticles(corpusDoc).length;
    addArticle(corpusDoc, await loadDoc(textDocName(corpus, id)), { id, title: input.title, language: i18n.language, source: name, order }, input.text);
    setMessage({ error: false, text: t('library.added', { title: input.title }) });
    setPasting(false);
    setText('');
    setTitle('');
    onAdded(id);
  };

  const openFile = async () => {
    const file = await gloseApi().openFile({ purpose: 'article', extensions: ARTICLE_EXTENSIONS });
    if (!file) return;
    if ('error' in file) {
      const key = file.error === 'too-large' ? 'errors.tooLarge' : 'errors.unreadable';
      setMessage({ error: true, text: t(key, { name: file.name, size: `> ${megabytes(MAX_OPEN_FILE_BYTES, i18n.language)}`, max: megabytes(MAX_ARTICLE_BYTES, i18n.language) }) });
      return;
    }
    await add(await articleFromFile(file.name, file.data), file.name);
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
      </div>
      {pasting && (
        <form
          className="paste-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add(articleFromText(text, title), title || t('library.paste'));
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
                const input = articleFromText(text + e.clipboardData.getData('text/plain'));
                if (!input.ok && input.error === 'tooLarge') {
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
