/**
 * Review decisions on clause alignments in the diff view, in chromium: every changed row carries
 * the review control (the same <pd-review-mark> as the targets and fidelity views); a decision made
 * in the page goes through plandiff serve into the folder's store, where the command line's
 * `plandiff review list` reads it back under the id it gives the alignment, and it is shown again
 * after a reload, as made on an earlier version once the plan changes. (In a 1,000-row windowed diff
 * a draft survives its row leaving the window: diff-scale.test.ts.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatRoute } from '../../src/view/route.js';
import { runCli } from '../cli-run.js';
import { corpusPath, SEEDS } from '../corpus.js';
import { seriousViolations, startHarness, type Harness } from './browser.js';

const PARENT = SEEDS.ubnd2025;
const CHILD = SEEDS.gddt2024;

interface ListedItem {
  id: string;
  kind: string;
  status: string | null;
  reason: string | null;
  note: string | null;
  earlierVersion: boolean;
}

describe('clause alignment decisions in the diff view', () => {
  let h: Harness;
  let page: Page;
  let dir: string;
  const pageErrors: string[] = [];
  /** The alignments decided in the tests below, for axe on the rows that show a decision. */
  const decided: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandiff-review-diff-'));
    cpSync(corpusPath(''), dir, { recursive: true });
    h = await startHarness(dir);
    page = await h.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 240_000);
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

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
