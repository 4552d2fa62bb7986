// The web app (web/, built by `npm run build` into dist/app) served by this server: its hashed files under
// /assets/ cached for good, and index.html for every other page address (/, /workspaces/…, /analyses/…), so
// links into the app can be shared and reloaded. The API's own paths (/graphql, /graphiql/…, /health, /ready)
// never reach it. A Content-Security-Policy keeps the page to this origin: nothing loads from another host.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

/** dist/app, from src/web/ (tsx) and from dist/web/ (compiled) alike. */
export const APP_DIRECTORY = fileURLToPath(new URL('../../dist/app/', import.meta.url));

const API_PATHS = ['/graphql', '/graphiql/', '/health', '/ready'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

// Mantine writes its theme into a <style> element, hence 'unsafe-inline' for styles only.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

interface AppFile {
  type: string;
  body: Uint8Array<ArrayBuffer>;
  immutable: boolean;
  gzipped?: Promise<Uint8Array<ArrayBuffer>>;
}

/** Every file of the build, by URL path, read once: a fixed list, so no request names a path of its own. */
function readApp(directory: string): Map<string, AppFile> | null {
  if (!existsSync(path.join(directory, 'index.html'))) return null;
  const files = new Map<string, AppFile>();
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const urlPath = `/${path.relative(directory, absolute).split(path.sep).join('/')}`;
    const body = new Uint8Array(readFileSync(absolute));
    files.set(urlPath, {
      type: TYPES[path.extname(entry.name)] ?? 'application/octet-stream',
      body,
      // Vite names what it bundles by content hash under /assets/.
      immutable: urlPath.startsWith('/assets/'),
    });
  }
  return files;
}

const NOT_BUILT = new TextEncoder().encode(
  '<!doctype html><title>DataInsight Pro</title><p>The web app is not built: run <code>npm run build</code>. The API is at <a href="/graphql">/graphql</a>.</p>',
);

export function useWebApp(directory: string = APP_DIRECTORY): Plugin {
  let files: Map<string, AppFile> | null | undefined;
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (API_PATHS.some((p) => url.pathname === p || url.pathname.startsWith(p.endsWith('/') ? p : `${p}/`))) return;
      files ??= readApp(directory);
      const exact = files?.get(url.pathname);
      // A page address (no file of that name): the app's index.html, which routes in the browser.
      const wantsPage = !exact && !url.pathname.startsWith('/assets/') && (request.headers.get('accept') ?? '').includes('text/html');
      if (!exact && !wantsPage) return;
      const headers: Record<string, string> = {
        'x-content-type-options': 'nosniff',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'referrer-policy': 'same-origin',
        vary: 'Accept-Encoding',
      };
      if (!files) {
        endResponse(new fetchAPI.Response(NOT_BUILT, { status: 503, headers: { ...headers, 'content-type': TYPES['.html']! } }));
        return;
      }
      const file = exact ?? files.get('/index.html')!;
      headers['content-type'] = file.type;
      headers['cache-control'] = file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
      const compress = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '') && file.body.byteLength > 1024;
      const body = compress ? await (file.gzipped ??= promisify(gzip)(file.body)) : file.body;
      if (compress) headers['content-encoding'] = 'gzip';
      headers['content-length'] = String(body.byteLength);
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers }));
    },
  };
}
