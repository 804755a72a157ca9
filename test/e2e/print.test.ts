/**
 * Every view of the web page printed to A4 in chromium (page.pdf, the print stylesheet), then read
 * back with `pdftotext -layout`: all rows and columns must be on the paper. Two checks per view:
 *
 * - every word the view shows in print (each rendered text node of its composed tree, controls
 *   left out) is in the PDF at least as often (a row cut by a scroll box, a column past the page
 *   edge, a clamped caption all lose words);
 * - each table row is one block of the layout text (from the line its key cell starts to the line
 *   the next row starts) holding every cell of the row, and the blocks come in the rows' order
 *   (so a row is never split from its columns, and no row is missing);
 *
 * and no word of the PDF sticks out of the page. The PDFs are kept in test-artifacts/print/ for a
 * person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasProgram } from '../binary.js';
import { buildLineage } from '../../src/corpus/lineage.js';
import { corpusPath, SEEDS, seed } from '../corpus.js';
import { formatRoute, type Route } from '../../src/view/route.js';
import { ROOT, startHarness, type Harness } from './browser.js';

const HAS_POPPLER = hasProgram('pdftotext') && hasProgram('pdfinfo');
if (!HAS_POPPLER) process.stderr.write('print.test: pdftotext/pdfinfo (poppler-utils) not found: the print tests are skipped (apt-get install poppler-utils)\n');

const PARENT = SEEDS.ubnd2025;
const CHILD = SEEDS.gddt2024;
const OUT = join(ROOT, 'test-artifacts', 'print');

/** Words: runs of letters and digits, NFC, lower case (print styles upper-case headings). */
const words = (s: string): string[] => s.normalize('NFC').toLocaleLowerCase('vi').match(/[\p{L}\p{N}]+/gu) ?? [];

function counts(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Words of `want` that `have` holds fewer times ("word ×wanted/had"). A word pdftotext glued to
 * its neighbour (a clause number set tight against its text: "D2Quyết") counts as there. */
function missingWords(want: readonly string[], have: readonly string[]): string[] {
  const h = counts(have);
  const glued = (w: string): number => have.filter((x) => x.length > w.length && (x.startsWith(w) || x.endsWith(w))).length;
  return [...counts(want)]
    .filter(([w, n]) => (h.get(w) ?? 0) < n && (h.get(w) ?? 0) + glued(w) < n)
    .map(([w, n]) => `${w} ×${n}/${h.get(w) ?? 0}`);
}

/** A printed view: the PDF's layout text, its pages, and the words past the right or bottom edge. */
interface Printed {
  layout: string;
  pages: number;
  outside: string[];
}

/** The words of every text node of `root`'s composed tree (shadow roots and slots followed) that
 * the browser renders now; form controls, and text hidden or clipped to nothing, are left out. */
async function renderedWords(root: Locator): Promise<string[]> {
  const texts = await root.evaluate((top) => {
    const out: string[] = [];
    const skip = new Set(['SCRIPT', 'STYLE', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'BUTTON', 'TITLE']);
    const shown = (el: Element): boolean => {
      if (!el.checkVisibility({ checkVisibilityCSS: true, contentVisibilityAuto: false })) return false;
      const r = el.getBoundingClientRect();
      return r.width > 1 || r.height > 1 || el instanceof SVGElement;
    };
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        if (parent && node.textContent?.trim() && shown(parent)) out.push(node.textContent);
        return;
      }
      if (!(node instanceof Element)) {
        node.childNodes.forEach(walk);
        return;
      }
      if (skip.has(node.tagName.toUpperCase())) return;
      if (node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
      else if (node instanceof HTMLSlotElement) node.assignedNodes({ flatten: true }).forEach(walk);
      else node.childNodes.forEach(walk);
    };
    walk(top);
    return out;
  });
  return texts.flatMap(words);
}

