/**
 * The inspector's work in the browser: the pair's orientation and warnings, review decisions
 * written through plandiff serve and read back after a reload, the Word and Excel downloads
 * (printing every view to A4 is test/e2e/print.test.ts).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReviewStore } from '../../src/node/review-store.js';
import { formatRoute } from '../../src/view/route.js';
import { corpusPath, seed, SEEDS } from '../corpus.js';
import { reviewPair } from '../../src/compare/review-pair.js';
import { startHarness, type Harness } from './browser.js';

const PARENT = SEEDS.ubnd2025;
const CHILD = SEEDS.gddt2024;
/** Letters and digits only: pdftotext breaks lines and spaces where it likes. */
const squash = (s: string): string => s.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '');

describe('review, reports and print in chromium', () => {
  let h: Harness;
  let page: Page;
  let dir: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandiff-review-web-'));
    cpSync(corpusPath(''), dir, { recursive: true });
    h = await startHarness(dir);
    page = await h.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 240_000);
  afterAll(async () => h?.close());

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
