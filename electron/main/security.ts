/**
 * The app's secure defaults, all in one place (Electron's security checklist; ARCHITECTURE.md §7.3),
 * and tested in tests/electron/security.test.ts: sandboxed renderers with context isolation and
 * no Node, no navigation away from the app's own origin, no new windows (http(s) links go to the
 * system browser), every permission request denied, and the Content-Security-Policy on every
 * response of the app protocol. docs/security.md explains each default.
 */
import { app, shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { isAppUrl } from './app-origin';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** Links the app may hand to the system browser: plain web pages, nothing else. */
export function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Every web contents stays on the app's origin, opens no window and embeds no webview. */
export function hardenContents(contents: WebContents): void {
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** The app asks for no camera, microphone, location, notifications…: all of them are refused. */
export function hardenSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

/** Call before the app is ready: sandbox every renderer and harden every web contents created. */
export function applySecureDefaults(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}

/** Wraps the app protocol's handler so that every response it gives carries the CSP. */
export function withContentSecurityPolicy(
  handler: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await handler(request);
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  };
}
