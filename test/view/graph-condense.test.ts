import { describe, expect, test } from 'vitest';
import { buildLineage } from '../../src/corpus/lineage.js';
import { CITED, condense, families, FAMILY, strongestReuse } from '../../src/view/graph-condense.js';
import { graphElements } from '../../src/view/graph-view.js';
import type { LineageEdge, LineageGraph, LineageNode } from '../../src/types.js';
import { SEEDS, seed } from '../corpus.js';

const bundled = (): LineageGraph => buildLineage((Object.keys(SEEDS) as Array<keyof typeof SEEDS>).map((k) => ({ file: SEEDS[k], doc: seed(k) })));
const node = (id: string, over: Partial<LineageNode> = {}): LineageNode => ({ id, key: null, type: 'Kế hoạch', number: null, symbol: null, year: 2024, date: null, title: null, issuer: null, level: 'department', file: `${id}.txt`, ...over });

/** A corpus of `provinces` × `plans` department plans implementing their province decision, each sharing text with every other plan of its province. */
function big(provinces: number, plans: number): LineageGraph {
  const nodes: LineageNode[] = [node('TW', { level: 'national', file: undefined })];
  const edges: LineageEdge[] = [];
  for (let p = 0; p < provinces; p++) {
    nodes.push(node(`P${p}`, { level: 'province', file: undefined }));
    edges.push({ source: `P${p}`, target: 'TW', relation: 'basis', score: 1 });
    for (let k = 0; k < plans; k++) {
      const id = `P${p}.${k}`;
      nodes.push(node(id));
      edges.push({ source: id, target: `P${p}`, relation: 'implements', score: 1 }, { source: id, target: 'TW', relation: 'basis', score: 1 });
      for (let j = 0; j < k; j++) edges.push({ source: `P${p}.${j}`, target: id, relation: 'reuse', score: 0.4 + ((j * 7 + k * 3) % 60) / 100 });
    }
  }
  return { nodes, edges };
}

describe('families', () => {
  test('the bundled plans: 421/QĐ-UBND, the two 2024 department plans implementing it and its 2025 edition are one family', () => {
    const fams = families(bundled());
    const kh = fams.find((f) => f.members.includes('QĐ-UBND/344/2025@Khánh Hòa'));
    expect(kh?.head).toBe('QĐ-UBND/421/2024@Khánh Hòa');
    expect(kh?.members).toEqual(['QĐ-UBND/344/2025@Khánh Hòa', 'QĐ-UBND/421/2024@Khánh Hòa', `file:${SEEDS.sct2024}`, `file:${SEEDS.gddt2024}`].sort());
  });
});

describe('condense', () => {
  test('closed families and cited groups: every document is drawn as exactly one node', () => {
    const g = bundled();
    const c = condense(g);
    expect([...c.drawnAs.keys()].sort()).toEqual(g.nodes.map((n) => n.id).sort());
    expect(c.graph.nodes.some((n) => n.id === `${FAMILY}QĐ-UBND/421/2024@Khánh Hòa`)).toBe(true);
    expect(c.groups.get(`${CITED}national`)?.members.length).toBe(g.nodes.filter((n) => n.level === 'national' && n.file === undefined).length);
    expect(c.graph.nodes.length).toBeLessThan(g.nodes.length / 3);
    // no edge is left dangling or turned into a loop
    const ids = new Set(c.graph.nodes.map((n) => n.id));
    expect(c.graph.edges.every((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)).toBe(true);
  });

  test('an opened family draws its members again, linked as before', () => {
    const c = condense(bundled(), { expanded: new Set([`${FAMILY}QĐ-UBND/421/2024@Khánh Hòa`]) });
    expect(c.drawnAs.get('QĐ-UBND/344/2025@Khánh Hòa')).toBe('QĐ-UBND/344/2025@Khánh Hòa');
    expect(c.graph.edges.some((e) => e.relation === 'succeeds' && e.source === 'QĐ-UBND/344/2025@Khánh Hòa' && e.target === 'QĐ-UBND/421/2024@Khánh Hòa')).toBe(true);
  });

  test('"only documents in the folder" keeps the five plans and nothing cited', () => {
    const c = condense(bundled(), { corpusOnly: true, families: false, collapseCited: false });
    expect(c.graph.nodes.map((n) => n.file).sort()).toEqual(Object.values(SEEDS).sort());
  });

  test('the web elements of a family say what it holds, and whether a plan of the folder is in it', () => {
    const c = condense(bundled());
    const els = graphElements(c.graph, {}, c.groups);
    const fam = els.nodes.find((n) => n.data.id === `${FAMILY}QĐ-UBND/421/2024@Khánh Hòa`);
    expect(fam?.data.members).toBe(4);
    expect(fam?.data.inCorpus).toBe(true);
    expect(fam?.data.display).toMatch(/^421\/QĐ-UBND \(2024\)\n\+ 3 văn bản$/u);
  });

  test('200 plans in 10 provinces read as 10 families and one cited group; reuse at most 3 per plan', () => {
    const g = big(10, 20);
    expect(g.edges.filter((e) => e.relation === 'reuse').length).toBe(10 * 190);
    const c = condense(g);
    expect(c.graph.nodes).toHaveLength(11);
    const open = condense(g, { families: false });
    const reuse = open.graph.edges.filter((e) => e.relation === 'reuse');
    const per = new Map<string, number>();
    for (const e of reuse) for (const id of [e.source, e.target]) per.set(id, (per.get(id) ?? 0) + 1);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(3);
    expect(reuse.every((e) => e.score >= 0.5)).toBe(true);
  });
});

describe('strongestReuse', () => {
  test('keeps the strongest edges above the floor, each plan in at most N', () => {
    const edges: LineageEdge[] = [
      { source: 'a', target: 'b', relation: 'reuse', score: 0.9 },
      { source: 'a', target: 'c', relation: 'reuse', score: 0.8 },
      { source: 'a', target: 'd', relation: 'reuse', score: 0.7 },
      { source: 'b', target: 'c', relation: 'reuse', score: 0.3 },
    ];
    expect(strongestReuse(edges, 0.5, 2).map((e) => `${e.source}-${e.target}`)).toEqual(['a-b', 'a-c']);
    expect(strongestReuse(edges, 0.2, 5)).toHaveLength(4);
  });
});
