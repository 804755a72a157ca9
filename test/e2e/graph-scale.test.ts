/**
 * The lineage graph at corpus scale in chromium: 200 plans in 10 provinces (a graph made in Node, no
 * parsing) drawn condensed — families closed, cited documents by level, strongest reuse — and the
 * toolbar: open a family, find a document, only documents in the folder, reuse strength, a node's
 * neighbourhood, SVG and PNG export. Counts are checked against `condense` in Node. The layout runs
 * in its own module worker, layers top to bottom, no two nodes on top of each other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { condense, FAMILY } from '../../src/view/graph-condense.js';
import { shortLabel } from '../../src/view/graph-view.js';
import type { LineageEdge, LineageGraph, LineageNode } from '../../src/types.js';
import { startHarness, type Harness } from './browser.js';

const node = (id: string, over: Partial<LineageNode> = {}): LineageNode => ({
  id,
  key: null,
  type: 'Kế hoạch',
  number: id.replace(/\D/g, '') || '1',
  symbol: 'KH-SCT',
  year: 2024,
  date: null,
  title: `Kế hoạch ${id}`,
  issuer: 'Sở Công Thương',
  level: 'department',
  file: `${id}.txt`,
  ...over,
});

/**
 * 10 provinces × 20 department plans implementing their province decision (cited only), all citing
 * one law; inside each province a plan shares text with the three plans before it (540 reuse edges:
 * the layout's cost goes with the edges, and what is checked here is what is shown, not how fast).
 */
function corpus(): LineageGraph {
  const nodes: LineageNode[] = [node('TW', { level: 'national', file: undefined, symbol: 'NĐ-CP', issuer: 'Chính phủ' })];
  const edges: LineageEdge[] = [];
  for (let p = 0; p < 10; p++) {
    nodes.push(node(`P${p}`, { level: 'province', file: undefined, symbol: 'QĐ-UBND', issuer: `UBND tỉnh ${p}` }));
    edges.push({ source: `P${p}`, target: 'TW', relation: 'basis', score: 1 });
    for (let k = 0; k < 20; k++) {
      const id = `P${p}-${k}`;
      nodes.push(node(id));
      edges.push({ source: id, target: `P${p}`, relation: 'implements', score: 1 }, { source: id, target: 'TW', relation: 'basis', score: 1 });
      for (let j = Math.max(0, k - 3); j < k; j++) edges.push({ source: `P${p}-${j}`, target: id, relation: 'reuse', score: 0.4 + ((j * 7 + k * 3) % 60) / 100 });
    }
  }
  return { nodes, edges };
}

