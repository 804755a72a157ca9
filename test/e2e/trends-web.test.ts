/**
 * The "Xu hướng" (Trends) view in chromium, on the bundled corpus: the Khánh Hòa province series
 * (2024 cited only, 2025 in the folder) as small multiples with their tables and CSV, and the
 * issuer table of a year — checked against buildTrends in Node.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildLineage } from '../../src/corpus/lineage.js';
import { buildTrends, issuerMatrix } from '../../src/corpus/trends.js';
import { trendSeriesViews } from '../../src/view/trends-view.js';
import { corpusPath, SEEDS, seed } from '../corpus.js';
import { ROOT, startHarness, type Harness } from './browser.js';

const docs = (Object.keys(SEEDS) as Array<keyof typeof SEEDS>).map((k) => ({ file: SEEDS[k], doc: seed(k) }));
const plans = docs.map((d) => ({ file: d.file, meta: d.doc.meta, targets: d.doc.targets }));

describe('trends view in chromium', () => {
  let h: Harness;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness(corpusPath(''));
    page = await h.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${h.server.url}#/trends`);
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  test('draws one chart per metric of the series, each an SVG with a text alternative and a data table', async () => {
    const [expected] = trendSeriesViews(buildTrends(buildLineage(docs, { reuse: false }), plans));
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
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(ROOT, 'test-artifacts', 'trends-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
  });
});
