import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/web/dist, built by `npm run build -w @gridhaul/web` (the same depth from src/ and dist/). */
export const defaultWebDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Paths that belong to the API, never to the dashboard. */
const API_PREFIXES = ['/trpc/', '/api/'];
const API_PATHS = ['/trpc', '/api', '/openapi.json'];

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>GridHaul</title></head><body>
<main><h1>GridHaul dashboard not built</h1><p>Run <code>npm run build -w @gridhaul/web</code> and reload. The API is at <a href="/openapi.json">/openapi.json</a>.</p></main></body></html>`;

/**
 * Serves the dashboard's built files for GET and HEAD requests outside the API (`/trpc`, `/api`,
 * `/openapi.json`): a file under `distDir` if one matches, else index.html (the app routes with
 * `#/...`). Returns false when the request is not its business, so the caller handles it.
 * Hashed files under /assets/ are cached for a year; index.html is revalidated every time.
 */
export function serveStaticWeb(req: IncomingMessage, res: ServerResponse, distDir: string = defaultWebDist): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return false;
  }
  if (API_PATHS.includes(pathname) || API_PREFIXES.some((p) => pathname.startsWith(p))) return false;

  const root = resolve(distDir);
  const index = join(root, 'index.html');
  const candidate = resolve(root, `.${pathname}`);
  const inside = candidate === root || candidate.startsWith(root + sep);
  let file: string;
  if (inside && candidate !== root && isFile(candidate)) file = candidate;
  else if (pathname.startsWith('/assets/') || extname(pathname) !== '') {
    // a missing asset is a 404, not the page (a browser would try to run HTML as a script)
    if (!isFile(index)) return false;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`no file ${pathname}`);
    return true;
  } else if (isFile(index)) file = index;
  else {
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : NOT_BUILT);
    return true;
  }

  const size = statSync(file).size;
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': file.startsWith(join(root, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
