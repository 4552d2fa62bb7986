// The web app as people use it, in a real (headless) Chromium against the real server and a standalone
// worker: a new user signs up, creates a workspace, uploads titanic.csv, analyses it and reads the report
// (score, costs, insights filtered by severity with their code, the affected rows drilled down from the
// stored file, a column's histogram with its outlier fences, correlations, duplicates); a VIEWER sees no write
// button; a stranger gets nothing; a phone-sized screen scrolls nowhere sideways; a 1,000-column dataset
// renders a handful of column rows and reaches its last column by scrolling. No request leaves the machine.
// WEB_SCREENSHOTS=1 writes the report's and a column's screenshots to docs/.
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetPath, readCsv } from '../profiling/support.js';
import { createTestApi, decodeId, type TestApi } from '../support/api.js';
import { createUser, uniqueEmail } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';
import { startWorker, type WorkerProcess } from '../support/worker-process.js';

const CHROMIUM = '/usr/bin/chromium';
// Waits for results (an analysis to finish), never for a moment to pass.
const ANALYSIS_WAIT = 180_000;
// 1,000 columns are the profiler's slow case: about 20 s alone, minutes on a loaded 2-core machine.
const WIDE_ANALYSIS_WAIT = 540_000;
const SCREENSHOTS = process.env['WEB_SCREENSHOTS'] === '1' ? path.resolve(import.meta.dirname, '../../docs') : null;

let api: TestApi;
let http: HttpServer;
let worker: WorkerProcess;
let browser: Browser;
let dir: string;
let base: string;
const outside: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does)`);
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  api = await createTestApi();
  http = await listen(api);
  base = http.url.replace(/\/graphql$/, '');
  dir = await mkdtemp(path.join(os.tmpdir(), 'web-journey-'));
  worker = await startWorker({ databaseUrl: api.db.url, storageDir: api.storage.root, dataDir: dir });
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
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await http?.close();
  await api?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A browser context that refuses (and records) every request to another host, optionally signed in. */
async function newContext(options: { token?: string; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const { protocol, hostname } = new URL(route.request().url());
    if (protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1') return route.continue();
    outside.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  // Init scripts also run in the first about:blank document, which has no storage.
  if (options.token)
    await context.addInitScript(
      (token) => location.protocol.startsWith('http') && localStorage.setItem('datainsight.token', token),
      options.token,
    );
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
  return context;
}

async function open(context: BrowserContext, address: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}${address}`);
  return page;
}

const idFromPath = (page: Page, prefix: string) => decodeURIComponent(new URL(page.url()).pathname.slice(prefix.length));

let ownerContext: BrowserContext;
const ownerEmail = uniqueEmail('ada');
const ownerToken = async () => api.tokenFor((await api.db.prisma.user.findFirstOrThrow({ where: { email: ownerEmail } })).id);
let workspaceId: string;
let datasetId: string;
let analysisId: string;