describe('lineage graph at scale in chromium (needs no ../shared)', () => {
  let empty: string;
  let h: Harness;
  let page: Page;
  const graph = corpus();
  const pageErrors: string[] = [];

  const stats = () => page.getByTestId('graph-stats');
  const shown = async () => ({ nodes: Number(await stats().getAttribute('data-nodes')), edges: Number(await stats().getAttribute('data-edges')) });
  const ready = () => expect.poll(() => stats().getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');

  beforeAll(async () => {
    // the app only defines the elements here: an empty folder, so its worker has no plan to read
    empty = mkdtempSync(join(tmpdir(), 'plandiff-graph-scale-empty-'));
    h = await startHarness(empty);
    page = await h.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${h.server.url}#/corpus`);
    await page.waitForFunction(() => !!customElements.get('pd-lineage-graph'));
    await page.evaluate((g) => {
      document.querySelectorAll('body > *').forEach((d) => d.remove());
      const el = document.createElement('pd-lineage-graph') as HTMLElement & { graph: unknown };
      el.style.cssText = 'position:fixed;inset:0;display:flex';
      el.addEventListener('pd-node-select', (e) => {
        (window as unknown as { __picked: unknown }).__picked = (e as CustomEvent<{ id: string | null }>).detail.id;
        (el as unknown as { selected: string | null }).selected = (e as CustomEvent<{ id: string | null }>).detail.id;
      });
      document.body.append(el);
      el.graph = g;
    }, graph);
  }, 90_000);

  afterAll(async () => {
    await h?.close();
    if (empty) rmSync(empty, { recursive: true, force: true });
  });

  test('opens condensed: ten families and one group of cited documents instead of 211 documents', async () => {
    await ready();
    const c = condense(graph);
    expect(await shown()).toEqual({ nodes: c.graph.nodes.length, edges: c.graph.edges.length });
    expect(c.graph.nodes).toHaveLength(11);
  });

  test('a click on a family opens it in place', async () => {
    const id = `${FAMILY}P3`;
    const at = await page.locator('pd-lineage-graph').evaluate((el, id) => (el as unknown as { nodePosition(id: string): { x: number; y: number } | null }).nodePosition(id), id);
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    const c = condense(graph, { expanded: new Set([id]) });
    await expect.poll(() => shown(), { timeout: 20_000 }).toEqual({ nodes: c.graph.nodes.length, edges: c.graph.edges.length });
  });

  test('finding a document of a closed family opens that family and picks the document', async () => {
    const target = graph.nodes.find((n) => n.id === 'P7-4')!;
    const search = page.getByTestId('graph-search');
    await search.focus();
    await search.fill(shortLabel(target));
    await search.dispatchEvent('change');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __picked: unknown }).__picked)).toBe('P7-4');
    await expect.poll(() => page.locator('pd-lineage-graph').evaluate((el) => (el as unknown as { nodePosition(id: string): unknown }).nodePosition('P7-4') !== null), { timeout: 20_000 }).toBe(true);
  });

  test('"neighbourhood only" keeps the picked document and what it is linked to', async () => {
    await ready();
    await page.getByTestId('graph-focus').check();
    await expect.poll(async () => (await shown()).nodes).toBeLessThan(30);
    const s = await shown();
    expect(s.nodes).toBeGreaterThan(1);
    await page.getByTestId('graph-focus').uncheck();
  });

  test('reuse strength: a higher floor draws fewer reuse edges', async () => {
    await page.getByTestId('graph-families').uncheck();
    await ready();
    const before = (await shown()).edges;
    await page.getByTestId('graph-reuse-min').evaluate((el) => {
      (el as HTMLInputElement).value = '0.9';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const c = condense(graph, { families: false, reuseMin: 0.9 });
    await expect.poll(() => shown(), { timeout: 20_000 }).toEqual({ nodes: c.graph.nodes.length, edges: c.graph.edges.length });
    expect(c.graph.edges.length).toBeLessThan(before);
  });

  test('"only documents in the folder" keeps the 200 plans and nothing cited', async () => {
    await page.getByTestId('graph-corpus-only').check();
    await expect.poll(async () => (await shown()).nodes, { timeout: 20_000 }).toBe(200);
    await page.getByTestId('graph-corpus-only').uncheck();
  });

  test('SVG export draws every shown document; the PNG is at most an A4 page at 150 dpi', async () => {
    await ready();
    const out = await page.locator('pd-lineage-graph').evaluate((el) => {
      const g = el as unknown as { svgOfShown(): string | null; pngSize(): { bytes: number; width: number; height: number } };
      return { svg: g.svgOfShown() ?? '', png: g.pngSize() };
    });
    expect(out.svg.startsWith('<svg')).toBe(true);
    expect((out.svg.match(/<circle /g) ?? []).length).toBe((await shown()).nodes);
    // at most an A4 landscape page at 150 dpi (the 200-plan graph drawn open, every family and reuse edge)
    expect(out.png.width).toBeLessThanOrEqual(1754);
    expect(out.png.height).toBeLessThanOrEqual(1240);
    expect(out.png.bytes).toBeLessThan(10 * 1024 * 1024);
    expect(pageErrors).toEqual([]);
  });

  test('lays the graph out in its own module worker: layers top to bottom, no two nodes overlapping', async () => {
    await ready();
    expect(await stats().getAttribute('data-layout')).toBe('worker');
    expect(page.workers().map((w) => w.url()).filter((u) => /layout\.worker/.test(u))).toHaveLength(1);
    // families open, cited documents closed: 200 plans and their cited groups drawn one by one
    const boxes = await page.locator('pd-lineage-graph').evaluate((el) => (el as unknown as { nodeBoxes(): Array<{ id: string; layer: number; x1: number; x2: number; y1: number; y2: number }> }).nodeBoxes());
    expect(boxes.length).toBe((await shown()).nodes);
    expect(boxes.length).toBeGreaterThan(200);
    const layers = [...new Set(boxes.map((b) => b.layer))].sort((a, b) => a - b);
    expect(layers.length).toBeGreaterThan(1);
    for (let k = 1; k < layers.length; k++) {
      const upper = boxes.filter((b) => b.layer === layers[k - 1]);
      const lower = boxes.filter((b) => b.layer === layers[k]);
      expect(Math.max(...upper.map((b) => b.y2))).toBeLessThan(Math.min(...lower.map((b) => b.y1)));
    }
    const overlapping: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping.push(`${a.id} / ${b.id}`);
      }
    expect(overlapping).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
