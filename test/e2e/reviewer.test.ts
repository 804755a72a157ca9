/**
 * The rest of issue 19 in chromium: the searchable plan picker (keyboard, recent pairs), uploads
 * kept across reloads in IndexedDB (listed, removed, in the graph, a deep link to a missing one),
 * counts that agree, the graph's keyboard path, and axe-core on every view (the diff's own files
 * check it at 1440 px), and on every view at 390 px.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatRoute, VIEWS, type View } from '../../src/view/route.js';
import { corpusPath, SEEDS } from '../corpus.js';
import { ROOT, seriousViolations, startHarness, type Harness } from './browser.js';

const CORPUS_PLANS = Object.keys(SEEDS).length;

/** Waits until a view shows its content (its first row, chart or score), not for a fixed time. */
async function viewReady(page: Page, view: View): Promise<void> {
  if (view === 'lineage') {
    await expect.poll(() => page.getByTestId('graph-stats').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    return;
  }
  const marker = { corpus: 'corpus-row', trends: 'trend-series', diff: 'diff-row', targets: 'target-row', fidelity: 'fidelity-score' }[view];
  await page.getByTestId(marker).first().waitFor({ state: 'visible', timeout: 30_000 });
}

describe('reviewer views in chromium', () => {
  let h: Harness;
  let page: Page;
  const pageErrors: string[] = [];
  const sent: string[] = [];

  beforeAll(async () => {
    h = await startHarness(corpusPath(''));
    page = await h.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${e.message} ${e.stack?.split('\n')[1]?.trim() ?? ''}`));
    page.on('request', (r) => {
      if (r.method() !== 'GET' || !r.url().startsWith(h.server.url)) sent.push(`${r.method()} ${r.url()}`);
    });
    await page.goto(h.server.url);
    await page.getByTestId('corpus-row').nth(CORPUS_PLANS - 1).waitFor({ state: 'attached', timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  test('picks both plans of a pair by typing and the keyboard, and offers the pair again as recent', async () => {
    await page.goto(h.server.url + formatRoute({ view: 'diff' }));
    const a = page.getByTestId('pick-a');
    await a.click();
    await a.fill('giao duc');
    await expect.poll(() => page.getByTestId('pick-a-options').locator('[role="option"]').count()).toBe(1);
    await a.press('Enter');
    await page.waitForURL((u) => u.hash.includes(encodeURIComponent(SEEDS.gddt2024)));
    const b = page.getByTestId('pick-b');
    await b.click();
    await b.fill('2025');
    await b.press('ArrowDown');
    await b.press('Enter');
    await page.waitForURL((u) => u.hash.includes('b='));
    expect(await page.getByTestId('pick-a-chosen').textContent()).toContain('Sở Giáo dục và Đào tạo');
    await page.getByTestId('diff-row').first().waitFor({ state: 'attached', timeout: 30_000 });
    // a second pair: the first is offered as recent
    await page.goto(h.server.url + formatRoute({ view: 'diff', a: SEEDS.sct2024, b: SEEDS.ubnd2025 }));
    await page.getByTestId('diff-row').first().waitFor({ state: 'attached', timeout: 30_000 });
    const recent = page.getByTestId('recent-pair');
    await expect.poll(() => recent.count()).toBeGreaterThan(0);
    await recent.first().click();
    await page.waitForURL((u) => u.hash.includes(encodeURIComponent(SEEDS.gddt2024)));
  });

  test('keeps an upload across a reload, counts it apart, shows it in the graph, and forgets it on remove', async () => {
    // a route of the page already loaded (a hash: no reload); the reloads below are the ones checked
    await page.goto(h.server.url + '#/corpus');
    await page.getByTestId('upload-input').first().setInputFiles(join(ROOT, 'test/fixtures/khanh-hoa-2024-so-gddt-cai-cach-tthc.docx'));
    await page.waitForURL((u) => u.hash.includes('upload'), { timeout: 20_000 });
    const link = page.url();
    await page.reload();
    await page.goto(h.server.url + '#/corpus');
    const uploadRow = page.locator('[data-testid="corpus-row"][data-file^="upload:"]');
    await expect.poll(() => uploadRow.count(), { timeout: 20_000 }).toBe(1);
    await page.getByTestId('upload-input').first().setInputFiles({ name: 'hong.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 broken') });
    await expect.poll(() => page.getByTestId('notice').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.goto(h.server.url + '#/corpus');
    await expect.poll(() => page.getByTestId('corpus-summary').textContent(), { timeout: 20_000 }).toBe(`${CORPUS_PLANS} văn bản trong thư mục · 1 tệp tải lên`);
    expect(await page.getByTestId('corpus-count').textContent()).toBe(`${CORPUS_PLANS + 1}/${CORPUS_PLANS + 1} văn bản`);
    // in the graph, and reachable through the node list
    await page.getByTestId('tab-lineage').click();
    await expect.poll(() => page.getByTestId('graph-stats').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    await page.getByTestId('graph-node-list').locator('summary').click();
    const items = page.getByTestId('graph-node-list').locator('button.node-item');
    await expect.poll(() => items.count()).toBeGreaterThan(CORPUS_PLANS);
    expect(await items.filter({ hasText: 'khanh-hoa-2024-so-gddt' }).count()).toBeGreaterThan(0);
    await items.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('node-page').count()).toBe(1);
    // removed: gone from the table and from storage; its deep link now says to drop it again
    await page.getByTestId('tab-corpus').click();
    await page.getByTestId('remove-upload').click();
    await expect.poll(() => uploadRow.count()).toBe(0);
    await page.goto(link);
    await page.reload();
    await expect.poll(() => page.getByTestId('upload-missing').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('upload-missing').getAttribute('heading')).toContain('hãy kéo thả lại tệp');
    expect(sent).toEqual([]);
  }, 60_000);

  test('lists a plan\'s reading warnings on its corpus row, and in the diff header with a link to where each sits', async () => {
    await page.goto(h.server.url + '#/corpus');
    const row = page.locator(`[data-testid="corpus-row"][data-file="${SEEDS.ubnd2025}"]`);
    await row.getByTestId('row-warnings').locator('summary').click();
    expect(await row.getByTestId('row-warnings').locator('li[data-code="number-mismatch"]').textContent()).toContain('"3HH", "3/HH", "344"');
    await page.goto(h.server.url + formatRoute({ view: 'diff', a: SEEDS.sct2024, b: SEEDS.ubnd2025 }));
    const head = page.getByTestId('diff-warnings-b');
    await head.locator('summary').click();
    const item = head.locator('li[data-code="date-mismatch"]');
    expect(await item.textContent()).toContain('2025-01-13');
    await item.getByTestId('warning-link').click();
    expect(await page.evaluate(() => document.querySelector('pd-app')!.shadowRoot!.querySelector('pd-diff-view')!.shadowRoot!.activeElement?.getAttribute('data-testid'))).toBe('diff-head-b');
  });

  // The diff of this pair, with its review controls and decisions made in it, is checked by
  // review-diff.test.ts (and the diff of 000 → 003 by diff-view.test.ts): not a third time here.
  test.each(VIEWS.filter((v) => v !== 'diff'))('axe-core finds no serious or critical violation on the %s view', async (view) => {
    const route = view === 'lineage' ? { view } : { view, a: SEEDS.ubnd2025, b: SEEDS.gddt2024 };
    await page.goto(h.server.url + formatRoute(route));
    await viewReady(page, view);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('fits 390 px: no sideways scroll of the page on any view, and no serious violation', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const pair = { a: SEEDS.sct2024, b: SEEDS.gddt2024 };
    for (const view of VIEWS) {
      const route = formatRoute(view === 'corpus' || view === 'lineage' ? { view } : { view, ...pair });
      await page.goto(h.server.url + route);
      await viewReady(page, view);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, route).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page), route).toEqual([]);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 60_000);

  test('throws no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
