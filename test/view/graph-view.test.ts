import { describe, expect, test } from 'vitest';
import { buildLineage } from '../../src/corpus/lineage.js';
import type { LineageGraph, LineageNode } from '../../src/types.js';
import { displayLabel, graphElements, graphFacets, labelWidth, layers, nodePage, RELATIONS, reusePair, SHOW_ALL, visibleIds } from '../../src/view/graph-view.js';
import { seed, SEEDS, type SeedName } from '../corpus.js';

/** The lineage graph of the five seed plans. */
const graph: LineageGraph = buildLineage((Object.keys(SEEDS) as SeedName[]).map((name) => ({ file: SEEDS[name], doc: seed(name) })));
const elements = graphElements(graph);
const planId = (file: string): string => graph.nodes.find((n) => n.file === file)!.id;

const node = (over: Partial<LineageNode>): LineageNode => ({
  id: 'x',
  key: null,
  type: null,
  number: null,
  symbol: null,
  year: null,
  date: null,
  title: null,
  issuer: null,
  level: null,
  ...over,
});

describe('graph elements', () => {
  test('makes one element per node and per edge of the lineage graph', () => {
    expect(elements.nodes).toHaveLength(graph.nodes.length);
    expect(elements.edges).toHaveLength(graph.edges.length);
  });

  test('labels reuse edges with their share of text and leaves citation edges unlabelled', () => {
    const reuse = elements.edges.find((e) => e.data.relation === 'reuse' && e.data.source === planId(SEEDS.sct2024) && e.data.target === planId(SEEDS.gddt2024))!;
    expect(reuse.data.scoreLabel).toMatch(/^\d+%$/);
    expect(elements.edges.filter((e) => e.data.relation !== 'reuse').every((e) => !('scoreLabel' in e.data))).toBe(true);
  });

  test.each([
    // 004 has its number 344 read from the text
    [{ number: '344', symbol: 'QĐ-UBND', year: 2025, issuer: 'UBND tỉnh Khánh Hòa', file: SEEDS.ubnd2025 }, '344/QĐ-UBND (2025)\nUBND tỉnh Khánh Hòa'],
    // 003 leaves its number blank ("Số: /KH-SGDĐT")
    [{ symbol: 'KH-SGDĐT', type: 'Kế hoạch', year: 2024, issuer: 'Sở Giáo dục và Đào tạo tỉnh Khánh Hòa', file: SEEDS.gddt2024 }, 'Kế hoạch …/KH-SGDĐT (2024)\nSở Giáo dục và Đào tạo tỉnh Khánh…'],
    // a plan with no symbol at all shows its file name
    [{ file: 'gia-lai/ke-hoach.txt' }, 'ke-hoach'],
  ])('draws %j as %j', (over, label) => {
    expect(displayLabel(node(over))).toBe(label);
  });

  test('estimates label widths within 40..150 px', () => {
    expect(labelWidth('ke-hoach')).toBe(46);
    expect(labelWidth('x'.repeat(200))).toBe(150);
    expect(labelWidth('')).toBe(40);
  });
});

describe('layers', () => {
  test('puts national documents above province ones, and those above department plans', () => {
    const layer = new Map(elements.nodes.map((n) => [n.data.id, n.data]));
    const top = (level: string): number => Math.max(...elements.nodes.filter((n) => n.data.level === level).map((n) => n.data.layer));
    const bottom = (level: string): number => Math.min(...elements.nodes.filter((n) => n.data.level === level).map((n) => n.data.layer));
    expect(top('national')).toBeLessThan(bottom('province'));
    expect(top('province')).toBeLessThan(bottom('department'));
    expect(layer.get(planId(SEEDS.gialai2021))!.layer).toBeLessThan(layer.get(planId(SEEDS.sct2024))!.layer);
  });

  test('cuts a level into at most three bands of years, oldest first, a year never split', () => {
    const nodes = [2010, 2012, 2015, 2018, 2018, 2020, 2021, 2024].map((year, k) => node({ id: `n${k}`, level: 'national', year }));
    const l = layers(nodes);
    expect(new Set(l.values()).size).toBe(3);
    expect(l.get('n3')).toBe(l.get('n4'));
    expect(l.get('n0')).toBeLessThan(l.get('n7')!);
  });

  test('keeps one layer per level when asked for one band', () => {
    const l = layers(graph.nodes, { yearBands: 1 });
    expect(new Set(l.values()).size).toBe(new Set(graph.nodes.map((n) => n.level)).size);
  });

  test('puts nodes without level or year at the bottom', () => {
    const l = layers([node({ id: 'a', level: 'province', year: 2024 }), node({ id: 'b' })]);
    expect(l.get('b')).toBeGreaterThan(l.get('a')!);
  });
});

