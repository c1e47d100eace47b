/**
 * The renderer's access to the GloseApi (shared/api/contract.ts): in Electron the preload has put
 * it on `window.glose`; in a plain browser (the 127.0.0.1 build) a web implementation stands in,
 * opening files through a hidden `<input type=file>` and saving them as downloads.
 */
import { version } from '../../package.json';
import { MAX_OPEN_FILE_BYTES, type GloseApi, type OpenFileRequest, type OpenFileResult, type SaveFileRequest } from '../../shared/api/contract';

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

export const webGloseApi: GloseApi = {
  appInfo: async () => ({ version, platform: navigator.platform, shell: 'browser' }),
  openFile: pickFile,
  saveFile: download,
  // a page cannot open a server: hosting needs the desktop app or `npm run server`
  hostClass: async () => ({ error: 'unavailable' }),
  discoverClasses: async () => [],
};

export function gloseApi(): GloseApi {
  return window.glose ?? webGloseApi;
}
