/**
 * Issue 19 at scale and by keyboard, in chromium: a 1,000-row diff keeps only a window of rows in
 * the page however far it is scrolled, stepped or searched, and every row when printed; a reading
 * warning, followed from the diff header or from the plan's page in the lineage view, scrolls to the
 * clause it is about and highlights it; the "why unchanged" mark's explanation shows on focus.
 * Behaviour only: the frame times are measured by `npm run bench:web -- --only scroll`.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import { buildLineage } from '../../src/corpus/lineage.js';
import { parseDocument } from '../../src/read/parse.js';
import type { Comparison } from '../../src/types.js';
import { diffRows, rowOfWarning, type DiffRow } from '../../src/view/diff-rows.js';
import { formatRoute } from '../../src/view/route.js';
import { corpusPath, hasShared, seed, SEEDS, sharedPath } from '../corpus.js';
import { seriousViolations, shareBrowser, startHarness, type Harness } from './browser.js';
import { thousandAlignments } from './thousand-rows.js';

// one chromium for the three blocks below, each with its own context and server
shareBrowser();

/** Most rows a 1,000-row diff may hold in the page at 1440 × 900 (the viewport plus its overscan, in whole blocks). */
const WINDOW_MAX = 120;

/** The 1,000-row diff as rows, and its documents' metadata. */
function thousandRows(): { rows: DiffRow[]; docs: Pick<Comparison, 'a' | 'b'> } {
  const { alignments, a, b } = thousandAlignments();
  return { rows: diffRows({ alignments }), docs: { a, b } };
}

/** The element inside the app's (or the page's) diff view, by selector. */
async function inDiff<T>(page: Page, fn: (root: ShadowRoot) => T): Promise<T> {
  return page.evaluate(`(() => {
    const view = document.querySelector('pd-diff-view') ?? document.querySelector('pd-app')?.shadowRoot?.querySelector('pd-diff-view');
    return (${fn.toString()})(view.shadowRoot);
  })()`) as Promise<T>;
}

/** Whether the row at alignment `index` is drawn and lies inside the pane's visible box. */
function rowInView(page: Page, index: number): Promise<boolean> {
  return page.evaluate((i) => {
    const view = document.querySelector('pd-diff-view') ?? document.querySelector('pd-app')?.shadowRoot?.querySelector('pd-diff-view');
    const root = view!.shadowRoot!;
    const row = root.querySelector(`[data-testid="diff-row"][data-index="${i}"]`);
    const pane = root.querySelector('[data-testid="diff-pane"]');
    if (!row || !pane) return false;
    const r = row.getBoundingClientRect();
    const p = pane.getBoundingClientRect();
    return r.bottom > p.top && r.top < p.bottom;
  }, index);
}

/** Whether some drawn row lies inside the pane's visible box: the window has followed a scroll. */
function windowInView(page: Page): Promise<boolean> {
  return page.getByTestId('diff-pane').evaluate((pane) => {
    const p = pane.getBoundingClientRect();
    return [...pane.querySelectorAll('[data-testid="diff-row"]')].some((row) => {
      const r = row.getBoundingClientRect();
      return r.bottom > p.top && r.top < p.bottom;
    });
  });
}

const rowCount = (page: Page): Promise<number> => page.getByTestId('diff-row').count();

