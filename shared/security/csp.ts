/**
 * The Content-Security-Policy of the app's pages, sent by the Electron protocol handler and
 * by the browser fallback server alike, so the tests run the renderer under the policy users get.
 * Class servers live on the classroom network at addresses known only at run time, hence ws:/wss:
 * for sync and http:/https: for joining (POST /api/join); scripts still come only from the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss: http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