describe('the web app', () => {
  it('serves the app at / and at every page address, from this server only', async () => {
    const page = await fetch(`${base}/workspaces/abc`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    // data: URLs (the blank favicon) are the page's own, not requests.
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((a) => !a.startsWith('data:'));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset.startsWith('/assets/'), asset).toBe(true);
      const file = await fetch(`${base}${asset}`);
      expect(file.status, asset).toBe(200);
      expect(file.headers.get('cache-control')).toContain('immutable');
    }
    // The API's own paths are not the app's.
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/assets/nothing.js`)).status).toBe(404);
  });

  it('takes a new user from sign-up to a report with a histogram and a drill-down', { timeout: ANALYSIS_WAIT + 60_000 }, async () => {
    ownerContext = await newContext();
    const page = await open(ownerContext, '/');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(ownerEmail);
    await page.getByRole('textbox', { name: 'Password' }).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect.poll(() => page.getByTestId('viewer-name').textContent()).toBe('Ada Lovelace');

    await page.getByLabel('New workspace').fill('Passengers');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/\/workspaces\//);
    workspaceId = idFromPath(page, '/workspaces/');
    await page.getByRole('heading', { name: 'Passengers' }).waitFor();

    // The upload throttled to 16 KiB/s (≈ 4 s for titanic's 56 KiB), so its progress bar is there to see.
    const network = await ownerContext.newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 16 * 1024,
    });
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('upload-button').click();
    await (await chooser).setFiles(datasetPath('titanic.csv'));
    await page.getByTestId('upload-progress').getByRole('progressbar').waitFor();
    await page.waitForURL(/\/datasets\//);
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    datasetId = idFromPath(page, '/datasets/');
    await page.getByRole('heading', { name: 'titanic' }).waitFor();
    await page.getByText('891', { exact: true }).waitFor();

    await page.getByRole('combobox', { name: 'Goal' }).click();
    await page.getByRole('option', { name: 'ML preparation' }).click();
    await page.getByRole('combobox', { name: 'Target column' }).fill('survived');
    await page.getByRole('option', { name: 'survived', exact: true }).click();
    await page.getByTestId('start-analysis').click();
    await page.waitForURL(/\/analyses\//);
    analysisId = idFromPath(page, '/analyses/');
    await page.getByTestId('analysis-status').getByText('Completed').waitFor({ timeout: ANALYSIS_WAIT });

    const stored = await api.db.prisma.analysis.findUniqueOrThrow({ where: { id: decodeId(analysisId) } });
    expect(await page.getByTestId('score-value').textContent()).toBe(stored.qualityScore!.toFixed(1));
    await page.getByTestId('insight-costs').waitFor();
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'web-report.png'), fullPage: true });

    await page.getByRole('tab', { name: 'Insights' }).click();
    await page.getByTestId('insight').first().waitFor();
    const total = await api.db.prisma.insight.count({ where: { analysisId: stored.id } });
    expect(await page.getByTestId('insight-count').textContent()).toBe(`${total} insights`);

    // The missing ages: 177 rows, the first of them row 6, read back from the stored file.
    const age = page.getByTestId('insight').filter({ hasText: '`age` is missing in 177 of 891 rows' });
    await age.getByRole('tab', { name: 'pandas' }).waitFor();
    await age.getByRole('button', { name: 'Show the affected rows' }).click();
    const rows = page.getByTestId('affected-rows-range');
    await expect.poll(() => rows.textContent()).toBe('Rows 1–25 of 177');
    const firstRow = page.getByRole('dialog').locator('tbody tr').first().locator('td').first();
    expect(await firstRow.textContent()).toBe('6');
    await page.getByRole('dialog').getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => rows.textContent()).toBe('Rows 26–50 of 177');
    await page.keyboard.press('Escape');

    await page.getByRole('combobox', { name: 'Severity' }).click();
    await page.getByRole('option', { name: 'High' }).click();
    await page.keyboard.press('Escape');
    const high = await api.db.prisma.insight.count({ where: { analysisId: stored.id, severity: 'HIGH' } });
    expect(high).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('insight-count').textContent()).toBe(`${high} insights`);
    await expect.poll(() => page.getByTestId('insight').count()).toBe(high);

    await page.getByRole('tab', { name: 'Columns' }).click();
    await page.getByRole('link', { name: 'age', exact: true }).click();
    await page.waitForURL(/\/columns\//);
    await page.getByTestId('histogram').waitFor();
    expect(await page.getByTestId('histogram').locator('rect').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('fence-mild').count()).toBeGreaterThan(0);
    await page.getByTestId('quantiles').waitFor();
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'web-column.png'), fullPage: true });

    await page.goBack();
    await page.getByRole('tab', { name: 'Correlations' }).click();
    await page.getByTestId('heat-map').first().waitFor();
    await page.getByRole('tab', { name: 'Duplicates' }).click();
    expect(await page.getByTestId('duplicate-summary').textContent()).toBe('No row repeats another.');
  });

  it('uploads a new version and compares its analysis with the first', { timeout: ANALYSIS_WAIT + 60_000 }, async () => {
    // Version 2: every other passenger 15 years older.
    const { header, rows } = readCsv(await readFile(datasetPath('titanic.csv'), 'utf8'));
    const age = header.indexOf('age');
    const older = rows.map((cells, i) =>
      i % 2 === 1 && cells[age] !== '' ? cells.map((c, j) => (j === age ? String(Number(c) + 15) : c)) : cells,
    );
    const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
    const v2 = path.join(dir, 'titanic-v2.csv');
    await writeFile(v2, `${[header, ...older].map((r) => r.map(quote).join(',')).join('\n')}\n`);

    const page = await open(ownerContext, `/datasets/${encodeURIComponent(datasetId)}`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('upload-version').click();
    await (await chooser).setFiles(v2);
    await expect.poll(() => page.getByTestId('versions').locator('tr').count()).toBe(2);
    await page.getByTestId('start-analysis').click();
    await page.waitForURL(/\/analyses\//);
    const second = idFromPath(page, '/analyses/');
    await page.getByTestId('analysis-status').getByText('Completed').waitFor({ timeout: ANALYSIS_WAIT });

    const compare = await open(ownerContext, `/compare?base=${encodeURIComponent(analysisId)}&target=${encodeURIComponent(second)}`);
    await compare.getByTestId('drift-table').waitFor();
    const ageRow = compare
      .getByTestId('drift-table')
      .locator('tr')
      .filter({ has: compare.getByRole('cell', { name: 'age', exact: true }) });
    expect(await ageRow.getByText('Drifted', { exact: true }).count()).toBe(1);
    expect(Number(await compare.getByTestId('drifted-count').textContent())).toBeGreaterThanOrEqual(1);
  });

  it('shows a VIEWER no write button, and a stranger nothing', async () => {
    const viewer = await createUser(api.db.prisma, 'Vera Viewer');
    await api.db.prisma.workspaceMember.create({ data: { workspaceId: decodeId(workspaceId), userId: viewer.id, role: 'VIEWER' } });
    const viewing = await newContext({ token: await api.tokenFor(viewer.id) });
    const workspace = await open(viewing, `/workspaces/${encodeURIComponent(workspaceId)}`);
    await workspace.getByRole('link', { name: 'titanic' }).waitFor();
    expect(await workspace.getByRole('button').allTextContents()).toEqual(['Sign out']);
    const dataset = await open(viewing, `/datasets/${encodeURIComponent(datasetId)}`);
    await dataset.getByRole('link', { name: 'Open report' }).first().waitFor();
    expect(await dataset.getByText('Start an analysis').count()).toBe(0);
    // Comparing two analyses only reads: it is the one action besides signing out.
    expect((await dataset.getByRole('button').allTextContents()).sort()).toEqual(['Compare', 'Sign out']);

    const stranger = await createUser(api.db.prisma, 'Sam Stranger');
    const strange = await newContext({ token: await api.tokenFor(stranger.id) });
    for (const address of [`/workspaces/${workspaceId}`, `/datasets/${datasetId}`, `/analyses/${analysisId}`]) {
      const page = await open(strange, address.replaceAll('=', '%3D'));
      await page.getByTestId('not-found').waitFor();
      expect(await page.getByText('titanic').count(), address).toBe(0);
    }
  });

  it('fits a phone-sized screen', async () => {
    const phone = await newContext({ token: await ownerToken(), viewport: { width: 390, height: 844 } });
    for (const tab of ['overview', 'insights', 'columns']) {
      const page = await open(phone, `/analyses/${encodeURIComponent(analysisId)}?tab=${tab}`);
      await page.getByTestId('analysis-status').waitFor();
      await page.getByRole('tabpanel').locator('*').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), tab).toBeLessThanOrEqual(390);
    }
  });

  it('lists a 1,000-column dataset by rendering only the rows on screen', { timeout: WIDE_ANALYSIS_WAIT + 60_000 }, async () => {
    const header = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    const lines = [header.join(','), ...Array.from({ length: 20 }, (_, r) => header.map((_, c) => (r * 7 + c) % 13).join(','))];
    const wide = path.join(dir, 'wide.csv');
    await writeFile(wide, `${lines.join('\n')}\n`);
    const context = await newContext({ token: await ownerToken() });
    const page = await open(context, `/workspaces/${encodeURIComponent(workspaceId)}`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('upload-button').click();
    await (await chooser).setFiles(wide);
    await page.waitForURL(/\/datasets\//);
    await page.getByTestId('start-analysis').click();
    await page.waitForURL(/\/analyses\//);
    await page.getByTestId('analysis-status').getByText('Completed').waitFor({ timeout: WIDE_ANALYSIS_WAIT });
    await page.getByRole('tab', { name: 'Columns' }).click();
    await expect.poll(() => page.getByTestId('column-count').textContent()).toBe('1,000 columns');
    const list = page.getByTestId('column-list');
    const rendered = await list.getByRole('link').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    // Scrolling to the end loads the later pages and shows the last column.
    for (let i = 0; i < 20 && (await list.getByRole('link', { name: 'c999', exact: true }).count()) === 0; i++) {
      await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
      await page.waitForResponse((r) => r.url().endsWith('/graphql')).catch(() => {});
    }
    await list.getByRole('link', { name: 'c999', exact: true }).waitFor();
    expect(await list.getByRole('link').count()).toBeLessThan(60);
  });

  it('loaded nothing from another host and raised no page error', () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
