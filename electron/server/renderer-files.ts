/**
 * Serves the built renderer's files over plain HTTP with the app's headers (CSP, nosniff):
 * used by the 127.0.0.1 fallback of `npm start` and by the class server, so students can open
 * the app from the teacher's address in a browser without installing anything.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeRelativePath, staticFileHeaders } from '../../shared/security/static-files';

export async function serveRendererFile(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = safeRelativePath(new URL(request.url ?? '/', 'http://localhost').pathname);
  if (path === null) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(join(root, path));
    response.writeHead(200, staticFileHeaders(path));
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }
}
