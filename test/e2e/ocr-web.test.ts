/**
 * Issue 15 in the web view: a scan dropped on the page is read by OCR in the analysis worker
 * (tesseract.js, its worker, engine and Vietnamese model served by `plandiff serve` from the local
 * install), with its page progress shown, and nothing leaves the server's origin. The scan is made
 * here: pages 1–3 of the seed 004 fixture (rendered from the corpus plan by LibreOffice) rasterised
 * by pdftoppm at 200 dpi, each page cut to a strip of its top (page 1 its number and date, page 2
 * chapter I and its first points, page 3 the end of I.2 and I.3: test/ingest/scan-fixtures.ts) and
 * rebuilt as an image-only PDF of strips, so the browser draws, cleans and reads a few lines a page
 * at the scan's resolution. Full pages are read by `npm run bench` and `npm run test:real`. Skipped
 * without poppler-utils. Last, a page opened with a time limit of a few seconds per document stops
 * OCR of another scan and says so.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { imagePdf, rasterize } from '../../src/node/ocr-synth.js';
import { parseDocument } from '../../src/read/parse.js';
import { pageStrips } from '../ingest/scan-fixtures.js';
import { allClauses, corpusPath, SEEDS } from '../corpus.js';
import { hasProgram } from '../binary.js';
import { pickPlan, ROOT, startHarness, type Harness } from './browser.js';

const HAS_TOOLS = hasProgram('pdftoppm');
const HAS_TESSERACT = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie') === true;
const FIXTURE = 'khanh-hoa-2025-ubnd-cai-cach-tthc.pdf';
const PAGES = 3;
/** How much of each page's height is kept (the strip ends at the first blank row below it). */
const KEEP = [0.1, 0.2, 0.28];