/** Prints the page to A4 (print media, backgrounds) and reads the PDF back. */
async function printPage(page: Page, name: string): Promise<Printed> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info) ?? [];
  // -bbox: every word with its box, in points
  const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const outside = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .filter((m) => Number(m[3]) > Number(w) + 0.5 || Number(m[4]) > Number(h) + 0.5 || Number(m[1]) < -0.5)
    .map((m) => m[5]!);
  return { layout, pages, outside };
}

/** Where each row starts in the layout text and whether its cells are all in its block. */
function rowBlocks(layout: string, rows: ReadonlyArray<{ key: string; cells: readonly string[] }>, keyWords = 2): { order: number[]; incomplete: string[] } {
  const lines = layout.split('\n').map(words);
  const order: number[] = [];
  const starts: number[] = [];
  let from = 0;
  for (const row of rows) {
    const key = words(row.key).slice(0, keyWords);
    let at = -1;
    for (let i = from; i < lines.length && at < 0; i++) {
      const line = lines[i]!;
      for (let k = 0; k + key.length <= line.length; k++) {
        if (key.every((w, j) => line[k + j] === w)) {
          at = i;
          break;
        }
      }
    }
    starts.push(at);
    if (at >= 0) {
      order.push(at);
      from = at + 1;
    }
  }
  const incomplete: string[] = [];
  rows.forEach((row, r) => {
    const start = starts[r]!;
    if (start < 0) {
      incomplete.push(`${row.key.slice(0, 60)}: not found`);
      return;
    }
    const next = starts.slice(r + 1).find((s) => s >= 0) ?? lines.length;
    const block = lines.slice(start, next).flat();
    const lost = missingWords(row.cells.flatMap(words), block);
    if (lost.length) incomplete.push(`${row.key.slice(0, 60)}: ${lost.join(' ')}`);
  });
  return { order, incomplete };
}

/** The text of each cell (td, th) of each row of `rows` that the browser renders (innerText). */
function cellTexts(rows: Locator): Promise<string[][]> {
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].filter((c) => c.checkVisibility({ checkVisibilityCSS: true })).map((c) => (c as HTMLElement).innerText)));
}

