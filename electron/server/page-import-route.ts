/**
 * POST /api/import-url on the local server that serves the renderer without Electron (`npm
 * start`'s fallback, electron/cli/serve-renderer.ts): the page's way to import from a URL
 * there, running the same Node code as the desktop app's IPC (page-import.ts). The server
 * listens on 127.0.0.1 only; since any web page the user visits could still post to it, a
 * request must come from this server's own origin, with a loopback Host (no DNS rebinding),
 * as JSON (which a cross-site form cannot send without a preflight, never granted), and small.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { PageImport } from '../../shared/formats/url-import';
import { importPage } from './page-import';

export const IMPORT_URL_PATH = '/api/import-url';
const MAX_BODY_BYTES = 8 * 1024;
const requestSchema = z.object({ url: z.string().min(1).max(4096) });

function answer(res: ServerResponse, status: number, body: PageImport | { error: string }): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function sameLocalOrigin(req: IncomingMessage): boolean {
  const host = req.headers.host ?? '';
  return /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host) && req.headers.origin === `http://${host}`;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers the request; `importer` is the one implementation (a parameter for tests' clocks and limits). */
export async function handleImportUrl(req: IncomingMessage, res: ServerResponse, importer: (url: string) => Promise<PageImport> = importPage): Promise<void> {
  if (req.method !== 'POST') return answer(res, 405, { error: 'POST only' });
  if (!sameLocalOrigin(req)) return answer(res, 403, { error: 'not from this server\'s pages' });
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return answer(res, 415, { error: 'JSON only' });
  const body = await readBody(req);
  if (body === null) return answer(res, 413, { error: 'request too large' });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return answer(res, 400, { error: 'not JSON' });
  }
  const request = requestSchema.safeParse(json);
  if (!request.success) return answer(res, 400, { error: 'expected { url }' });
  answer(res, 200, await importer(request.data.url));
}
