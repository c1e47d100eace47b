/**
 * renderer/api/glose-api.ts in Node with stand-ins for the page's globals: the preload's
 * `window.glose` wins when present; otherwise the web implementation answers, with the file
 * input's accept list, its 200 MB limit, its cancel, and the download of a saved file.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_OPEN_FILE_BYTES, type GloseApi, type OpenFileRequest } from '../../shared/api/contract';
import packageJson from '../../package.json';

/** A stand-in for `<input>`/`<a>`: an EventTarget with the properties the module sets. */
class FakeElement extends EventTarget {
  type = '';
  accept = '';
  hidden = false;
  href = '';
  download = '';
  files: Array<{ name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }> = [];
  onClick: (element: FakeElement) => void = () => undefined;
  click() {
    this.onClick(this);
  }
  remove = vi.fn();
}

function stubPage(onClick: (element: FakeElement) => void, glose?: GloseApi) {
  const created: FakeElement[] = [];
  vi.stubGlobal('window', { glose });
  vi.stubGlobal('navigator', { platform: 'Linux x86_64' });
  vi.stubGlobal('document', {
    createElement: () => {
      const element = new FakeElement();
      element.onClick = onClick;
      created.push(element);
      return element;
    },
    body: { append: vi.fn() },
  });
  return created;
}

const load = async () => (await import('../../renderer/api/glose-api')).gloseApi();

afterEach(() => vi.unstubAllGlobals());

describe('gloseApi()', () => {
  it('is the preload API when Electron provides one', async () => {
    const electronApi = { appInfo: vi.fn(), openFile: vi.fn(), saveFile: vi.fn() } as unknown as GloseApi;
    stubPage(() => undefined, electronApi);
    expect(await load()).toBe(electronApi);
  });

  it('is the web implementation in a plain browser', async () => {
    stubPage(() => undefined);
    await expect((await load()).appInfo()).resolves.toEqual({ version: packageJson.version, platform: 'Linux x86_64', shell: 'browser' });
  });

  it('opens a file through a hidden file input, with the 200 MB limit and cancel', async () => {
    const pick = (files: FakeElement['files'], event: string) => (input: FakeElement) => {
      input.files = files;
      input.dispatchEvent(new Event(event));
    };
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    const small = { name: 'a.txt', size: 3, arrayBuffer: async () => bytes };
    const huge = { name: 'b.txt', size: MAX_OPEN_FILE_BYTES + 1, arrayBuffer: vi.fn(async () => bytes) };
    const request: OpenFileRequest = { purpose: 'article', extensions: ['txt', 'md'] };

    const inputs = stubPage(pick([small], 'change'));
    await expect((await load()).openFile(request)).resolves.toEqual({ name: 'a.txt', data: new Uint8Array([1, 2, 3]) });
    expect(inputs[0]).toMatchObject({ type: 'file', accept: '.txt,.md', hidden: true });
    expect(inputs[0].remove).toHaveBeenCalled();

    stubPage(pick([huge], 'change'));
    await expect((await load()).openFile(request)).resolves.toEqual({ name: 'b.txt', error: 'too-large' });
    expect(huge.arrayBuffer).not.toHaveBeenCalled();

    stubPage(pick([], 'cancel'));
    await expect((await load()).openFile(request)).resolves.toBeNull();
  });

  it('saves a file as a download of a blob URL', async () => {
    const clicked: Array<{ href: string; download: string }> = [];
    stubPage((link) => clicked.push({ href: link.href, download: link.download }));
    await expect((await load()).saveFile({ suggestedName: 'corpus.json', data: new Uint8Array([123, 125]) })).resolves.toEqual({ saved: true });
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('corpus.json');
    expect(clicked[0].href).toMatch(/^blob:/);
  });
});