describe.skipIf(!HAS_POPPLER)('every view prints completely on A4 (chromium → PDF → pdftotext -layout)', () => {
  let h: Harness;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness(corpusPath(''));
    page = await h.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 240_000);
  afterAll(async () => h?.close());

  const open = async (route: Partial<Route> & { view: Route['view'] }, ready: Locator): Promise<void> => {
    pageErrors.length = 0;
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${h.server.url}${formatRoute(route)}`);
    await expect.poll(() => ready.count(), { timeout: 60_000 }).toBeGreaterThan(0);
  };

  /** Prints the page and checks the words of `view` and the rows of each table. */
  const check = async (name: string, view: Locator, tables: Array<{ rows: Locator; key: number; keyWords?: number }>): Promise<Printed> => {
    await page.emulateMedia({ media: 'print' });
    const want = await renderedWords(view);
    const rowSets = [];
    for (const t of tables) {
      const cells = await cellTexts(t.rows);
      rowSets.push({ keyWords: t.keyWords, rows: cells.map((c) => ({ key: c[t.key] ?? '', cells: c })) });
    }
    const printed = await printPage(page, name);
    await page.emulateMedia({ media: 'screen' });
    expect(want.length, `${name}: words shown`).toBeGreaterThan(20);
    expect.soft(missingWords(want, words(printed.layout)), `${name}: words not on paper`).toEqual([]);
    for (const { rows, keyWords } of rowSets) {
      expect(rows.length, `${name}: rows`).toBeGreaterThan(0);
      const { order, incomplete } = rowBlocks(printed.layout, rows, keyWords);
      expect.soft(incomplete, `${name}: rows cut or split from their columns`).toEqual([]);
      expect(order.length).toBe(rows.length);
    }
    expect.soft(printed.outside, `${name}: words past the page edge`).toEqual([]);
    expect.soft(pageErrors, `${name}: page errors`).toEqual([]);
    return printed;
  };

  test('the corpus table: every plan with all its columns', async () => {
    const table = page.locator('pd-corpus-table');
    await open({ view: 'corpus' }, table.getByTestId('corpus-row'));
    const rows = table.getByTestId('corpus-row');
    expect(await rows.count()).toBe(Object.keys(SEEDS).length);
    const printed = await check('corpus', table, [{ rows, key: 1 }]);
    // the header of every column
    const head = await table.locator('thead th').allInnerTexts();
    expect(missingWords(head.flatMap(words), words(printed.layout))).toEqual([]);
  }, 120_000);

  test('the targets view: every target change with all its columns', async () => {
    const view = page.locator('pd-target-table');
    await open({ view: 'targets', a: PARENT, b: CHILD }, view.getByTestId('target-row'));
    const rows = view.getByTestId('target-row');
    expect(await rows.count()).toBeGreaterThan(10);
    await check('targets', view, [{ rows, key: 1, keyWords: 4 }]);
  }, 120_000);

  test('the fidelity view: the score, every finding, and the matrix with every row and plan column', async () => {
    const view = page.locator('pd-fidelity-view');
    await open({ view: 'fidelity', a: PARENT, b: CHILD }, view.getByTestId('matrix-row'));
    const findings = await view.getByTestId('finding').count();
    expect(findings).toBeGreaterThan(20);
    const rows = view.getByTestId('matrix-row');
    const printed = await check('fidelity', view, [{ rows, key: 0, keyWords: 4 }]);
    // every finding is on paper: its sentence, in the order of the page
    const sentences = await view.getByTestId('finding').evaluateAll((els) => els.map((e) => (e.querySelector('div:nth-child(2)') as HTMLElement).innerText));
    const { incomplete } = rowBlocks(printed.layout, sentences.map((s) => ({ key: s, cells: [s] })), 8);
    expect(incomplete).toEqual([]);
  }, 120_000);

  test('the diff: every aligned pair, both sides', async () => {
    const view = page.locator('pd-diff-view');
    await open({ view: 'diff', a: PARENT, b: CHILD }, view.getByTestId('diff-row'));
    const rows = await view.getByTestId('diff-row').count();
    expect(rows).toBeGreaterThan(50);
    await check('diff', view, []);
  }, 120_000);

  test('the trends: every series chart with its caption and data table, and the issuer table with every metric column', async () => {
    const view = page.locator('pd-trends-view');
    await open({ view: 'trends' }, view.getByTestId('heat-row'));
    await expect.poll(() => view.locator('figure svg').count(), { timeout: 30_000 }).toBe(await view.getByTestId('trend-chart').count());
    const heat = view.getByTestId('heat-row');
    const printed = await check('trends', view, [{ rows: heat, key: 0 }]);
    // each chart's data table: every row's year, value and change (textContent: opened or not)
    const tables = await view.getByTestId('trend-table').evaluateAll((ts) => ts.flatMap((t) => [...t.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
    expect(tables.length).toBeGreaterThan(5);
    expect(missingWords(tables.flatMap(words), words(printed.layout))).toEqual([]);
  }, 120_000);

  test('a lineage node page: the plan, what it cites and who shares its text', async () => {
    const docs = (Object.keys(SEEDS) as Array<keyof typeof SEEDS>).map((k) => ({ file: SEEDS[k], doc: seed(k) }));
    const id = buildLineage(docs).nodes.find((n) => n.file === PARENT)!.id;
    const view = page.locator('pd-node-page');
    await open({ view: 'lineage', node: id }, view.getByTestId('node-page'));
    const items = view.locator('li');
    expect(await items.count()).toBeGreaterThan(3);
    await check('lineage-node', view, [{ rows: items, key: 0 }]);
  }, 120_000);
});
