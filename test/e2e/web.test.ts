/**
 * The web view in a real browser (Debian's chromium through playwright-core): the built app on
 * the real server over the bundled corpus, checked against what the core computes in Node. One page
 * (one load of the app, its routes followed by their hashes) for three parts: the app under its
 * Content-Security-Policy (it loads, reads every plan in its worker, draws the graph and the diff,
 * and the browser reports no violation: scripts, worker, styles, images all allowed by it); the
 * "Xu hướng" (Trends) view — the Khánh Hòa province series (2024 cited only, 2025 in the folder) as
 * small multiples with their tables and CSV, and the issuer table of a year, checked against
 * buildTrends; and the views a reviewer goes through.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import { buildLineage } from '../../src/corpus/lineage.js';
import { buildTrends, issuerMatrix } from '../../src/corpus/trends.js';
import { listPlanFiles, readPlanFile } from '../../src/node/files.js';
import { parseDocument } from '../../src/read/parse.js';
import type { LineageGraph, ParsedDocument } from '../../src/types.js';
import { formatRoute } from '../../src/view/route.js';
import { trendSeriesViews } from '../../src/view/trends-view.js';
import { corpusPath, seed, SEEDS } from '../corpus.js';
import { pickPlan, ROOT, shareBrowser, startHarness, type Harness } from './browser.js';

const CORPUS = corpusPath('');
const ARTIFACTS = join(ROOT, 'test-artifacts');

// one chromium for the corpus and the empty folder below, each with its own context and server
shareBrowser();

let h: Harness;
let page: Page;
let docs: Map<string, ParsedDocument>;
let graph: LineageGraph;
const pageErrors: string[] = [];
const sent: string[] = [];
/** What the browser's console said about the Content-Security-Policy. */
const violations: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [h, docs] = await Promise.all([startHarness(CORPUS), readCorpus()]);
  graph = buildLineage([...docs].map(([file, doc]) => ({ file, doc })));
  page = await h.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    if (r.method() !== 'GET' || !r.url().startsWith(h.server.url)) sent.push(`${r.method()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  // The page's own report of every blocked load or inline use, collected before the app starts.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(h.server.url);
}, 90_000);

afterAll(async () => {
  await h?.close();
});

/** Every violation of the policy reported since the page was opened. */
async function reportedViolations(): Promise<string[]> {
  const reported = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  return [...reported, ...violations];
}

describe('the web view under its Content-Security-Policy (chromium)', () => {
  test('the app page is served with the policy', async () => {
    const res = await page.request.get(h.server.url);
    expect(res.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  });

  test('loads every plan, draws the lineage graph and a diff, with no violation reported', async () => {
    const plans = (await listPlanFiles(CORPUS)).length;
    await expect.poll(() => page.getByTestId('corpus-row').count(), { timeout: 20_000 }).toBe(plans);
    await page.getByTestId('tab-lineage').click();
    await expect.poll(() => page.getByTestId('graph-stats').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    await page.goto(`${h.server.url}${formatRoute({ view: 'diff', a: SEEDS.sct2024, b: SEEDS.gddt2024 })}`);
    await expect.poll(() => page.getByTestId('diff-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await reportedViolations()).toEqual([]);
  });
});

describe('trends view in chromium', () => {
  const seeds = (Object.keys(SEEDS) as Array<keyof typeof SEEDS>).map((k) => ({ file: SEEDS[k], doc: seed(k) }));
  const plans = seeds.map((d) => ({ file: d.file, meta: d.doc.meta, targets: d.doc.targets }));

  test('draws one chart per metric of the series, each an SVG with a text alternative and a data table', async () => {
    await page.goto(`${h.server.url}#/trends`);
    const [expected] = trendSeriesViews(buildTrends(buildLineage(seeds, { reuse: false }), plans));
    await expect.poll(() => page.getByTestId('trend-series').count(), { timeout: 30_000 }).toBe(1);
    const series = page.getByTestId('trend-series');
    expect(await series.getAttribute('data-series')).toBe(expected!.id);
    await expect.poll(() => series.locator('figure svg').count(), { timeout: 15_000 }).toBe(expected!.charts.length);
    const payment = series.getByTestId('trend-chart').filter({ hasText: 'Tỷ lệ thanh toán trực tuyến' });
    expect(await payment.locator('[role="img"]').getAttribute('aria-label')).toMatch(/2024 ≥ 45%, 2025 60% \(raised\)/u);
    await payment.locator('summary').click();
    expect(await payment.getByTestId('trend-table').locator('tbody tr').allInnerTexts()).toEqual(['2024\t≥ 45%*\tmới', '2025\t60%\ttăng']);
    const [csv] = await Promise.all([page.waitForEvent('download'), payment.getByTestId('trend-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  });

  test('the heat table of the latest year, and of 2024 when chosen: one row per issuer', async () => {
    const heat = page.getByTestId('trend-heat');
    await expect.poll(() => heat.getByTestId('heat-row').count(), { timeout: 15_000 }).toBe(issuerMatrix(plans, 2025).rows.length);
    await heat.getByTestId('trend-year').selectOption('2024');
    const m2024 = issuerMatrix(plans, 2024);
    await expect.poll(() => heat.getByTestId('heat-row').locator('th').allTextContents(), { timeout: 15_000 }).toEqual(m2024.rows.map((r) => r.issuer));
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(ARTIFACTS, 'trends-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
  });
});

/** The CLI's reading of the folder: the oracle the browser must agree with. */
async function readCorpus(): Promise<Map<string, ParsedDocument>> {
  const docs = new Map<string, ParsedDocument>();
  for (const f of await listPlanFiles(CORPUS)) {
    const file = await readPlanFile(f.path);
    docs.set(f.relative, parseDocument(file.text, { file: f.relative, encoding: file.encoding }));
  }
  return docs;
}

describe('web view in chromium', () => {
  test('lists every plan of the folder in the corpus table, in Vietnamese', async () => {
    await page.goto(`${h.server.url}#/corpus`);
    await expect.poll(() => page.getByTestId('corpus-row').count(), { timeout: 15_000 }).toBe(docs.size);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await page.getByTestId('tab-corpus').textContent()).toBe('Kho văn bản');
    const title = docs.get(SEEDS.ubnd2025)!.meta.title!;
    await expect.poll(() => page.getByTestId('corpus-row').filter({ hasText: title }).count()).toBe(1);
  });

  test('draws the lineage graph with the node and edge counts buildLineage gives in Node', async () => {
    await page.getByTestId('tab-lineage').click();
    const stats = page.getByTestId('graph-stats');
    await expect.poll(() => stats.getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    expect(Number(await stats.getAttribute('data-nodes'))).toBe(graph.nodes.length);
    expect(Number(await stats.getAttribute('data-edges'))).toBe(graph.edges.length);
    expect(await stats.getAttribute('data-layout')).toBe('worker');
    await page.screenshot({ path: join(ARTIFACTS, 'web-lineage.png') });
  });

  test('opens the page of 003 when its node is clicked: what it cites and the plan it shares text with', async () => {
    const id = graph.nodes.find((n) => n.file === SEEDS.gddt2024)!.id;
    const at = await page.locator('pd-lineage-graph').evaluate((el, id) => (el as unknown as { nodePosition(id: string): { x: number; y: number } | null }).nodePosition(id), id);
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(() => page.getByTestId('node-page').getAttribute('data-node'), { timeout: 5_000 }).toBe(id);
    expect(new URL(page.url()).hash).toBe(formatRoute({ view: 'lineage', node: id }));
    const cites = graph.edges.filter((e) => e.source === id && e.relation !== 'reuse').length;
    expect(await page.locator('pd-node-page section h3').first().textContent()).toContain(`(${cites})`);
    expect(await page.getByTestId('page-compare').count()).toBeGreaterThan(0);
  });

  test('opens the diff of 000 and 003 when their reuse edge is clicked, with the statuses compareDocuments gives', async () => {
    const a = graph.nodes.find((n) => n.file === SEEDS.sct2024)!.id;
    const b = graph.nodes.find((n) => n.file === SEEDS.gddt2024)!.id;
    const edge = graph.edges.find((e) => e.relation === 'reuse' && e.source === a && e.target === b)!;
    expect(edge).toBeDefined();
    const at = await page.locator('pd-lineage-graph').evaluate((el, id) => (el as unknown as { edgeMidpoint(id: string): { x: number; y: number } | null }).edgeMidpoint(id), `reuse:${a}->${b}`);
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x, at!.y);
    await page.mouse.click(at!.x, at!.y);
    await page.waitForURL((url) => url.hash.startsWith('#/diff'), { timeout: 5_000 });
    expect(new URL(page.url()).hash).toBe(formatRoute({ view: 'diff', a: SEEDS.sct2024, b: SEEDS.gddt2024 }));

    const expected = compareDocuments(docs.get(SEEDS.sct2024)!, docs.get(SEEDS.gddt2024)!);
    const rows = page.getByTestId('diff-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(expected.alignments.length);
    const shown = await rows.evaluateAll((els) => els.map((el) => [el.getAttribute('data-base'), el.getAttribute('data-status')]));
    for (const status of ['identical', 'modified', 'dropped', 'added'] as const) {
      expect(shown.filter(([base]) => base === status).length, status).toBe(expected.alignments.filter((x) => x.status === status).length);
    }
    expect(shown.filter(([, s]) => s === 'moved').length).toBe(expected.alignments.filter((x) => x.moved && (x.status === 'identical' || x.status === 'modified')).length);
    // 000 "MỤC TIÊU, YÊU CẦU" → 003 "MỤC ĐÍCH, YÊU CẦU": word-level highlights on both sides
    const first = page.locator('[data-testid="diff-row"][data-a="I"]');
    expect(await first.locator('del').first().textContent()).toBe('TIÊU');
    expect(await first.locator('ins').first().textContent()).toBe('ĐÍCH');
    await page.screenshot({ path: join(ARTIFACTS, 'web-diff.png') });
  });

  test('steps through changes with n / p and keeps the clause in the address across a reload', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/clause=/);
    await page.keyboard.press('p');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/clause=/);
    const hash = new URL(page.url()).hash;
    const clause = decodeURIComponent(hash.split('clause=')[1]!);
    await page.reload();
    const current = page.locator('[data-testid="diff-row"].current');
    await expect.poll(() => current.count(), { timeout: 20_000 }).toBe(1);
    expect(await current.getAttribute(`data-${clause[0]}`)).toBe(clause.slice(2));
  });

  test('shows 45% → 60% raised for online payment from 000 to 004, and exports the CSV', async () => {
    await page.getByTestId('tab-targets').click();
    await pickPlan(page, 'a', SEEDS.sct2024);
    await pickPlan(page, 'b', SEEDS.ubnd2025);
    const row = page.getByTestId('target-row').filter({ hasText: 'Tỷ lệ thanh toán trực tuyến' });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.getByTestId('target-before').textContent()).toBe('≥ 45%');
    expect(await row.getByTestId('target-after').textContent()).toBe('60%');
    expect(await row.getAttribute('data-markers')).toBe('raised');
    expect(await row.getByTestId('marker-raised').textContent()).toBe('tăng');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = readFileSync(await download.path());
    expect(csv.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'web-targets.png') });
  });

  test('switches the labels to English and back', async () => {
    await page.getByTestId('lang-switch').click();
    expect(await page.getByTestId('tab-corpus').textContent()).toBe('Corpus');
    expect(await page.getByTestId('tab-targets').textContent()).toBe('Targets');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('marker-raised').first().textContent()).toBe('raised');
    await page.getByTestId('lang-switch').click();
    expect(await page.getByTestId('tab-corpus').textContent()).toBe('Kho văn bản');
  });

  test('compares an uploaded seed file (.docx) with a corpus plan, without sending the file anywhere', async () => {
    await page.getByTestId('tab-corpus').click();
    const fixture = join(ROOT, 'test/fixtures/khanh-hoa-2024-so-gddt-cai-cach-tthc.docx');
    await page.getByTestId('upload-input').first().setInputFiles(fixture);
    await page.waitForURL((url) => url.hash.startsWith('#/diff') && url.hash.includes('upload'), { timeout: 20_000 });
    await pickPlan(page, 'a', SEEDS.sct2024);
    const rows = page.getByTestId('diff-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(30);
    expect(await page.locator('[data-testid="diff-row"][data-base="identical"]').count()).toBeGreaterThan(20);
    expect(sent).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'web-upload-diff.png') });
  });

  test('says clearly when an uploaded file cannot be read, and the rest still works', async () => {
    await page.getByTestId('tab-corpus').click();
    await page.getByTestId('upload-input').first().setInputFiles({ name: 'hong.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a zip') });
    const notice = page.getByTestId('notice').filter({ hasText: 'hong.docx' });
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    expect(await notice.textContent()).toContain('Không đọc được tệp');
    expect(await page.getByTestId('corpus-row').count()).toBe(docs.size + 1); // the seed uploaded before, not the broken one
  });

  test('throws no error in the page, and the browser reported no violation of the policy on any of the views above', async () => {
    expect(pageErrors).toEqual([]);
    expect(await reportedViolations()).toEqual([]);
  });
});

describe('web view on an empty folder', () => {
  test('says the folder has no plans and still offers the upload', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'plandiff-empty-'));
    const h = await startHarness(empty);
    try {
      const page = await h.context.newPage();
      await page.goto(h.server.url);
      await expect.poll(() => page.getByTestId('empty-corpus').count(), { timeout: 10_000 }).toBe(1);
      expect(await page.getByTestId('upload-zone').count()).toBe(1);
    } finally {
      await h.close();
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);
});