describe('filters', () => {
  test('shows everything with no filter', () => {
    const v = visibleIds(elements, SHOW_ALL);
    expect([v.nodes.size, v.edges.size]).toEqual([graph.nodes.length, graph.edges.length]);
  });

  test('hides the edges of a relation that is off, and only those', () => {
    const v = visibleIds(elements, { ...SHOW_ALL, relations: RELATIONS.filter((r) => r !== 'reuse') });
    expect(v.edges.size).toBe(graph.edges.filter((e) => e.relation !== 'reuse').length);
    expect(v.nodes.size).toBe(graph.nodes.length);
  });

  test('keeps nodes of the years in range and their edges', () => {
    const v = visibleIds(elements, { ...SHOW_ALL, yearFrom: 2024, yearTo: 2024 });
    expect([...v.nodes].every((id) => [2024, null].includes(graph.nodes.find((n) => n.id === id)!.year))).toBe(true);
    expect(v.nodes.has(planId(SEEDS.sct2024))).toBe(true);
    expect(v.nodes.has(planId(SEEDS.ubnd2025))).toBe(false);
  });

  test('"folder plans only" keeps the plans of the folder and nothing else, whatever relations are on', () => {
    for (const relations of [['reuse'], RELATIONS] as const) {
      const v = visibleIds(elements, { ...SHOW_ALL, relations, corpusOnly: true });
      expect([...v.nodes].sort()).toEqual(graph.nodes.filter((n) => n.file !== undefined).map((n) => n.id).sort());
    }
    const reuseOnly = visibleIds(elements, { ...SHOW_ALL, relations: ['reuse'], corpusOnly: true });
    expect(reuseOnly.edges.size).toBe(graph.edges.filter((e) => e.relation === 'reuse').length);
  });

  test('counts relations for the legend', () => {
    const f = graphFacets(elements);
    expect(Object.values(f.relations).reduce((a, b) => a + b, 0)).toBe(graph.edges.length);
    expect(f.yearMax).toBe(2025);
  });
});

describe('node pages', () => {
  test('lists what 003 cites and the plans it shares text with, 000 first', () => {
    const page = nodePage(graph, planId(SEEDS.gddt2024))!;
    expect(page.reuse[0]!.file).toBe(SEEDS.sct2024);
    expect(page.cites.length).toBe(graph.edges.filter((e) => e.source === planId(SEEDS.gddt2024) && e.relation !== 'reuse').length);
  });

  test('lists the plans implementing a cited document apart from those only citing it', () => {
    const implemented = graph.edges.find((e) => e.relation === 'implements');
    if (!implemented) return; // citations not read: nothing implements anything
    const page = nodePage(graph, implemented.target)!;
    expect(page.implementers.map((d) => d.id)).toContain(implemented.source);
    expect(page.citedBy.every((d) => d.relation !== 'implements')).toBe(true);
  });

  test('has no page for an unknown node', () => {
    expect(nodePage(graph, 'no-such-node')).toBeNull();
  });

  test('opens a reuse edge between two folder plans as their pair, and nothing for a cited document', () => {
    expect(reusePair(graph, planId(SEEDS.sct2024), planId(SEEDS.gddt2024))).toEqual({ a: SEEDS.sct2024, b: SEEDS.gddt2024 });
    const external = graph.nodes.find((n) => !n.file);
    if (external) expect(reusePair(graph, planId(SEEDS.sct2024), external.id)).toBeNull();
  });

  test('never throws on an empty graph', () => {
    const empty = graphElements({ nodes: [], edges: [] });
    expect(visibleIds(empty, SHOW_ALL).nodes.size).toBe(0);
    expect(graphFacets(empty)).toMatchObject({ yearMin: null, yearMax: null });
  });
});
