/**
 * Add an article from a web address: the address goes to the Node side (the desktop app's main
 * process, or the local server behind the page: gloseApi().importUrl), which fetches the page
 * and extracts its article; the page itself never fetches it. What comes back is an article with
 * its provenance (`onPage`) or a refusal, said in the user's language (`onRefused`), which
 * leaves the corpus as it was. The form is busy (and says so) while the page is fetched.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportedPage, PageFailure } from '../../shared/formats/url-import';
import { gloseApi } from '../api/glose-api';

/** Shown in the timeout message: the fetcher's deadline (electron/server/page-fetch.ts), in seconds. */
const DEADLINE_SECONDS = 20;
const MAX_PAGE_MB = 5;
/** The extractor's limit (electron/server/page-extract.ts MAX_ELEMENTS). */
const MAX_ELEMENTS = 20_000;

export function refusalText(t: TFunction, failure: PageFailure, url: string, language: string): string {
  const max = new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte' }).format(MAX_PAGE_MB);
  return t(`urlImport.errors.${failure.code}`, { url, status: failure.status, type: failure.contentType || '?', seconds: DEADLINE_SECONDS, max, elements: new Intl.NumberFormat(language).format(MAX_ELEMENTS) });
}

interface Props {
  onPage: (page: ImportedPage) => Promise<void>;
  onRefused: (message: string) => void;
  onCancel: () => void;
}

export function UrlImportForm({ onPage, onRefused, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      const answer = await gloseApi().importUrl({ url: url.trim() });
      if ('failure' in answer) onRefused(refusalText(t, answer.failure, url.trim(), i18n.language));
      else await onPage(answer.page);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="url-form"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy && url.trim()) void submit();
      }}
    >
      <label>
        {t('urlImport.label')}
        {/* type=text: the browser's own URL check would speak its language, not the app's */}
        <input type="text" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" maxLength={4096} aria-describedby="url-import-help" autoFocus spellCheck={false} />
      </label>
      <p className="hint" id="url-import-help">{t('urlImport.help')}</p>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{t('urlImport.submit')}</button>
        <button type="button" onClick={onCancel}>{t('library.cancel')}</button>
      </div>
      <p role="status" className="hint">{busy ? t('urlImport.fetching') : ''}</p>
    </form>
  );
}
