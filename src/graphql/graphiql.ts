// GraphiQL at GET /graphql, served entirely by this server: yoga's own page
// loads its script, styles and editor workers from a public CDN, which a
// machine without that network never reaches (the page stays on "Loading…").
// The same GraphiQL comes here from the npm package @graphql-yoga/render-graphiql
// (yoga's own offline GraphiQL, released with graphql-yoga at the same version,
// no dependencies) and is served under /graphiql/<version>/ from a fixed list
// of files: versioned names, so browsers keep each one for good.
import { createRequire } from 'node:module';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

const require = createRequire(import.meta.url);
const { version } = require('@graphql-yoga/render-graphiql/package.json') as { version: string };

/** The path prefix of GraphiQL's files. */
export const GRAPHIQL_ASSETS_PATH = `/graphiql/${version}/`;

type Bundle = typeof import('@graphql-yoga/render-graphiql/graphiql');
const javascript = 'text/javascript; charset=utf-8';
const text = (pick: (b: Bundle) => string) => (b: Bundle) => new TextEncoder().encode(pick(b));
const files: Record<string, { type: string; body: (b: Bundle) => Uint8Array<ArrayBuffer> }> = {
  'yoga-graphiql.js': { type: javascript, body: text((b) => b.js) },
  'graphiql.css': { type: 'text/css; charset=utf-8', body: text((b) => b.css) },
  // Monaco's workers: the editor's, and the JSON (variables, headers) and GraphQL languages'.
  'editor.worker.js': { type: javascript, body: text((b) => b.editorWorkerService) },
  'json.worker.js': { type: javascript, body: text((b) => b.jsonWorker) },
  'graphql.worker.js': { type: javascript, body: text((b) => b.graphqlWorker) },
  'favicon.ico': { type: 'image/x-icon', body: (b) => Buffer.from(b.favicon.slice(b.favicon.indexOf(',') + 1), 'base64') },
};

type Asset = { type: string; body: Uint8Array<ArrayBuffer>; gzipped: Promise<Uint8Array<ArrayBuffer>> | undefined };
let assets: Promise<Map<string, Asset>> | undefined;
// 9 MB of JavaScript strings: loaded at the first request for one, not at start.
const loadAssets = () =>
  (assets ??= import('@graphql-yoga/render-graphiql/graphiql').then(
    (bundle) =>
      new Map(Object.entries(files).map(([name, file]) => [name, { type: file.type, body: file.body(bundle), gzipped: undefined }])),
  ));
const gzipped = (asset: Asset) => (asset.gzipped ??= promisify(gzip)(asset.body));

/** Serves GET/HEAD /graphiql/<version>/<file> for the listed files; anything else goes on to yoga (404). */
export function useGraphiQLAssets(): Plugin {
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS_PATH) || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const name = url.pathname.slice(GRAPHIQL_ASSETS_PATH.length);
      if (!Object.hasOwn(files, name)) return;
      const asset = (await loadAssets()).get(name)!;
      const compress = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
      const body = compress ? await gzipped(asset) : asset.body;
      const headers: Record<string, string> = {
        'content-type': asset.type,
        'content-length': String(body.byteLength),
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        vary: 'Accept-Encoding',
      };
      if (compress) headers['content-encoding'] = 'gzip';
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers }));
    },
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// Inside <script>: no "</script>" or "<!--" can close it early.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** yoga's `renderGraphiQL`: the page, referencing only this server's own paths. */
export function renderGraphiQL(options: GraphiQLOptions = {}): string {
  const title = escapeHtml(options.title || 'GraphiQL');
  const at = (name: keyof typeof files) => GRAPHIQL_ASSETS_PATH + name;
  const workers = { editorWorkerService: at('editor.worker.js'), json: at('json.worker.js'), graphql: at('graphql.worker.js') };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="${at('favicon.ico')}" />
    <link rel="stylesheet" href="${at('graphiql.css')}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root">Loading ${title}…</div>
    <script>
      const workers = ${scriptJson(workers)};
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] ?? workers.editorWorkerService };
    </script>
    <script src="${at('yoga-graphiql.js')}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}
