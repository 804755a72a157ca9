/**
 * Issue 19 at scale and by keyboard, in chromium: a 1,000-row diff keeps only a window of rows in
 * the page however far it is scrolled, stepped or searched, and every row when printed; a reading
 * warning deep in a long real pair scrolls the windowed diff to its clause (the warnings and the
 * fold mark of the bundled plans: diff-view.test.ts); a far row's review decision and draft survive
 * its leaving the window, and saving sends the alignment's id (review-diff.test.ts: the rest of
 * the review decisions).
 * Behaviour only: the frame times are measured by `npm run bench:web -- --only scroll`.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareDocuments } from '../../src/compare/compare.js';
import { alignmentIds } from '../../src/compare/review-items.js';
import { parseDocument } from '../../src/read/parse.js';
import type { Comparison } from '../../src/types.js';
import { diffRows, rowOfWarning, type DiffRow } from '../../src/view/diff-rows.js';
import { formatRoute } from '../../src/view/route.js';
import { hasShared, sharedPath } from '../corpus.js';
import { rowInView, seriousViolations, shareBrowser, startHarness, type Harness } from './browser.js';
import { thousandAlignments } from './thousand-rows.js';

// one chromium for the two blocks below, each with its own context and server
shareBrowser();

/** Most rows a 1,000-row diff may hold in the page at 1440 × 900 (the viewport plus its overscan, in whole blocks). */
const WINDOW_MAX = 120;

/** The 1,000-row diff as rows, and its documents' metadata. */
function thousandRows(): { rows: DiffRow[]; docs: Pick<Comparison, 'a' | 'b'> } {
  const { alignments, a, b } = thousandAlignments();
  return { rows: diffRows({ alignments }), docs: { a, b } };
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

  test('a far row keeps its decision and its draft when it leaves the window and comes back; saving sends the alignment id', async () => {
    const c = thousandAlignments();
    const rows = diffRows(c);
    const ids = alignmentIds(c.alignments);
    const changed = rows.filter((r) => r.changed);
    const far = changed[changed.length - 20]!;
    const decided = changed[changed.length - 40]!;
    // on this page: a diff view of its own, with the alignments and a decision, in place of the one above
    await page.evaluate(
      async ({ c, rows, decided }) => {
        document.body.replaceChildren();
        const el = document.createElement('pd-diff-view') as HTMLElement & Record<string, unknown> & { updateComplete: Promise<boolean> };
        Object.assign(el, { rows, docA: c.a, docB: c.b, alignments: c.alignments, decisions: new Map([[decided, { status: 'confirmed', reason: null, note: 'đã đối chiếu', earlierVersion: false, itemText: '' }]]) });
        (window as unknown as { saved: unknown[] }).saved = [];
        el.addEventListener('pd-review', (e) => (window as unknown as { saved: unknown[] }).saved.push((e as CustomEvent).detail));
        document.body.append(el);
        await el.updateComplete;
      },
      { c, rows, decided: ids[decided.index]! },
    );
    const pane = page.getByTestId('diff-pane');
    await expect.poll(() => page.getByTestId('diff-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator(`[data-testid="diff-row"][data-index="${far.index}"]`).count()).toBe(0);

    /** Scrolls the pane until the row at `index` is drawn: a jump to where the rows drawn say it lies, then a frame for the window to follow. */
    const scrollTo = async (index: number): Promise<void> => {
      for (let k = 0; k < 40; k++) {
        if ((await page.locator(`[data-testid="diff-row"][data-index="${index}"]`).count()) > 0) break;
        await pane.evaluate(
          (el, i) =>
            new Promise<void>((done) => {
              const drawn = [...el.querySelectorAll<HTMLElement>('[data-testid="diff-row"]')];
              // where a drawn row lies in the pane's content, and the height of a row as the drawn ones average it
              const at = (row: HTMLElement): number => el.scrollTop + row.getBoundingClientRect().top - el.getBoundingClientRect().top;
              const [first, last] = [drawn[0]!, drawn[drawn.length - 1]!];
              const [from, to] = [Number(first.dataset.index), Number(last.dataset.index)];
              const perRow = Math.max(1, (at(last) - at(first)) / Math.max(1, to - from));
              el.scrollTop = at(first) + (i - from) * perRow - el.clientHeight / 2;
              // two frames: the window moves in the frame after the scroll, and is drawn before the next
              requestAnimationFrame(() => requestAnimationFrame(() => done()));
            }),
          index,
        );
      }
    };
    await scrollTo(decided.index);
    const decidedRow = page.locator(`[data-testid="diff-row"][data-index="${decided.index}"]`);
    expect(await decidedRow.getByTestId('clause-decision').getAttribute('data-status')).toBe('confirmed');
    await scrollTo(far.index);
    const farRow = page.locator(`[data-testid="diff-row"][data-index="${far.index}"]`);
    await farRow.getByPlaceholder('Lý do').fill('giữ nguyên');
    // away (out of the window) and back
    await pane.evaluate((el) => (el.scrollTop = 0));
    await expect.poll(() => farRow.count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('diff-row').count()).toBeLessThanOrEqual(120);
    await scrollTo(far.index);
    expect(await farRow.getByPlaceholder('Lý do').inputValue()).toBe('giữ nguyên');
    await farRow.getByTestId('clause-review-save').click();
    const saved = (await page.evaluate(() => (window as unknown as { saved: unknown[] }).saved)) as Array<{ item: string; kind: string; reason: string }>;
    expect(saved.map((s) => [s.item, s.kind, s.reason])).toEqual([[ids[far.index], 'clause', 'giữ nguyên']]);
    expect(await page.getByTestId('diff-row').count()).toBeLessThanOrEqual(120);
  }, 180_000);

  test('throws no error in the page', () => {
    expect(pageErrors).toEqual([]);
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