describe('a 1,000-row diff in chromium', () => {
  let empty: string;
  let h: Harness;
  let page: Page;
  let rows: DiffRow[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // the app only defines the elements here: an empty folder, so its worker has no plan to read
    empty = mkdtempSync(join(tmpdir(), 'plandiff-diff-scale-empty-'));
    h = await startHarness(empty);
    const built = thousandRows();
    rows = built.rows;
    page = await h.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${h.server.url}#/corpus`);
    await page.waitForFunction(() => !!customElements.get('pd-diff-view'));
    await page.evaluate(
      async ({ rows, docs }) => {
        document.body.replaceChildren();
        const el = document.createElement('pd-diff-view') as HTMLElement & { rows: unknown; docA: unknown; docB: unknown; updateComplete: Promise<boolean> };
        el.style.setProperty('--pd-diff-height', '760px');
        document.body.append(el);
        el.docA = docs.a;
        el.docB = docs.b;
        el.rows = rows;
        await el.updateComplete;
      },
      { rows, docs: built.docs },
    );
    await page.getByTestId('diff-row').first().waitFor({ state: 'attached' });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    if (empty) rmSync(empty, { recursive: true, force: true });
  });

  test('holds a window of rows, not all 1,000, and counts every row in its summary', async () => {
    expect(Number(await page.getByTestId('diff-summary').getAttribute('data-total'))).toBe(1000);
    const n = await rowCount(page);
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThanOrEqual(WINDOW_MAX);
    expect(await page.getByTestId('diff-gap-below').count()).toBe(1);
  });

  test('keeps a window while scrolled to the middle and to the end, where the last row is drawn', async () => {
    for (const at of [0.5, 1]) {
      await page.getByTestId('diff-pane').evaluate((p, f) => {
        p.scrollTop = f * p.scrollHeight;
      }, at);
      await expect.poll(() => windowInView(page)).toBe(true);
      expect(await rowCount(page)).toBeLessThanOrEqual(WINDOW_MAX);
    }
    await expect.poll(() => rowInView(page, rows[rows.length - 1]!.index)).toBe(true);
    expect(await page.getByTestId('diff-gap-above').count()).toBe(1);
    await page.getByTestId('diff-pane').evaluate((p) => (p.scrollTop = 0));
    await expect.poll(() => rowInView(page, rows[0]!.index)).toBe(true);
  });

  test('stepping with p from the top reaches the last change, drawn and in view', async () => {
    await page.getByTestId('diff-pane').focus();
    await page.keyboard.press('p');
    const last = rows.filter((r) => r.changed).at(-1)!;
    await expect.poll(() => page.locator('[data-testid="diff-row"].current').getAttribute('data-index')).toBe(String(last.index));
    await expect.poll(() => rowInView(page, last.index)).toBe(true);
    expect(await rowCount(page)).toBeLessThanOrEqual(WINDOW_MAX);
  });

  test('a search hit far down is drawn, marked and scrolled to', async () => {
    // the last dropped row's first word: its last hit lies near the end of the diff
    const far = rows.filter((r) => r.status === 'dropped').at(-1)!;
    const word = far.a!.segments.map((s) => s.text).join('').trim().split(/\s+/).slice(0, 3).join(' ');
    await page.getByTestId('diff-search').fill(word);
    await page.getByTestId('diff-search').press('Shift+Enter');
    const current = page.locator('[data-testid="diff-row"].current');
    await expect.poll(() => current.locator('mark.current').count()).toBe(1);
    const index = Number(await current.getAttribute('data-index'));
    expect(index).toBeGreaterThanOrEqual(far.index);
    await expect.poll(() => rowInView(page, index)).toBe(true);
    await page.getByTestId('diff-search').fill('');
  });

  test('a filter to one status windows its own rows', async () => {
    await page.getByTestId('diff-count-identical').click();
    const identical = rows.filter((r) => r.status === 'identical').length;
    expect(Number(await page.getByTestId('diff-shown').getAttribute('data-shown'))).toBe(identical);
    const n = await rowCount(page);
    expect(n).toBeLessThanOrEqual(Math.min(identical, WINDOW_MAX));
    expect(await page.locator('[data-testid="diff-row"]:not([data-status="identical"])').count()).toBe(0);
    await page.getByTestId('diff-count-identical').click();
  });

  test('axe-core finds no serious or critical violation in the windowed diff', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('prints every row, and goes back to a window after', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => rowCount(page)).toBe(1000);
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => rowCount(page)).toBeLessThanOrEqual(WINDOW_MAX);
  });

  test('throws no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('reading warnings and the fold mark in the app (bundled plans)', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness(corpusPath(''));
    page = await h.context.newPage();
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

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
    // axe on the row with its explanation open: the rest of this diff (000 → 003) is checked whole by diff-view.test.ts
    expect(await seriousViolations(page, [['pd-app', 'pd-diff-view', '[data-testid="diff-row"][data-a="II.2.-9"][data-status="identical"]']])).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.keyboard.press('Tab');
    await row.getByTestId('fold-mark').focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
  });
});

describe.skipIf(!hasShared('holdout/adjacent'))('a long real pair (held out: Bắc Ninh 144 → Đồng Nai 179, windowed)', () => {
  const [fileA, fileB] = ['bacninh-ubnd-2025-144-kh.txt', 'dongnai-ubnd-2025-179-kh.txt'];
  let dir: string;
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    // the two plans only, copied to a folder of their own: the page reads no other held-out plan,
    // and the server's review store is not written beside ../shared
    dir = mkdtempSync(join(tmpdir(), 'plandiff-diff-scale-pair-'));
    for (const f of [fileA, fileB]) copyFileSync(sharedPath(`holdout/adjacent/${f}`), join(dir, f));
    h = await startHarness(dir);
    page = await h.context.newPage();
  }, 90_000);

  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a duplicate-label warning deep in B scrolls a windowed diff to its clause', async () => {
    const a = parseDocument(readFileSync(`${dir}/${fileA}`, 'utf8'), { file: fileA });
    const b = parseDocument(readFileSync(`${dir}/${fileB}`, 'utf8'), { file: fileB });
    const rows = diffRows(compareDocuments(a, b));
    expect(rows.length).toBeGreaterThan(300);
    const w = b.meta.warnings.filter((x) => x.code === 'duplicate-label' && rowOfWarning(rows, 'b', x)).at(-1)!;
    const target = rowOfWarning(rows, 'b', w)!;
    await page.goto(h.server.url + formatRoute({ view: 'diff', a: fileA, b: fileB, warning: { side: 'b', at: w.span![0] } }));
    const cell = page.locator(`[data-testid="diff-row"][data-index="${target.index}"] .cell.b`);
    await expect.poll(() => cell.getAttribute('data-warned'), { timeout: 60_000 }).toBe('duplicate-label');
    await expect.poll(() => rowInView(page, target.index)).toBe(true);
    expect(await rowCount(page)).toBeLessThanOrEqual(WINDOW_MAX);
    expect(await rowCount(page)).toBeLessThan(rows.length);
  }, 90_000);
});
