import { describe, expect, test } from 'vitest';
import { buildLineage } from '../../src/corpus/lineage.js';
import { loadSeeds, synthesize } from '../../src/node/synth.js';
import { parseDocument } from '../../src/read/parse.js';
import { graphElements, layoutRequest } from '../../src/view/graph-view.js';
import { aspectOf, layeredLayout, LAYOUT_DEFAULTS, orderLayers, placeLayers, type LayoutRequest } from '../../src/view/graph-layout.js';
import { corpusPath, seed, SEEDS, type SeedName } from '../corpus.js';

const bundled = graphElements(buildLineage((Object.keys(SEEDS) as SeedName[]).map((name) => ({ file: SEEDS[name], doc: seed(name) }))));

/** 120 synthetic plans made from the bundled seeds (several provinces, departments and years). */
const synthetic = graphElements(buildLineage([...synthesize(loadSeeds(corpusPath('')), { count: 120, seed: 5 })].map((p) => ({ file: p.file, doc: parseDocument(p.text, { file: p.file }) }))));

/** Crossings of the links between neighbouring layers for an order, pair by pair (the slow, obvious count). */
function crossings(request: LayoutRequest, order: string[][]): number {
  const at = new Map<string, [number, number]>();
  order.forEach((row, layer) => row.forEach((id, i) => at.set(id, [layer, i])));
  const spans = request.links.map(([a, b]) => [at.get(a)!, at.get(b)!] as const).filter(([a, b]) => b[0] === a[0] + 1);
  let count = 0;
  for (let i = 0; i < spans.length; i++)
    for (let j = i + 1; j < spans.length; j++) {
      const [[la, a1], [, b1]] = spans[i]!;
      const [[lb, a2], [, b2]] = spans[j]!;
      if (la === lb && (a1 - a2) * (b1 - b2) < 0) count += 1;
    }
  return count;
}

/** Node boxes (model pixels): the layout's width, and the row height below the centre line the label takes. */
function overlaps(request: LayoutRequest, positions: Map<string, { x: number; y: number }>): string[] {
  const boxes = request.nodes.map((n) => ({ id: n.id, ...positions.get(n.id)!, w: n.width }));
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < LAYOUT_DEFAULTS.place.rowHeight) out.push(`${a.id} / ${b.id}`);
    }
  return out;
}

describe('layout request', () => {
  test.each([
    ['the bundled plans', bundled],
    ['120 synthetic plans', synthetic],
  ])('on %s: one link per cited–citing pair in two layers, the cited one above; reuse edges left out', (_name, elements) => {
    const request = layoutRequest(elements);
    const layer = new Map(request.nodes.map((n) => [n.id, n.layer]));
    expect(request.nodes).toHaveLength(elements.nodes.length);
    expect(request.links.length).toBeGreaterThan(0);
    for (const [upper, lower] of request.links) expect(layer.get(upper)!).toBeLessThan(layer.get(lower)!);
    expect(new Set(request.links.map((l) => l.join(' '))).size).toBe(request.links.length);
    const citations = new Set(elements.edges.filter((e) => e.data.relation !== 'reuse').flatMap((e) => [`${e.data.source} ${e.data.target}`, `${e.data.target} ${e.data.source}`]));
    for (const link of request.links) expect(citations.has(link.join(' '))).toBe(true);
  });
});

describe('layered layout', () => {
  test('uncrosses two crossed pairs of a two-layer graph', () => {
    // starting order (by label): A B above, a b below; A–b and B–a cross until a sweep swaps them
    const request: LayoutRequest = {
      nodes: [
        { id: 'A', layer: 0, width: 40, year: 2024, display: 'A' },
        { id: 'B', layer: 0, width: 40, year: 2024, display: 'B' },
        { id: 'a', layer: 1, width: 40, year: 2024, display: 'a' },
        { id: 'b', layer: 1, width: 40, year: 2024, display: 'b' },
      ],
      links: [
        ['A', 'b'],
        ['B', 'a'],
      ],
    };
    expect(crossings(request, orderLayers(request, 0))).toBe(1);
    const order = orderLayers(request);
    expect(crossings(request, order)).toBe(0);
    expect(order.map((row) => row.length)).toEqual([2, 2]);
  });

  test('the sweeps never end with more crossings than the starting order, on 120 synthetic plans', () => {
    const request = layoutRequest(synthetic);
    const start = crossings(request, orderLayers(request, 0));
    const swept = crossings(request, orderLayers(request));
    expect(swept).toBeLessThan(start);
  });

  test.each([
    ['the bundled plans', bundled],
    ['120 synthetic plans', synthetic],
  ])('on %s: every node placed, layers top to bottom in their order, no two nodes overlapping', (_name, elements) => {
    const request = layoutRequest(elements);
    const { positions, order } = layeredLayout(request);
    expect(positions.size).toBe(request.nodes.length);
    expect(order.flat().sort()).toEqual(request.nodes.map((n) => n.id).sort());
    const layer = new Map(request.nodes.map((n) => [n.id, n.layer]));
    for (const row of order) expect(new Set(row.map((id) => layer.get(id))).size).toBeLessThanOrEqual(1);
    // the lowest node of a layer is above the highest of the next non-empty layer
    const spans = order.filter((row) => row.length).map((row) => row.map((id) => positions.get(id)!.y));
    for (let k = 1; k < spans.length; k++) expect(Math.max(...spans[k - 1]!)).toBeLessThan(Math.min(...spans[k]!));
    expect(overlaps(request, positions)).toEqual([]);
  });

  test('wraps long layers towards the aspect asked for: closer to 1.6 than rows of 30, on 120 synthetic plans', () => {
    const request = layoutRequest(synthetic);
    const width = (id: string): number => request.nodes.find((n) => n.id === id)!.width;
    const { positions, order, maxRow } = layeredLayout(request);
    const fixed = placeLayers(order, width, { maxRow: 30 });
    const miss = (p: Map<string, { x: number; y: number }>): number => Math.abs(Math.log(aspectOf(p, width, LAYOUT_DEFAULTS.place.rowHeight) / 1.6));
    expect(miss(positions)).toBeLessThanOrEqual(miss(fixed));
    expect(maxRow).toBeGreaterThanOrEqual(LAYOUT_DEFAULTS.rowRange[0]);
    expect(maxRow).toBeLessThanOrEqual(LAYOUT_DEFAULTS.rowRange[1]);
    // aspect 0 keeps the rows as asked
    expect(layeredLayout(request, { aspect: 0, place: { ...LAYOUT_DEFAULTS.place, maxRow: 12 } }).maxRow).toBe(12);
  });
});
