import cytoscape from 'cytoscape';
import { describe, expect, test } from 'vitest';
import { toElements, type EdgeElement, type NodeElement } from '../../src/corpus/graph-elements.js';
import type { LineageGraph } from '../../src/types.js';

/** Part of the seeds' graph: 000 and 003 implement 421/QĐ-UBND and reuse each other's text; 001 implements 58/KH-UBND. */
const GRAPH: LineageGraph = {
  nodes: [
    { id: 'file:bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt', key: null, type: 'Kế hoạch', number: null, symbol: 'KH-SCT', year: 2023, date: '2023-01', title: 'Kế hoạch Thực hiện kiểm soát thủ tục hành chính và cơ chế một cửa, một cửa liên thông năm 2023', issuer: 'Sở Công Thương tỉnh Bắc Giang', level: 'department', file: 'bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt' },
    { id: 'file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', key: null, type: 'Kế hoạch', number: null, symbol: 'QĐ-SCT', year: 2024, date: '2024-02', title: null, issuer: 'Sở Công Thương tỉnh Khánh Hòa', level: 'department', file: 'khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt' },
    { id: 'file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt', key: null, type: 'Kế hoạch', number: null, symbol: 'KH-SGDĐT', year: 2024, date: '2024-02', title: null, issuer: null, level: 'department', file: 'khanh-hoa/2024-so-gddt-cai-cach-tthc.txt' },
    { id: 'QĐ-UBND/421/2024@Khánh Hòa', key: 'QĐ-UBND/421/2024', type: 'Quyết định', number: '421', symbol: 'QĐ-UBND', year: 2024, date: '2024-02-06', title: null, issuer: 'UBND tỉnh Khánh Hòa', level: 'province' },
    { id: 'KH-UBND/58/2023@Bắc Giang', key: 'KH-UBND/58/2023', type: 'Kế hoạch', number: '58', symbol: 'KH-UBND', year: 2023, date: '2023-01-06', title: null, issuer: 'UBND tỉnh', level: 'province' },
    { id: 'Luật/tổ chức chính quyền địa phương/2015', key: 'Luật/tổ chức chính quyền địa phương/2015', type: 'Luật', number: null, symbol: null, year: 2015, date: '2015-06-19', title: 'Tổ chức chính quyền địa phương', issuer: 'Quốc hội', level: 'national' },
  ],
  edges: [
    { source: 'file:bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt', target: 'KH-UBND/58/2023@Bắc Giang', relation: 'implements', score: 1, mentions: 1 },
    { source: 'file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', target: 'QĐ-UBND/421/2024@Khánh Hòa', relation: 'implements', score: 1, mentions: 1 },
    { source: 'file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt', target: 'QĐ-UBND/421/2024@Khánh Hòa', relation: 'implements', score: 1, mentions: 1 },
    { source: 'file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', target: 'file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt', relation: 'reuse', score: 0.918 },
  ],
};

const nodesOf = (els: ReturnType<typeof toElements>) => els.filter((e): e is NodeElement => e.group === 'nodes');
const edgesOf = (els: ReturnType<typeof toElements>) => els.filter((e): e is EdgeElement => e.group === 'edges');

describe('toElements', () => {
  const elements = toElements(GRAPH);

  test('makes one node element per node, with label, level, year, type and whether it is in the folder', () => {
    const nodes = nodesOf(elements);
    expect(nodes).toHaveLength(GRAPH.nodes.length);
    expect(nodes.find((n) => n.data.id === 'QĐ-UBND/421/2024@Khánh Hòa')?.data).toMatchObject({ label: '421/QĐ-UBND (2024)', level: 'province', year: 2024, type: 'Quyết định', inCorpus: false });
    expect(nodes.find((n) => n.data.id === 'file:bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt')?.data).toMatchObject({
      label: 'bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt',
      level: 'department',
      inCorpus: true,
      file: 'bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt',
    });
  });

  test.each([
    ['QĐ-UBND/421/2024@Khánh Hòa', '421/QĐ-UBND (2024)', '000 "Quyết định số 421/QĐ-UBND ngày 06 tháng 02 năm 2024"'],
    ['KH-UBND/58/2023@Bắc Giang', '58/KH-UBND (2023)', '001 "Kế hoạch số 58/KH-UBND ngày 06/01/2023"'],
    ['Luật/tổ chức chính quyền địa phương/2015', 'Luật Tổ chức chính quyền địa phương', '004 "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015"'],
  ])('labels %s as "%s" (%s)', (id, label) => {
    expect(nodesOf(elements).find((n) => n.data.id === id)?.data.label).toBe(label);
  });

  test('makes edge elements with stable ids, relation and score', () => {
    const edges = edgesOf(elements);
    expect(edges.map((e) => e.data.id)).toEqual([
      'implements:file:bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt->KH-UBND/58/2023@Bắc Giang',
      'implements:file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt->QĐ-UBND/421/2024@Khánh Hòa',
      'implements:file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt->QĐ-UBND/421/2024@Khánh Hòa',
      'reuse:file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt->file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt',
    ]);
    expect(edges[3]!.data).toMatchObject({ relation: 'reuse', score: 0.918, mentions: null });
  });

  test('puts every node before the first edge', () => {
    const firstEdge = elements.findIndex((e) => e.group === 'edges');
    expect(elements.slice(firstEdge).every((e) => e.group === 'edges')).toBe(true);
  });

  test('loads into headless Cytoscape, where siblings are the sources of the same implements target', () => {
    const cy = cytoscape({ headless: true, elements });
    expect(cy.nodes()).toHaveLength(6);
    expect(cy.edges()).toHaveLength(4);
    expect(cy.nodes('[level = "province"]')).toHaveLength(2);
    expect(cy.nodes('[?inCorpus]')).toHaveLength(3);
    const siblings = cy.getElementById('QĐ-UBND/421/2024@Khánh Hòa').incomers('edge[relation = "implements"]').sources();
    expect(siblings.map((n) => n.id()).sort()).toEqual(['file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', 'file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt']);
    cy.destroy();
  });

  test('drops edges to unknown nodes and repeated nodes, and numbers repeated edges, so Cytoscape accepts it', () => {
    const odd: LineageGraph = {
      nodes: [GRAPH.nodes[0]!, GRAPH.nodes[0]!, GRAPH.nodes[4]!],
      edges: [GRAPH.edges[0]!, GRAPH.edges[0]!, { source: 'missing', target: 'KH-UBND/58/2023@Bắc Giang', relation: 'refers', score: 1 }],
    };
    const els = toElements(odd);
    expect(nodesOf(els)).toHaveLength(2);
    expect(edgesOf(els).map((e) => e.data.id)).toEqual([
      'implements:file:bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt->KH-UBND/58/2023@Bắc Giang',
      'implements:file:bac-giang/2023-so-cong-thuong-kiem-soat-tthc.txt->KH-UBND/58/2023@Bắc Giang#2',
    ]);
    expect(() => cytoscape({ headless: true, elements: els }).destroy()).not.toThrow();
  });

  test('never throws on an empty graph or on nodes with every field null', () => {
    expect(toElements({ nodes: [], edges: [] })).toEqual([]);
    const els = toElements({ nodes: [{ id: '"\u0000', key: null, type: null, number: null, symbol: null, year: null, date: null, title: null, issuer: null, level: null }], edges: [] });
    expect(nodesOf(els)[0]!.data).toMatchObject({ label: '"\u0000', level: null, inCorpus: false });
  });
});