describe.skipIf(!HAS_TOOLS)('a dropped scan read by OCR in chromium (needs poppler-utils)', () => {
  let h: Harness;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-ocr-web-'));
  const scan = join(dir, 'scan', 'scan-004.pdf');
  /** The text printed on the pages of the scan (from the fixture's text layer). */
  let printed: string;
  /** Pages 4–5 of the same fixture, whole: other bytes, so nothing of it is in the browser's OCR cache. */
  const slow = join(dir, 'slow', 'timeout.pdf');
  /** Requests chromium made, and paths the server was asked for. */
  const requests: string[] = [];
  const served: string[] = [];

  beforeAll(async () => {
    mkdirSync(join(dir, 'folder'));
    mkdirSync(join(dir, 'scan'));
    copyFileSync(corpusPath(SEEDS.ubnd2025), join(dir, 'folder', 'ubnd-2025.txt'));
    const strips = pageStrips(FIXTURE, Array.from({ length: PAGES }, (_, i) => i + 1), KEEP);
    writeFileSync(scan, strips.pdf);
    printed = strips.text;
    mkdirSync(join(dir, 'slow'));
    writeFileSync(slow, imagePdf(rasterize(new Uint8Array(readFileSync(join(ROOT, 'test/fixtures', FIXTURE))), 200, [4, 5])));
    h = await startHarness(join(dir, 'folder'));
    h.server.server.on('request', (req: { url?: string }) => served.push(req.url ?? ''));
    h.context.on('request', (r) => requests.push(r.url()));
    page = await h.context.newPage();
    await page.goto(h.server.url);
    await page.getByTestId('corpus-row').first().waitFor({ timeout: 30_000 });
    // Every progress event the page is told, kept for the checks below.
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { ocrSeen: unknown[] }).ocrSeen = seen;
      window.addEventListener('pd-ocr-progress', (e) => seen.push((e as CustomEvent).detail));
    });
  }, 240_000);

  afterAll(async () => {
    await h?.close();
  });

  test('is read page by page, the progress shown, and gives the number and clauses printed on it', { timeout: 400_000 }, async () => {
    await page.getByTestId('upload-input').first().setInputFiles(scan);
    // Two pages are read at once: while the third is read, the zone shows how far OCR got.
    const status = page.getByTestId('ocr-progress').first();
    await expect.poll(async () => ((await status.count()) ? await status.getAttribute('data-total') : null), { timeout: 300_000 }).toBe(String(PAGES));
    expect(await status.textContent()).toMatch(new RegExp(`trang [12]/${PAGES}`));
    await page.waitForURL((url) => url.hash.startsWith('#/diff') && url.hash.includes('upload'), { timeout: 300_000 });
    const seen = (await page.evaluate(() => (window as unknown as { ocrSeen: Array<{ file: string; done: number; total: number }> }).ocrSeen)).map((p) => `${p.file}:${p.done}/${p.total}`);
    expect(seen).toEqual(Array.from({ length: PAGES }, (_, i) => `scan-004.pdf:${i + 1}/${PAGES}`));
    await expect.poll(() => page.getByTestId('ocr-progress').count()).toBe(0);

    // What the printed part of the pages says, read from the fixture's text layer.
    const truth = parseDocument(printed, { file: null });
    await page.getByTestId('tab-corpus').click();
    const row = page.locator('[data-testid="corpus-row"][data-file="upload:scan-004.pdf"]');
    await expect.poll(async () => (await row.count()) && ((await row.textContent()) ?? ''), { timeout: 30_000 }).toContain(`${truth.meta.number}/${truth.meta.symbol}`);

    await page.goBack();
    await pickPlan(page, 'a', 'ubnd-2025.txt');
    const rows = page.getByTestId('diff-row');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBeGreaterThan(5);
    // The diff draws the rows near the view only: scroll through it, gathering B's clause ids.
    const read = new Set<string>();
    for (let y = 0; ; y += 500) {
      for (const id of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-b') ?? ''))) if (id) read.add(id);
      const end = await page.evaluate((to) => {
        window.scrollTo(0, to);
        return to > document.scrollingElement!.scrollHeight;
      }, y);
      if (end) break;
      await page.waitForTimeout(30);
    }
    // The plan under the decision is an appendix ("PL.") in its typed text; one reading or the other may lose the
    // mark that tells it (page 1's strip ends above the plan's own heading), so ids are compared without it.
    const bare = (id: string): string => id.replace(/^PL\./, '');
    const expected = [...new Set(allClauses(truth.clauses).map((c) => bare(c.id)))];
    const readBare = new Set([...read].map(bare));
    const found = expected.filter((id) => readBare.has(id));
    // The strips hold 6 ids (I, I.1, its point a and a dash under it on page 2; I.3 and its first paragraph on
    // page 3, numbered on from page 2); OCR's reading of whole pages 1–3 found 16 of 26.
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(found.length, `clause ids read: ${[...read].join(' ')}; expected ${expected.join(' ')}`).toBeGreaterThanOrEqual(Math.ceil(expected.length / 2));
  });

  test('after a reload the kept scan is read from the pages this browser kept: no engine loaded, the same number', { timeout: 120_000 }, async () => {
    const engineLoads = served.filter((p) => p === '/ocr/worker.min.js').length;
    await page.goto(h.server.url);
    const row = page.locator('[data-testid="corpus-row"][data-file="upload:scan-004.pdf"]');
    await expect.poll(async () => (await row.count()) && ((await row.textContent()) ?? ''), { timeout: 60_000 }).toContain('3HH/');
    expect(served.filter((p) => p === '/ocr/worker.min.js').length).toBe(engineLoads);
  });

  test('nothing left the server\'s origin: the OCR engine and its Vietnamese model came from plandiff serve', () => {
    expect(requests.filter((u) => !u.startsWith(h.server.url) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(served).toContain('/ocr/worker.min.js');
    expect(served).toContain('/ocr/lang/vie.traineddata.gz');
    expect(served.some((p) => /^\/ocr\/core\/tesseract-core-.*lstm\.wasm\.js$/.test(p))).toBe(true);
    // the scan itself was never sent: only GETs of the app, the folder and the OCR files
    expect(served.filter((p) => !/^\/(|assets\/.*|api\/corpus|api\/file\?.*|ocr\/.*)$/.test(p))).toEqual([]);
  });

  test('the app keeps fetches to its own origin; the OCR worker may compile WebAssembly but fetch only from the server', async () => {
    const app = await fetch(h.server.url);
    expect(app.headers.get('content-security-policy')).toMatch(/connect-src 'self'(;|$)/);
    expect(app.headers.get('content-security-policy')).not.toMatch(/wasm-unsafe-eval/);
    const worker = await fetch(new URL('/ocr/worker.min.js', h.server.url));
    expect(worker.headers.get('content-security-policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'/);
    expect((await fetch(new URL('/ocr/../package.json', h.server.url))).status).not.toBe(200);
    expect((await fetch(new URL('/ocr/core/index.js', h.server.url))).status).toBe(404);
    expect(readFileSync(scan).length).toBeGreaterThan(0);
  });

  test('a time limit per document (?ocr-timeout=SECONDS) stops OCR of a scan and the page says how far it got', { timeout: 180_000 }, async () => {
    const limited = await h.context.newPage();
    await limited.goto(`${h.server.url}?ocr-timeout=1`);
    await limited.getByTestId('corpus-row').first().waitFor({ timeout: 30_000 });
    await limited.getByTestId('upload-input').first().setInputFiles(slow);
    // Loading the engine and drawing the first page alone take longer than 1 s here (the engines are stopped then: what this test costs goes with the limit).
    const stopped = limited.getByTestId('ocr-stopped').first();
    await stopped.waitFor({ timeout: 120_000 });
    expect(await stopped.getAttribute('role')).toBe('alert');
    expect(await stopped.getAttribute('data-total')).toBe('2');
    expect(Number(await stopped.getAttribute('data-done'))).toBeLessThan(2);
    expect(await stopped.textContent()).toMatch(/^Đã dừng nhận dạng chữ \(OCR\) "timeout\.pdf": quá 1 giây cho một tài liệu, mới đọc được [01]\/2 trang$/);
    const notice = limited.locator('[data-testid="notice"].error');
    await expect.poll(() => notice.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await notice.first().textContent()).toContain('Không đọc được tệp "timeout.pdf": vượt giới hạn đọc');
    expect(await limited.locator('[data-testid="corpus-row"][data-file="upload:timeout.pdf"]').count()).toBe(0);
    // The page goes on: the next file dropped clears the line.
    await limited.getByTestId('upload-input').first().setInputFiles(join(dir, 'folder', 'ubnd-2025.txt'));
    await expect.poll(() => limited.getByTestId('ocr-stopped').count(), { timeout: 30_000 }).toBe(0);
    await limited.close();
  });
});

describe.skipIf(!HAS_TOOLS || !HAS_TESSERACT)('a scan and a page image in the served folder read by the server (needs poppler-utils and tesseract-ocr-vie)', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-served-scan-'));
  const served: string[] = [];
  beforeAll(async () => {
    // The top strip of page 1 of the same fixture (its number line), image-only, beside a typed plan.
    writeFileSync(join(dir, 'scan-004.pdf'), pageStrips(FIXTURE, [1], 0.1).pdf);
    // and the same strip as a page image (PNG, 200 dpi, as pdftoppm writes it)
    const png = spawnSync('pdftoppm', ['-r', '200', '-png', '-singlefile', join(dir, 'scan-004.pdf'), join(dir, 'page-004')]);
    if (png.status !== 0) throw new Error(`pdftoppm: ${png.stderr}`);
    copyFileSync(corpusPath(SEEDS.ubnd2025), join(dir, 'ubnd-2025.txt'));
    h = await startHarness(dir);
    h.server.server.on('request', (req: { method?: string; url?: string }) => served.push(`${req.method} ${req.url ?? ''}`));
  }, 120_000);
  afterAll(() => h?.close());

  test("is listed with the number printed on it, read by plandiff serve's tesseract (POST /api/ocr), not by an engine in the browser", { timeout: 120_000 }, async () => {
    const page = await h.context.newPage();
    await page.goto(h.server.url);
    const row = page.locator('[data-testid="corpus-row"][data-file="scan-004.pdf"]');
    await row.waitFor({ timeout: 90_000 });
    expect(await row.getAttribute('class')).not.toMatch(/error/);
    expect(await row.textContent()).toContain('QĐ-UBND');
    expect(served).toContain('POST /api/ocr?kind=pdf&pages=1');
    // the page image beside it, read the same way
    const image = page.locator('[data-testid="corpus-row"][data-file="page-004.png"]');
    await image.waitFor({ timeout: 90_000 });
    expect(await image.getAttribute('class')).not.toMatch(/error/);
    expect(await image.textContent()).toContain('QĐ-UBND');
    expect(served).toContain('POST /api/ocr?kind=image');
    expect(served.filter((s) => s.startsWith('GET /ocr/'))).toEqual([]);
    await page.close();
  });
});
