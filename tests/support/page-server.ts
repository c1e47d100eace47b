/**
 * A news site on 127.0.0.1 (port 0) for the import-from-URL tests: the saved pages of
 * tests/fixtures/pages under /pages/<name>.html, and hostile answers: a huge page without Content-Length
 * (/huge), one that declares a huge length (/huge-declared), one that never finishes (/slow),
 * a page of too many elements (/crowded), a PNG (/binary), a redirect loop (/loop-a ⇄ /loop-b), a long redirect chain (/hop/N), a
 * redirect to the seed page (/moved), a redirect to a file: address (/to-file), a page whose first
 * request has its connection dropped (/dropped-once, then seed 003) and a 404.
 * And a page that changes after publication, as news articles do without saying so:
 * /changing/seed-003.html serves seed 003's saved page until a POST to the same address asks for
 * `?version=2`, then the page with the hand-made edits of tests/unit/versions/seed-edits.ts (a
 * sentence reworded, a paragraph removed, a correction note added); `?version=1` puts it back.
 */
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { editedPage } from '../unit/versions/seed-edits';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

export interface PageServer {
  /** The address of `path` on this server. */
  url(path: string): string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) }).end(body);
}

function redirect(res: ServerResponse, to: string): void {
  res.writeHead(302, { location: to }).end();
}

export async function pageServer(): Promise<PageServer> {
  const open = new Set<ServerResponse>();
  const edited = new Set<string>();
  let dropped = false;
  const server = createServer((req, res) => {
    const address = new URL(req.url ?? '/', 'http://x');
    const path = address.pathname;
    const changing = /^\/changing\/(seed-003\.html)$/.exec(path)?.[1];
    if (changing && req.method === 'POST') {
      const version = address.searchParams.get('version');
      if (version !== '1' && version !== '2') return send(res, 400, 'text/plain', 'version=1 or version=2');
      if (version === '2') edited.add(changing);
      else edited.delete(changing);
      return send(res, 204, 'text/plain', '');
    }
    if (changing) {
      const html = readFileSync(join(PAGES, changing), 'utf8');
      return send(res, 200, 'text/html; charset=utf-8', edited.has(changing) ? editedPage(html) : html);
    }
    const page = /^\/pages\/([\w-]+\.html)$/.exec(path)?.[1];
    if (page) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(PAGES, page));
      } catch {
        return send(res, 404, 'text/html', '<h1>Not found</h1>');
      }
      // the windows-1252 page says so only in its <meta charset>, as old sites do
      return send(res, 200, page.includes('1252') ? 'text/html' : 'text/html; charset=utf-8', bytes);
    }
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop) return redirect(res, `/hop/${Number(hop[1]) + 1}`);
    switch (path) {
      case '/dropped-once':
        if (!dropped) return void (dropped = true, res.socket?.destroy());
        return send(res, 200, 'text/html; charset=utf-8', readFileSync(join(PAGES, 'seed-003.html')));
      case '/moved': return redirect(res, '/pages/seed-003.html');
      case '/loop-a': return redirect(res, '/loop-b');
      case '/loop-b': return redirect(res, '/loop-a');
      case '/to-file': return redirect(res, 'file:///etc/passwd');
      case '/crowded': // a page of 25,000 elements, light in bytes
        return send(res, 200, 'text/html; charset=utf-8', `<html><body><article><p>${'Spotify and AI. '.repeat(50)}</p></article>${'<span>x</span>'.repeat(25_000)}</body></html>`);
      case '/binary': return send(res, 200, 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
      case '/huge-declared':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(500 * 1024 * 1024) });
        return void res.write('<html><body><p>');
      case '/huge': {
        // chunked, no length: the fetcher must count as the bytes come
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        const chunk = `<p>${'Spotify said its success came from AI. '.repeat(1600)}</p>\n`;
        let sent = 0;
        const more = () => {
          while (sent < 8 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
          if (sent >= 8 * 1024 * 1024) res.end();
        };
        res.on('drain', more);
        return more();
      }
      case '/slow':
        open.add(res);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.write('<html><body><article><p>The first words arrive, then nothing more');
      default:
        return send(res, 404, 'text/html; charset=utf-8', '<html><body><h1>404 Not found</h1></body></html>');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
