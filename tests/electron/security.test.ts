/**
 * The secure defaults of electron/main/security.ts, with `electron` mocked: what each web
 * contents and the session are told to do, exercised by firing the events Electron would fire.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

const electron = vi.hoisted(() => ({
  app: { enableSandbox: vi.fn(), on: vi.fn() },
  shell: { openExternal: vi.fn(async () => undefined) },
}));
vi.mock('electron', () => electron);

const security = await import('../../electron/main/security');

type Listener = (event: { url: string; preventDefault(): void }) => void;

/** A stand-in web contents that records its listeners and window-open handler. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'unset' });
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  };
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener(event);
    return event.preventDefault;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler({ url }) };
}

beforeEach(() => vi.clearAllMocks());

describe('web preferences', () => {
  it('sandboxes, isolates and gives the page no Node', () => {
    expect(security.secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('navigation', () => {
  for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it(`${name}: another origin is prevented, the app's own origin is allowed`, () => {
      const { contents, fire } = fakeContents();
      security.hardenContents(contents);
      expect(fire(name, 'https://evil.example/')).toHaveBeenCalledOnce();
      expect(fire(name, 'file:///etc/passwd')).toHaveBeenCalledOnce();
      expect(fire(name, 'app://other/index.html')).toHaveBeenCalledOnce();
      expect(fire(name, 'app://glose/index.html#corpus')).not.toHaveBeenCalled();
    });
  }

  it('refuses to attach a webview', () => {
    const { contents, fire } = fakeContents();
    security.hardenContents(contents);
    expect(fire('will-attach-webview', 'app://glose/index.html')).toHaveBeenCalledOnce();
  });
});

describe('window.open', () => {
  it('is always denied; only http(s) links are handed to the system browser', () => {
    const { contents, open } = fakeContents();
    security.hardenContents(contents);
    for (const url of ['https://example.org/a', 'http://example.org/b', 'javascript:alert(1)', 'file:///etc/passwd', 'app://glose/x', 'not a url']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://example.org/a'], ['http://example.org/b']]);
  });
});

describe('session permissions', () => {
  it('denies every permission request, check and device access', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => (handlers.device = h),
    } as unknown as Session;
    security.hardenSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers.request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(handlers.check({}, permission, 'app://glose', {})).toBe(false);
    }
    expect(handlers.device({ deviceType: 'usb' })).toBe(false);
  });
});

describe('app-wide defaults', () => {
  it('enables the sandbox for every renderer and hardens every web contents created', () => {
    security.applySecureDefaults();
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    const [name, onCreated] = electron.app.on.mock.calls[0] as unknown as [string, (e: unknown, c: WebContents) => void];
    expect(name).toBe('web-contents-created');
    const { contents, fire, open } = fakeContents();
    onCreated({}, contents);
    expect(fire('will-navigate', 'https://evil.example/')).toHaveBeenCalledOnce();
    expect(open('https://example.org/')).toEqual({ action: 'deny' });
  });
});

describe('Content-Security-Policy', () => {
  it('is set on every response of the app protocol, errors included', async () => {
    const handler = security.withContentSecurityPolicy(async (request) =>
      request.url.endsWith('missing') ? new Response('Not found', { status: 404 }) : new Response('<html></html>', { headers: { 'content-security-policy': "default-src *" } }),
    );
    for (const url of ['app://glose/index.html', 'app://glose/missing']) {
      const response = await handler(new Request(url));
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
