/**
 * The GloseApi contract end to end without Electron: the preload's `bridgeApi` invokes channels
 * that electron/main/ipc.ts registered on a stand-in ipcMain. Invalid input (zod) and senders
 * that are not the app's own frames are refused before a handler runs.
 */
import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { bridgeApi, gloseChannels } from '../../shared/api/channels';
import { registerGloseIpc, type GloseHandlers } from '../../electron/main/ipc';

type Invoked = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function wire(frameUrl: string | null) {
  const registered = new Map<string, Invoked>();
  const handlers = {
    appInfo: vi.fn(async () => ({ version: '0.1.0', platform: 'linux', shell: 'electron' as const })),
    openFile: vi.fn(async () => null),
    saveFile: vi.fn(async (_input: unknown) => ({ saved: true })),
    savePdf: vi.fn(async (_input: unknown) => ({ saved: true })),
    hostClass: vi.fn(async () => ({ error: 'unavailable' as const })),
    discoverClasses: vi.fn(async () => []),
    importUrl: vi.fn(async () => ({ failure: { code: 'notArticle' as const } })),
  } satisfies GloseHandlers;
  registerGloseIpc({ handle: (channel: string, listener: Invoked) => registered.set(channel, listener) } as never, handlers);
  const event = { senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
  const api = bridgeApi(async (channel, input) => {
    const listener = registered.get(channel);
    if (!listener) throw new Error(`nothing registered on ${channel}`);
    return listener(event, input);
  });
  return { api, handlers, registered };
}

describe('GloseApi over IPC', () => {
  it('registers one handler per contract method, on its channel', () => {
    const { registered } = wire('app://glose/index.html');
    expect([...registered.keys()].sort()).toEqual(Object.values(gloseChannels).sort());
  });

  it('passes valid calls from the app through to the handlers', async () => {
    const { api, handlers } = wire('app://glose/index.html');
    await expect(api.appInfo()).resolves.toEqual({ version: '0.1.0', platform: 'linux', shell: 'electron' });
    await expect(api.openFile({ purpose: 'article', extensions: ['txt', 'docx'] })).resolves.toBeNull();
    const data = new Uint8Array([1, 2, 3]);
    await expect(api.saveFile({ suggestedName: 'corpus.json', data })).resolves.toEqual({ saved: true });
    expect(handlers.saveFile.mock.calls[0][0]).toEqual({ suggestedName: 'corpus.json', data });
    await expect(api.savePdf({ suggestedName: 'Bilan 3e B.pdf' })).resolves.toEqual({ saved: true });
  });

  it('rejects invalid input before the handler runs', async () => {
    const { api, handlers } = wire('app://glose/index.html');
    const invalid: Array<() => Promise<unknown>> = [
      () => api.openFile({ purpose: 'system' as 'article', extensions: ['txt'] }),
      () => api.openFile({ purpose: 'article', extensions: ['.txt;rm'] }),
      () => api.saveFile({ suggestedName: '../../.bashrc', data: new Uint8Array(1) }),
      () => api.saveFile({ suggestedName: 'a.json', data: 'not bytes' as unknown as Uint8Array }),
      () => (api.appInfo as (input: unknown) => Promise<unknown>)({ sneaky: true }),
      () => api.hostClass({ title: '   ' }),
      () => api.savePdf({ suggestedName: '../report.pdf' }),
      () => api.savePdf({ suggestedName: 'report.html' }),
    ];
    for (const call of invalid) await expect(call()).rejects.toThrow(/invalid input/);
    expect(handlers.openFile).not.toHaveBeenCalled();
    expect(handlers.saveFile).not.toHaveBeenCalled();
    expect(handlers.appInfo).not.toHaveBeenCalled();
    expect(handlers.hostClass).not.toHaveBeenCalled();
    expect(handlers.savePdf).not.toHaveBeenCalled();
  });

  it('refuses senders that are not frames of the app origin', async () => {
    for (const url of ['https://evil.example/', 'file:///home/user/page.html', 'app://other/index.html', null]) {
      const { api, handlers } = wire(url);
      await expect(api.appInfo()).rejects.toThrow(/sender is not a page of the app/);
      expect(handlers.appInfo).not.toHaveBeenCalled();
    }
  });

  it('checks what a handler returns against the contract', async () => {
    const { api, handlers } = wire('app://glose/index.html');
    handlers.appInfo.mockResolvedValueOnce({ version: 1 } as never);
    await expect(api.appInfo()).rejects.toThrow();
  });
});
