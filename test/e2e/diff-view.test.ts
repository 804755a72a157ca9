/**
 * The diff view as a reviewer uses it, in chromium: status chips that filter (several at once),
 * next/previous within them, search with a hit count, "why unchanged" marks and the "ignore …"
 * toggles, block replacement, the inline layout, copying a deep link, warnings, keyboard and
 * axe-core on the diff. Checked against what the core computes in Node. On the same page, other pairs
 * and the lineage view reached by their hashes: a reading warning, followed from the diff header or
 * from the plan's page in the lineage view, scrolls to the clause it is about and highlights it; the
 * "why unchanged" mark's explanation shows on focus.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import { buildLineage } from '../../src/corpus/lineage.js';
import { diffCounts, diffRows, rowOfWarning, type DiffRow } from '../../src/view/diff-rows.js';
import { formatRoute } from '../../src/view/route.js';
import { corpusPath, seed, SEEDS } from '../corpus.js';
import { inDiff, rowInView, seriousViolations, startHarness, type Harness } from './browser.js';

describe('diff view in chromium (000 → 003)', () => {
  let h: Harness;
  let page: Page;
  let rows: DiffRow[];
  const pageErrors: string[] = [];
  const row = (attr: string) => page.locator(`[data-testid="diff-row"]${attr}`);

  beforeAll(async () => {
    h = await startHarness(corpusPath(''));
    rows = diffRows(compareDocuments(seed('sct2024'), seed('gddt2024')));
    page = await h.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(h.server.url + formatRoute({ view: 'diff', a: SEEDS.sct2024, b: SEEDS.gddt2024 }));
    await page.getByTestId('diff-row').nth(rows.length - 1).waitFor({ state: 'attached', timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  test('shows one row per alignment', async () => {
    expect(await page.getByTestId('diff-row').count()).toBe(rows.length);
  });

  test('filters by one status chip, then by two at once, with the counts the core gives', async () => {
    const counts = diffCounts(rows);
    expect(Number(await page.getByTestId('diff-count-dropped').getAttribute('data-count'))).toBe(counts.dropped);
    await page.getByTestId('diff-count-dropped').click();
    expect(await page.getByTestId('diff-count-dropped').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('diff-row').count()).toBe(counts.dropped);
    expect(await row('[data-status="dropped"]').count()).toBe(counts.dropped);
    await page.getByTestId('diff-count-added').click();
    await expect.poll(() => page.getByTestId('diff-row').count()).toBe(counts.dropped + counts.added);
    // n steps through the chosen statuses only
    await page.getByTestId('diff-pane').focus();
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    const current = row('.current');
    await expect.poll(() => current.count()).toBe(1);
    expect(['dropped', 'added']).toContain(await current.getAttribute('data-status'));
    const second = rows.filter((r) => r.status === 'dropped' || r.status === 'added')[1]!;
    expect(Number(await current.getAttribute('data-index'))).toBe(second.index);
    await page.getByTestId('diff-filter-all').click();
    await expect.poll(() => page.getByTestId('diff-row').count()).toBe(rows.length);
  });

  test('searches one side with a hit count, and Enter steps to the hit', async () => {
    const search = page.getByTestId('diff-search');
    await search.fill('nhũng nhiễu');
    const hits = page.getByTestId('diff-hits');
    await expect.poll(() => hits.getAttribute('data-total')).not.toBe('0');
    const total = Number(await hits.getAttribute('data-total'));
    await search.press('Enter');
    expect(await hits.textContent()).toBe(`1/${total}`);
    const current = row('.current');
    expect(await current.locator('mark.current').textContent()).toBe('nhũng nhiễu');
    await page.getByTestId('diff-search-side').selectOption('b');
    await expect.poll(() => hits.getAttribute('data-total')).toBe('0');
    await search.fill('');
  });

  test('marks pairs equal only after folding, and shows a capital once case is no longer ignored', async () => {
    const abbr = row('[data-a="II.2.-9"][data-status="identical"]');
    expect(await abbr.getByTestId('fold-mark').getAttribute('data-kinds')).toBe('abbreviation');
    expect(await abbr.getByTestId('fold-tip').textContent()).toBe('Giống nhau khi bỏ qua: chữ viết tắt');
    expect(await abbr.getByTestId('fold-mark').getAttribute('aria-label')).toBe('Vì sao giống nhau');
    await page.getByTestId('diff-ignore').locator('summary').click();
    await page.getByTestId('ignore-case').uncheck();
    const capital = row('[data-a="II.2.-8"]');
    await expect.poll(() => capital.getAttribute('data-status')).toBe('modified');
    expect(await capital.locator('del').first().textContent()).toBe('Bộ');
    await page.getByTestId('ignore-case').check();
    await expect.poll(() => capital.getAttribute('data-status')).toBe('identical');
    await page.getByTestId('diff-ignore').locator('summary').click();
  });

  test('counts "nhũng nhiễu" → "những nhiều" as substantive, and shows "Mục tiêu" → "Mục đích" as a block replacement', async () => {
    await page.getByTestId('diff-filter-substantive').click();
    const swap = row('[data-a="II.2.-5"][data-b="II.2.-5"]');
    expect(await swap.getByTestId('swap-mark').textContent()).toContain('nhiễu → nhiều');
    const block = row('[data-a="I.1"]');
    expect(await block.getByTestId('block-mark').count()).toBe(1);
    expect(await block.locator('del').textContent()).toBe('Mục tiêu');
    expect(await block.locator('ins').textContent()).toBe('Mục đích');
    await page.getByTestId('diff-filter-substantive').click();
  });

  test('shows the inline layout with deletions and insertions in one column', async () => {
    await page.getByTestId('layout-inline').click();
    const first = row('[data-a="I"]');
    expect(await first.locator('.cell').count()).toBe(1);
    expect(await first.locator('del').first().textContent()).toBe('TIÊU');
    expect(await first.locator('ins').first().textContent()).toBe('ĐÍCH');
    await page.getByTestId('layout-side').click();
    expect(await first.locator('.cell').count()).toBe(2);
  });

  test('copies the deep link of the current clause, which opens the same row', async () => {
    await row('[data-a="II.2.-9"]').click();
    await page.getByTestId('copy-link').click();
    await expect.poll(() => page.getByTestId('copy-status').textContent()).toBe('Đã chép vào bộ nhớ tạm');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(h.server.url + formatRoute({ view: 'diff', a: SEEDS.sct2024, b: SEEDS.gddt2024, clause: { side: 'b', id: 'II.2.-9' } }));
    await page.getByTestId('copy-text').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^A II\.2\.-9: Đối với TTHC/);
  });

  test('reaches the pane and the filters by keyboard, and axe-core finds no serious violation', async () => {
    // from the first link of the page, Tab on
    await page.locator('pd-app').evaluate((el) => el.shadowRoot!.querySelector<HTMLElement>('a.brand')!.focus());
    const seen = new Set<string>();
    for (let k = 0; k < 80 && !seen.has('diff-pane'); k++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.getAttribute('data-testid') ?? el?.tagName ?? '';
      });
      seen.add(id);
    }
    expect(seen).toContain('diff-count-dropped');
    expect(seen).toContain('diff-search');
    expect(seen).toContain('diff-pane');
    // with the review control of every changed row (review-diff.test.ts checks the rows holding a decision)
    const changed = await row(':not([data-status="identical"])').count();
    expect(changed).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="diff-row"] pd-review-mark').count()).toBe(changed);
    expect(await seriousViolations(page)).toEqual([]);
  });

  describe('reading warnings and the fold mark in the app (bundled plans)', () => {
    // on the page of the tests above: other pairs and the lineage view reached by their hashes
    test('a warning in the diff header scrolls to its clause and highlights that side (Bắc Giang 2023: label "5" twice under II)', async () => {
      const a = seed('bacgiang2023');
      const rows = diffRows(compareDocuments(a, seed('sct2024')));
      const w = a.meta.warnings.find((x) => x.code === 'duplicate-label')!;
      const target = rowOfWarning(rows, 'a', w)!;
      expect(target.a?.id).toBe('II.5_2');
      await page.goto(h.server.url + formatRoute({ view: 'diff', a: SEEDS.bacgiang2023, b: SEEDS.sct2024 }));
      const head = page.getByTestId('diff-warnings-a');
      await head.locator('summary').click();
      const link = head.locator('li[data-code="duplicate-label"]').getByTestId('warning-link');
      expect(await link.textContent()).toBe('II.5_2');
      await link.click();
      const row = page.locator(`[data-testid="diff-row"][data-index="${target.index}"]`);
      await expect.poll(() => row.getAttribute('class')).toContain('current');
      expect(await row.locator('.cell.a.warned').getAttribute('data-warned')).toBe('duplicate-label');
      expect(await row.locator('.cell.b.warned').count()).toBe(0);
      await expect.poll(() => rowInView(page, target.index)).toBe(true);
      expect(await inDiff(page, (root) => root.activeElement?.classList.contains('warned') ?? false)).toBe(true);
      // moving on clears the highlight
      await page.keyboard.press('n');
      await expect.poll(() => page.locator('.cell.warned').count()).toBe(0);
    });

    test('a warning about the header (the 2025 plan\'s date read two ways) highlights the header line', async () => {
      await page.goto(h.server.url + formatRoute({ view: 'diff', a: SEEDS.sct2024, b: SEEDS.ubnd2025 }));
      const head = page.getByTestId('diff-warnings-b');
      await head.locator('summary').click();
      await head.locator('li[data-code="date-mismatch"]').getByTestId('warning-link').click();
      expect(await page.getByTestId('diff-head-meta-b').getAttribute('data-warned')).toBe('date-mismatch');
      expect(await page.getByTestId('diff-head-meta-a').getAttribute('data-warned')).toBeNull();
    });

    test("the plan's page in the lineage view lists its warnings; one opens the diff at its clause, highlighted", async () => {
      const names = Object.keys(SEEDS) as Array<keyof typeof SEEDS>;
      const graph = buildLineage(names.map((n) => ({ file: SEEDS[n], doc: seed(n) })));
      const node = graph.nodes.find((n) => n.file === SEEDS.bacgiang2023)!;
      await page.goto(h.server.url + formatRoute({ view: 'lineage', node: node.id }));
      const list = page.getByTestId('page-warnings');
      await list.waitFor({ timeout: 30_000 });
      const b = seed('bacgiang2023');
      expect(await list.locator('li').count()).toBeGreaterThanOrEqual(b.meta.warnings.length);
      const link = list.locator('li[data-code="duplicate-label"]').getByTestId('page-warning-link');
      const href = (await link.getAttribute('href'))!;
      await link.click();
      // A is the plan it implements when that one is in the folder, else the plan itself
      const other = names.find((n) => SEEDS[n] === new URLSearchParams(href.split('?')[1]).get('a'))!;
      const rows = diffRows(compareDocuments(seed(other), b));
      const target = rowOfWarning(rows, 'b', b.meta.warnings.find((x) => x.code === 'duplicate-label')!)!;
      expect(target.b?.id).toBe('II.5_2');
      const cell = page.locator(`[data-testid="diff-row"][data-index="${target.index}"] .cell.b`);
      await expect.poll(() => cell.getAttribute('data-warned'), { timeout: 30_000 }).toBe('duplicate-label');
      await expect.poll(() => rowInView(page, target.index)).toBe(true);
    });

    test('the "why unchanged" mark is reached by Tab and shows its explanation on focus; Escape closes it', async () => {
      await page.goto(h.server.url + formatRoute({ view: 'diff', a: SEEDS.sct2024, b: SEEDS.gddt2024 }));
      const row = page.locator('[data-testid="diff-row"][data-a="II.2.-9"][data-status="identical"]');
      const mark = row.getByTestId('fold-mark');
      await mark.waitFor({ timeout: 30_000 });
      const tip = row.getByTestId('fold-tip');
      expect(await tip.isVisible()).toBe(false);
      // Tab from the control just before it in the page's order reaches the mark
      await row.locator('.cell.a').evaluate((el) => {
        el.setAttribute('tabindex', '-1');
        (el as HTMLElement).focus();
      });
      await page.keyboard.press('Tab');
      expect(await inDiff(page, (root) => root.activeElement?.getAttribute('data-testid') ?? '')).toBe('fold-mark');
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toBe('Giống nhau khi bỏ qua: chữ viết tắt');
      expect(await mark.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
      // axe on the row with its explanation open: the rest of this diff is checked whole by the keyboard test above
      expect(await seriousViolations(page, [['pd-app', 'pd-diff-view', '[data-testid="diff-row"][data-a="II.2.-9"][data-status="identical"]']])).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => tip.isVisible()).toBe(false);
      await page.keyboard.press('Tab');
      await row.getByTestId('fold-mark').focus();
      await expect.poll(() => tip.isVisible()).toBe(true);
    });
  });

  test('throws no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
