/**
 * The renderer's access to the GloseApi (shared/api/contract.ts): in Electron the preload has put
 * it on `window.glose`; in a plain browser (the 127.0.0.1 build) a web implementation stands in,
 * opening files through a hidden `<input type=file>`, saving them as downloads and PDFs through the
 * browser's print dialog, and importing from a URL through the local server that serves the page
 * (electron/server/page-import-route.ts).
 */
import { version } from '../../package.json';
import { MAX_OPEN_FILE_BYTES, type GloseApi, type ImportUrlRequest, type OpenFileRequest, type OpenFileResult, type SaveFileRequest } from '../../shared/api/contract';
import { pageImportSchema, type PageImport } from '../../shared/formats/url-import';

declare global {
  interface Window {
    glose?: GloseApi;
  }
}

function pickFile({ extensions }: OpenFileRequest): Promise<OpenFileResult> {
  return new Promise((done) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((extension) => `.${extension}`).join(',');
    input.hidden = true;
    const finish = (result: OpenFileResult) => {
      input.remove();
      done(result);
    };
    input.addEventListener('cancel', () => finish(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish(null);
      if (file.size > MAX_OPEN_FILE_BYTES) return finish({ name: file.name, error: 'too-large' });
      file.arrayBuffer().then(
        (buffer) => finish({ name: file.name, data: new Uint8Array(buffer) }),
        () => finish({ name: file.name, error: 'unreadable' }),
      );
    });
    document.body.append(input);
    input.click();
  });
}

/** The browser decides where a download goes; the page only learns that it was offered. */
async function download({ suggestedName, data }: SaveFileRequest): Promise<{ saved: boolean }> {
  const url = URL.createObjectURL(new Blob([data.slice()]));
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true };
}

/** The page never fetches the article itself: the Node server behind it does, or nobody does. */
async function importUrl({ url }: ImportUrlRequest): Promise<PageImport> {
  try {
    const response = await fetch('/api/import-url', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url }) });
    const answer = response.ok ? pageImportSchema.safeParse(await response.json()) : null;
    return answer?.success ? answer.data : { failure: { code: 'unavailable' } };
  } catch {
    return { failure: { code: 'unavailable' } };
  }
}

/** A page cannot write a PDF itself: it opens the browser's print dialog, where "Save as PDF" is one of the printers (the report page's print stylesheet shapes it). */
async function printPage(): Promise<{ saved: boolean }> {
  window.print();
  return { saved: false };
}

export const webGloseApi: GloseApi = {
  appInfo: async () => ({ version, platform: navigator.platform, shell: 'browser' }),
  openFile: pickFile,
  saveFile: download,
  savePdf: printPage,
  // a page cannot open a server: hosting needs the desktop app or `npm run server`
  hostClass: async () => ({ error: 'unavailable' }),
  discoverClasses: async () => [],
  importUrl,
};

export function gloseApi(): GloseApi {
  return window.glose ?? webGloseApi;
}
