/**
 * The Electron implementations of openFile/saveFile (electron/main/handlers.ts) with the
 * dialogs and file system injected: cancelling, the 200 MB limit as a typed result, read errors.
 */
import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { MAX_OPEN_FILE_BYTES } from '../../shared/api/contract';
import { gloseHandlers, type HandlerDeps } from '../../electron/main/handlers';

const event = {} as IpcMainInvokeEvent;

function deps(overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    version: '0.1.0',
    platform: 'linux',
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/home/ada/articles/spotify.txt'] })),
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/ada/out.json' })),
    fileSize: vi.fn(async () => 12),
    readFile: vi.fn(async () => new Uint8Array([104, 105])),
    writeFile: vi.fn(async () => undefined),
    ...overrides,
  };
}

describe('Electron GloseApi handlers', () => {
  it('appInfo reports the Electron shell', async () => {
    await expect(gloseHandlers(deps()).appInfo(undefined, event)).resolves.toEqual({ version: '0.1.0', platform: 'linux', shell: 'electron' });
  });

  it('openFile filters by the requested extensions and returns the name and bytes', async () => {
    const d = deps();
    const result = await gloseHandlers(d).openFile({ purpose: 'article', extensions: ['txt', 'docx'] }, event);
    expect(result).toEqual({ name: 'spotify.txt', data: new Uint8Array([104, 105]) });
    expect(d.showOpenDialog).toHaveBeenCalledWith(event, { properties: ['openFile'], filters: [{ name: '*.txt, *.docx', extensions: ['txt', 'docx'] }] });
  });

  it('openFile returns null when the dialog is cancelled', async () => {
    const d = deps({ showOpenDialog: async () => ({ canceled: true, filePaths: [] }) });
    await expect(gloseHandlers(d).openFile({ purpose: 'bundle', extensions: ['zip'] }, event)).resolves.toBeNull();
    expect(d.readFile).not.toHaveBeenCalled();
  });

  it('openFile refuses a file over 200 MB with a typed result, without reading it', async () => {
    const d = deps({ fileSize: async () => MAX_OPEN_FILE_BYTES + 1 });
    await expect(gloseHandlers(d).openFile({ purpose: 'article', extensions: ['txt'] }, event)).resolves.toEqual({ name: 'spotify.txt', error: 'too-large' });
    expect(d.readFile).not.toHaveBeenCalled();
  });

  it('openFile turns a read error into a typed result', async () => {
    const d = deps({ readFile: async () => { throw new Error('EACCES'); } });
    await expect(gloseHandlers(d).openFile({ purpose: 'article', extensions: ['txt'] }, event)).resolves.toEqual({ name: 'spotify.txt', error: 'unreadable' });
  });

  it('saveFile writes where the user chose, and reports a cancel', async () => {
    const data = new Uint8Array([1]);
    const d = deps();
    await expect(gloseHandlers(d).saveFile({ suggestedName: 'corpus.json', data }, event)).resolves.toEqual({ saved: true });
    expect(d.showSaveDialog).toHaveBeenCalledWith(event, { defaultPath: 'corpus.json' });
    expect(d.writeFile).toHaveBeenCalledWith('/home/ada/out.json', data);
    const cancelled = deps({ showSaveDialog: async () => ({ canceled: true }) });
    await expect(gloseHandlers(cancelled).saveFile({ suggestedName: 'corpus.json', data }, event)).resolves.toEqual({ saved: false });
    expect(cancelled.writeFile).not.toHaveBeenCalled();
  });
});
