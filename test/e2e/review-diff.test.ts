/**
 * The inspector's work in the browser, on one page over a copy of the bundled corpus (its store
 * written through plandiff serve):
 *
 * - in the fidelity and targets views: the pair's orientation and warnings, review decisions
 *   written through plandiff serve and read back after a reload, the Word and Excel downloads
 *   (printing every view to A4 is test/e2e/print.test.ts);
 * - on clause alignments in the diff view: every changed row carries the review control (the same
 *   <pd-review-mark> as the targets and fidelity views); a decision made in the page goes through
 *   plandiff serve into the folder's store, where the command line's `plandiff review list` reads
 *   it back under the id it gives the alignment, and it is shown again after a reload, as made on
 *   an earlier version once the plan changes. (In a 1,000-row windowed diff a draft survives its row
 *   leaving the window: diff-scale.test.ts.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reviewPair } from '../../src/compare/review-pair.js';
import { ReviewStore } from '../../src/node/review-store.js';
import { formatRoute } from '../../src/view/route.js';
import { runCli } from '../cli-run.js';
import { corpusPath, seed, SEEDS } from '../corpus.js';
import { seriousViolations, startHarness, type Harness } from './browser.js';

const PARENT = SEEDS.ubnd2025;
const CHILD = SEEDS.gddt2024;
/** Letters and digits only: pdftotext breaks lines and spaces where it likes. */
const squash = (s: string): string => s.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '');

interface ListedItem {
  id: string;
  kind: string;
  status: string | null;
  reason: string | null;
  note: string | null;
  earlierVersion: boolean;
}

let h: Harness;
let page: Page;
let dir: string;
const pageErrors: string[] = [];

