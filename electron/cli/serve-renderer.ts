/**
 * Serves the built renderer (dist/renderer) on 127.0.0.1 with the app's Content-Security-Policy,
 * and import from a URL for its pages (POST /api/import-url, page-import-route.ts).
 * This is what `npm start` falls back to where the Electron binary cannot run, and what the
 * Playwright tests drive. Usage: serve-renderer [--port N] (0 picks a free port).
 */
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { handleImportUrl, IMPORT_URL_PATH } from '../server/page-import-route';
import { serveRendererFile } from '../server/renderer-files';

export function rendererServer(root: string): Server {
  return createServer((req, res) => {
    // a plain web server hosts no class (store/serving-class.ts asks every page's server)
    if (req.url === '/api/class') return void res.writeHead(204, { 'cache-control': 'no-store' }).end();
    // import from a URL: the same Node code as the desktop app's (page-import.ts)
    if (req.url === IMPORT_URL_PATH) return void handleImportUrl(req, res);
    void serveRendererFile(root, req, res);
  });
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : port);
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--port');
  const port = at > 0 ? Number(process.argv[at + 1]) : 0;
  const server = rendererServer(resolve('dist/renderer'));
  listen(server, port).then((p) => console.log(`Glose renderer at http://127.0.0.1:${p}/`));
}
