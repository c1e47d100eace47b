/**
 * The `app://glose/` protocol the renderer is loaded from (never file://): registered as a
 * privileged standard scheme before the app is ready, it serves only files inside
 * dist/renderer, with their content type and, through security.ts, the Content-Security-Policy.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { protocol } from 'electron';
import { safeRelativePath, staticFileHeaders } from '../../shared/security/static-files';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { withContentSecurityPolicy } from './security';

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // not `secure`: a secure origin may not open ws:// or fetch http:// on the classroom network
    // (mixed content), and class servers have no certificates (docs/decisions.md)
    { scheme: APP_SCHEME, privileges: { standard: true, supportFetchAPI: true } },
  ]);
}

export function appFileHandler(
  root: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
): (request: Request) => Promise<Response> {
  return withContentSecurityPolicy(async (request) => {
    const url = new URL(request.url);
    const path = url.host === APP_HOST ? safeRelativePath(url.pathname) : null;
    if (path === null) return new Response('Forbidden', { status: 403 });
    try {
      const body = await read(join(root, path));
      return new Response(new Uint8Array(body), { status: 200, headers: staticFileHeaders(path) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** Call once the app is ready. */
export function serveAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, appFileHandler(root));
}