// One page for the two parts: the fidelity and targets views' decisions first (they check the
// store holds exactly theirs), then the diff's; each test reaches its view by its hash.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plandiff-review-'));
  cpSync(corpusPath(''), dir, { recursive: true });
  h = await startHarness(dir);
  page = await h.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 240_000);
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('review, reports and print in chromium', () => {
  const open = async (a: string, b: string): Promise<void> => {
    await page.goto(`${h.server.url}${formatRoute({ view: 'fidelity', a, b })}`);
    await expect.poll(() => page.getByTestId('fidelity-score').count(), { timeout: 60_000 }).toBe(1);
  };

  test('a pair given child first says the other plan is the parent and offers the swap', async () => {
    await open(CHILD, PARENT);
    await expect.poll(() => page.getByTestId('pair-swapped').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('swap-pair').click();
    const codes = (): Promise<Array<string | null>> => page.getByTestId('pair-warning').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    await expect.poll(codes, { timeout: 30_000 }).toEqual(['child-older', 'cites-earlier-edition']);
    expect(await page.getByTestId('pair-swapped').count()).toBe(0);
    expect(page.url()).toContain(encodeURIComponent(PARENT).slice(0, 10));
  }, 120_000);

  test('a decision saved in the page is stored, survives a reload, and shows as made on an earlier version once the plan changes', async () => {
    await open(PARENT, CHILD);
    const first = page.getByTestId('finding').first();
    await first.locator('select').selectOption('explained');
    await first.getByPlaceholder('Lý do').fill('Sở chỉ phụ trách lĩnh vực giáo dục');
    await first.getByPlaceholder('Ghi chú').fill('Hỏi lại Văn phòng UBND tỉnh');
    await first.getByTestId('review-save').click();
    await expect.poll(() => first.getByTestId('decision').getAttribute('data-status').catch(() => null), { timeout: 15_000 }).toBe('explained');
    const store = new ReviewStore(dir);
    expect(store.current(PARENT, CHILD).map((d) => [d.status, d.reason, d.note, d.author])).toEqual([['explained', 'Sở chỉ phụ trách lĩnh vực giáo dục', 'Hỏi lại Văn phòng UBND tỉnh', 'web']]);
    store.close();
    await page.reload();
    await expect.poll(() => page.getByTestId('decision').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('earlier-version').count()).toBe(0);
    writeFileSync(join(dir, CHILD), readFileSync(join(dir, CHILD), 'utf8') + '\n- Một nhiệm vụ bổ sung sau khi xem xét.\n');
    await page.reload();
    await expect.poll(() => page.getByTestId('earlier-version').count(), { timeout: 60_000 }).toBe(1);
    writeFileSync(join(dir, CHILD), readFileSync(corpusPath(CHILD)));
  }, 180_000);

  test('downloads the Word report with tracked changes and the decision, and the Excel workbook', async () => {
    await open(PARENT, CHILD);
    await expect.poll(() => page.getByTestId('decision').count(), { timeout: 30_000 }).toBe(1);
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const xml = strFromU8(unzipSync(readFileSync((await docx.path())!))['word/document.xml']!);
    expect(xml).toMatch(/<w:ins /);
    expect(xml).toMatch(/<w:del /);
    expect(xml).toContain('Sở chỉ phụ trách lĩnh vực giáo dục');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    expect(Object.keys(unzipSync(readFileSync((await xlsx.path())!)))).toContain('xl/worksheets/sheet2.xml');
  }, 120_000);

  test('downloads the fidelity matrix as a Word report and an Excel workbook: every plan of the matrix, with the decision', async () => {
    await open(PARENT, CHILD);
    await expect.poll(() => page.getByTestId('decision').count(), { timeout: 30_000 }).toBe(1);
    const plans = await page.getByTestId('fidelity-matrix').locator('thead th').count() - 2;
    expect(plans).toBeGreaterThan(1);
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-matrix-docx').click()]);
    expect(docx.suggestedFilename()).toBe(`plandiff-ma-tran-${PARENT.replace(/^.*\//, '').replace(/\.[a-z]+$/, '')}.docx`);
    const xml = strFromU8(unzipSync(readFileSync((await docx.path())!))['word/document.xml']!);
    expect(xml).toContain('Sở chỉ phụ trách lĩnh vực giáo dục');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-matrix-xlsx').click()]);
    const parts = unzipSync(readFileSync((await xlsx.path())!));
    expect(Object.keys(parts).filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))).toHaveLength(3);
    const text = Object.entries(parts).filter(([k]) => k.startsWith('xl/')).map(([, v]) => strFromU8(v)).join('');
    expect(text).toContain('Sở chỉ phụ trách lĩnh vực giáo dục');
    // one line a plan on the plans sheet: its file named once there
    expect(text).toContain(CHILD);
  }, 120_000);

  test('a decision on a target change in the targets view is stored under the id the CLI gives it', async () => {
    await page.goto(`${h.server.url}${formatRoute({ view: 'targets', a: PARENT, b: CHILD })}`);
    const row = page.getByTestId('target-row').filter({ has: page.locator('[data-testid="marker-weakened"]') }).first();
    await expect.poll(() => row.count(), { timeout: 60_000 }).toBe(1);
    const metric = await row.getByTestId('target-metric').innerText();
    await row.locator('select').selectOption('false-alarm');
    await row.getByTestId('target-review-save').click();
    await expect.poll(() => row.getByTestId('target-decision').getAttribute('data-status').catch(() => null), { timeout: 15_000 }).toBe('false-alarm');
    const store = new ReviewStore(dir);
    const stored = store.current(PARENT, CHILD).find((d) => d.kind === 'target')!;
    store.close();
    const pair = reviewPair(seed('gddt2024'), seed('ubnd2025'));
    const item = pair.items.find((i) => i.id === stored.item)!;
    expect(item.kind).toBe('target');
    expect(item.text).toContain('(weakened)');
    expect(squash(metric).slice(0, 12)).toBe(squash(item.label).slice(0, 12));
  }, 120_000);

  test('the targets view switches between parent → child and peers, and downloads the comparison as Word and Excel', async () => {
    await page.goto(`${h.server.url}${formatRoute({ view: 'targets', a: PARENT, b: CHILD })}`);
    const judged = (): Promise<string | null> => page.getByTestId('judged').getAttribute('data-relation').catch(() => null);
    await expect.poll(judged, { timeout: 60_000 }).toBe('parent');
    expect(await page.getByTestId('marker-weakened').count()).toBeGreaterThan(0);
    await page.getByTestId('relation').selectOption('peer');
    await expect.poll(judged, { timeout: 30_000 }).toBe('peer');
    expect(await page.getByTestId('marker-weakened').count()).toBe(0);
    await page.getByTestId('relation').selectOption('auto');
    await expect.poll(judged, { timeout: 30_000 }).toBe('parent');
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('target-docx').click()]);
    expect(strFromU8(unzipSync(readFileSync((await docx.path())!))['word/document.xml']!)).toMatch(/<w:del /);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('target-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

describe('clause alignment decisions in the diff view', () => {
  /** The alignments decided in the tests below, for axe on the rows that show a decision. */
  const decided: string[] = [];

  // the page reads the folder as it stands now: the part above changed the child plan and put it back after its last reload
  beforeAll(async () => {
    await page.reload();
  }, 60_000);

  const open = async (): Promise<void> => {
    await page.goto(`${h.server.url}${formatRoute({ view: 'diff', a: PARENT, b: CHILD })}`);
    await expect.poll(() => page.getByTestId('clause-review-form').count(), { timeout: 60_000 }).toBeGreaterThan(0);
  };

  /** What `plandiff review list` (run in this process) lists for the pair, the clause alignments too. */
  const listed = async (): Promise<ListedItem[]> => {
    const r = await runCli(['review', 'list', join(dir, CHILD), '--parent', join(dir, PARENT), '--all', '--json']);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { items: ListedItem[] }).items;
  };

  /** The row holding the review control of `item`. */
  const rowOf = (item: string) => page.getByTestId('diff-row').filter({ has: page.locator(`pd-review-mark[data-item="${item}"]`) });

  test('every changed row has a control, and only the changed rows', async () => {
    await open();
    const { changed, controls, unchanged } = await page.getByTestId('diff-row').evaluateAll((rows) => ({
      changed: rows.filter((r) => r.getAttribute('data-status') !== 'identical').length,
      controls: rows.filter((r) => r.querySelector('pd-review-mark')).length,
      unchanged: rows.filter((r) => r.getAttribute('data-status') === 'identical' && r.querySelector('pd-review-mark')).length,
    }));
    expect(changed).toBeGreaterThan(0);
    expect(controls).toBe(changed);
    expect(unchanged).toBe(0);
    // the ids are the CLI's ids of the alignments
    const ids = new Set((await listed()).filter((i) => i.kind === 'clause').map((i) => i.id));
    const shown = await page.locator('pd-review-mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-item')));
    expect(shown.filter((id) => !ids.has(id!))).toEqual([]);
  }, 120_000);

  test('a decision on a clause alignment is stored, read back by the CLI, survives a reload and shows as made on an earlier version once the plan changes', async () => {
    await open();
    const mark = page.locator('[data-testid="diff-row"][data-status="dropped"] pd-review-mark').first();
    const item = (await mark.getAttribute('data-item'))!;
    expect(item).toMatch(/^c-[0-9a-z]{10}/);
    const row = rowOf(item);
    const before = await row.getAttribute('class');
    await row.locator('select').selectOption('explained');
    // "explained" needs a reason
    expect(await row.getByTestId('clause-review-save').isDisabled()).toBe(true);
    await row.getByPlaceholder('Lý do').fill('Nhiệm vụ do Sở Nội vụ chủ trì');
    await row.getByPlaceholder('Ghi chú').fill('Đối chiếu kế hoạch của Sở Nội vụ');
    await row.getByTestId('clause-review-save').click();
    await expect.poll(() => row.getByTestId('clause-decision').getAttribute('data-status').catch(() => null), { timeout: 15_000 }).toBe('explained');
    decided.push(item);
    // a click in the form is not a click on the row
    expect(await row.getAttribute('class')).toBe(before);

    const stored = (await listed()).find((i) => i.id === item)!;
    expect([stored.kind, stored.status, stored.reason, stored.note, stored.earlierVersion]).toEqual(['clause', 'explained', 'Nhiệm vụ do Sở Nội vụ chủ trì', 'Đối chiếu kế hoạch của Sở Nội vụ', false]);

    await page.reload();
    await expect.poll(() => rowOf(item).getByTestId('clause-decision').getAttribute('data-status').catch(() => null), { timeout: 60_000 }).toBe('explained');
    expect(await page.getByTestId('clause-decision').count()).toBe(1);
    expect(await page.getByTestId('clause-earlier-version').count()).toBe(0);
    // the form starts from the decision
    expect(await rowOf(item).getByPlaceholder('Lý do').inputValue()).toBe('Nhiệm vụ do Sở Nội vụ chủ trì');

    writeFileSync(join(dir, CHILD), readFileSync(join(dir, CHILD), 'utf8') + '\n- Một nhiệm vụ bổ sung sau khi xem xét.\n');
    await page.reload();
    await expect.poll(() => page.getByTestId('clause-earlier-version').count(), { timeout: 60_000 }).toBe(1);
    expect((await listed()).find((i) => i.id === item)?.earlierVersion).toBe(true);
    writeFileSync(join(dir, CHILD), readFileSync(corpusPath(CHILD)));
  }, 180_000);

  test('by keyboard: Enter in a field saves, Escape drops the draft', async () => {
    await open();
    const marks = page.locator('[data-testid="diff-row"][data-status="modified"] pd-review-mark');
    const item = (await marks.first().getAttribute('data-item'))!;
    const row = rowOf(item);
    await row.locator('select').focus();
    await row.locator('select').selectOption('false-alarm');
    await page.keyboard.press('Tab');
    await page.keyboard.type('chỉ đổi cách viết');
    await page.keyboard.press('Escape');
    expect(await row.getByPlaceholder('Lý do').inputValue()).toBe('');
    expect(await row.locator('select').inputValue()).toBe('confirmed');
    await row.locator('select').selectOption('false-alarm');
    await row.getByPlaceholder('Ghi chú').focus();
    await page.keyboard.type('nhập sai phông chữ');
    // typing "n" or "p" in the field does not move the diff to another change
    expect(page.url()).not.toContain('clause=');
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getByTestId('clause-decision').getAttribute('data-status').catch(() => null), { timeout: 15_000 }).toBe('false-alarm');
    decided.push(item);
    const stored = (await listed()).find((i) => i.id === item)!;
    expect([stored.status, stored.reason, stored.note]).toEqual(['false-alarm', null, 'nhập sai phông chữ']);
  }, 120_000);

  test('inline, every changed row keeps its control; in print the decision shows and the form does not', async () => {
    await open();
    const changed = await page.locator('[data-testid="diff-row"]:not([data-status="identical"])').count();
    await page.getByTestId('layout-inline').click();
    await expect.poll(() => page.locator('[data-testid="diff-row"] pd-review-mark').count(), { timeout: 10_000 }).toBe(changed);
    await page.getByTestId('layout-side').click();
    await page.emulateMedia({ media: 'print' });
    try {
      await expect.poll(() => page.getByTestId('clause-review-form').first().isVisible(), { timeout: 10_000 }).toBe(false);
      expect(await page.getByTestId('clause-decision').first().isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  }, 120_000);

  // The whole diff with its review controls (no decision) is checked by diff-view.test.ts (000 → 003).
  test('axe-core finds no serious or critical violation in the rows of the diff that show a decision, with their review controls', async () => {
    await open();
    expect(decided).toHaveLength(2);
    const rows = await Promise.all(decided.map((item) => rowOf(item).getAttribute('data-index')));
    expect(await seriousViolations(page, rows.map((i) => ['pd-app', 'pd-diff-view', `[data-testid="diff-row"][data-index="${i}"]`]))).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
