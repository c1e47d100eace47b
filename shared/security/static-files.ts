/**
 * How the built renderer's files are served, shared by the Electron `app://` protocol handler and
 * the 127.0.0.1 fallback server so both give the page the same headers: a request path is turned
 * into a path relative to the renderer folder (or refused), and each file gets its content type,
 * the Content-Security-Policy and nosniff.
 */
import { CONTENT_SECURITY_POLICY } from './csp';

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
};

/**
 * The file a URL path names, relative to the served folder, or null when the path is malformed
 * or could leave the folder (`..`, backslashes, drive letters, NUL), however it is encoded.
 */
export function safeRelativePath(urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (/[\\:\0]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return null;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}

export function staticFileHeaders(relativePath: string): Record<string, string> {
  const extension = relativePath.slice(relativePath.lastIndexOf('.') + 1).toLowerCase();
  return {
    'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}
