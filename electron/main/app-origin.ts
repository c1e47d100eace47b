/**
 * The app's own origin, `app://glose`: the custom protocol the renderer is loaded from instead
 * of file://. Navigation guards and the IPC sender check both ask `isAppUrl`. (A WHATWG URL of a
 * non-special scheme has the origin "null" in Node, so scheme and host are compared instead.)
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'glose';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
