// GraphiQL as a person opens it: GET /graphql in a real (headless) Chromium,
// every request to another host refused and recorded. The page, its script,
// styles and editor workers all come from this server, a query typed into the
// editor runs, and its result shows — with no request leaving the machine.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_ASSETS_PATH } from '../../src/graphql/graphiql.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { listen, type HttpServer } from '../support/http-server.js';

const CHROMIUM = '/usr/bin/chromium';
const WAIT = 60_000;

let api: TestApi;
let http: HttpServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does)`);
  api = await createTestApi();
  http = await listen(api);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await http?.close();
  await api?.close();
});

const localHost = (url: string) => {
  const { protocol, hostname } = new URL(url);
  // data: and blob: URLs are the page's own, never a request to a host.
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost';
};

/** A page that refuses and records every request to another host, and records its errors. */
async function openPage() {
  const context = await browser.newContext();
  const outside: string[] = [];
  const pageErrors: string[] = [];
  const served: { url: string; status: number; type: string | null }[] = [];
  const operations: Promise<unknown>[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (localHost(url)) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('response', (response) => {
    served.push({ url: response.url(), status: response.status(), type: response.headers()['content-type'] ?? null });
    if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/graphql') operations.push(response.json());
  });
  return { context, page, outside, pageErrors, consoleErrors, served, operations };
}

/** Waits (for Playwright's worker events) until a worker runs from each of these GraphiQL files. */
async function workersRunning(page: Page, files: string[]) {
  const running = () => files.every((file) => page.workers().some((worker) => worker.url().endsWith(GRAPHIQL_ASSETS_PATH + file)));
  while (!running()) await page.waitForEvent('worker', { timeout: WAIT });
}

/** The text of a Monaco editor (its rendered lines; Monaco writes spaces as no-break spaces). */
const editorText = (page: Page, selector: string) =>
  page
    .locator(`${selector} .view-lines`)
    .first()
    .evaluate((el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' '));

describe('GraphiQL', () => {
  it(
    'loads from this server alone and runs a query typed into the editor',
    async () => {
      const { context, page, outside, pageErrors, consoleErrors, served, operations } = await openPage();
      try {
        const response = await page.goto(http.url, { waitUntil: 'load', timeout: WAIT });
        expect(response?.status()).toBe(200);
        expect(await page.title()).toBe('DataInsight Pro');

        // The query editor is there once the bundle has rendered GraphiQL and Monaco started.
        const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
        await editor.waitFor({ state: 'visible', timeout: WAIT }).catch((error: unknown) => {
          throw new Error(
            `GraphiQL did not start (${String(error)}); outside requests: ${JSON.stringify(outside)}; page errors: ${JSON.stringify(pageErrors)}`,
          );
        });
        await editor.click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Delete');
        // insertText, not typing key by key: Monaco would close each bracket and offer completions.
        await page.keyboard.insertText('{ __schema { queryType { name } } }');
        await page.waitForFunction(
          () =>
            (document.querySelector('.graphiql-query-editor .view-lines') as HTMLElement | null)?.innerText
              .replace(/\u00a0/g, ' ')
              .trim() === '{ __schema { queryType { name } } }',
          undefined,
          { timeout: WAIT },
        );
        await page.locator('.graphiql-execute-button').click();

        await page.waitForFunction(
          () => /"queryType"/.test((document.querySelector('.graphiql-response .view-lines') as HTMLElement | null)?.innerText ?? ''),
          undefined,
          { timeout: WAIT },
        );
        const result = JSON.parse(await editorText(page, '.graphiql-response')) as unknown;
        expect(result).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
        // Monaco's workers, the GraphQL language's included (it starts once the schema is in), run from here too.
        await workersRunning(page, ['editor.worker.js', 'json.worker.js', 'graphql.worker.js']);
        await page.screenshot({ path: '/tmp/graphiql.png', fullPage: true });

        expect(outside).toEqual([]);
        expect(pageErrors).toEqual([]);
        expect(consoleErrors).toEqual([]);
        // GraphiQL's own introspection (its docs and completions) and the query, each answered without errors.
        const answers = (await Promise.all(operations)) as { data?: Record<string, unknown>; errors?: unknown }[];
        expect(answers.length).toBeGreaterThanOrEqual(2);
        expect(answers.filter((a) => a.errors !== undefined || !a.data)).toEqual([]);
        expect(answers.some((a) => Array.isArray((a.data?.__schema as { types?: unknown } | undefined)?.types))).toBe(true);
        // What it did load came from here, the GraphiQL files under their own path with their types.
        const own = (name: string) => served.find((r) => r.url.endsWith(GRAPHIQL_ASSETS_PATH + name));
        expect(own('yoga-graphiql.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
        expect(own('graphiql.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
        expect(
          served.every((r) => localHost(r.url) && r.status < 400),
          JSON.stringify(served),
        ).toBe(true);
      } finally {
        await context.close();
      }
    },
    5 * WAIT,
  );

  it('serves its listed files only, cacheable for good, gzipped when asked', async () => {
    const base = new URL(GRAPHIQL_ASSETS_PATH, http.url).href;
    const js = await fetch(base + 'yoga-graphiql.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toContain('renderYogaGraphiQL');
    for (const worker of ['editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      const response = await fetch(base + worker, { method: 'HEAD' });
      expect(response.status, worker).toBe(200);
      expect(response.headers.get('content-type'), worker).toBe('text/javascript; charset=utf-8');
    }
    const icon = await fetch(base + 'favicon.ico', { headers: { 'accept-encoding': 'identity' } });
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    expect(icon.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await icon.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    for (const path of [
      `${GRAPHIQL_ASSETS_PATH}package.json`,
      `${GRAPHIQL_ASSETS_PATH}..%2F..%2Fpackage.json`,
      `${GRAPHIQL_ASSETS_PATH}../graphiql.css`,
      '/graphiql/0.0.0/graphiql.css',
    ]) {
      const response = await fetch(new URL(path, http.url));
      expect(response.status, path).toBe(404);
      await response.body?.cancel();
    }
  });
});
