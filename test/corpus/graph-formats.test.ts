import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import { dotString, toDot, toGraphML, xmlEscape } from '../../src/corpus/graph-formats.js';
import type { LineageGraph } from '../../src/types.js';

/** Part of the seeds' graph: two 2024 Khánh Hòa department plans (000, 003) implementing 421/QĐ-UBND, reusing each other's text. */
const GRAPH: LineageGraph = {
  nodes: [
    {
      id: 'file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt',
      key: null,
      type: 'Kế hoạch',
      number: null,
      symbol: 'QĐ-SCT',
      year: 2024,
      date: '2024-02',
      title: 'Kế hoạch Cải cách thủ tục hành chính trọng tâm năm 2024 của Sở Công Thương',
      issuer: 'Sở Công Thương tỉnh Khánh Hòa',
      level: 'department',
      file: 'khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt',
    },
    {
      id: 'file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt',
      key: null,
      type: 'Kế hoạch',
      number: null,
      symbol: 'KH-SGDĐT',
      year: 2024,
      date: '2024-02',
      // 003 defines "Sở Giáo dục và Đào tạo (GDĐT)"; plans also write "Sở GD&ĐT".
      title: 'Kế hoạch cải cách TTHC trọng tâm năm 2024 của Sở GD&ĐT <Khánh Hòa>',
      issuer: 'Sở Giáo dục và Đào tạo tỉnh Khánh Hòa',
      level: 'department',
      file: 'khanh-hoa/2024-so-gddt-cai-cach-tthc.txt',
    },
    {
      id: 'QĐ-UBND/421/2024@Khánh Hòa',
      key: 'QĐ-UBND/421/2024',
      type: 'Quyết định',
      number: '421',
      symbol: 'QĐ-UBND',
      year: 2024,
      date: '2024-02-06',
      // A subject with straight quotes and a backslash, as OCR'd text sometimes has ("Đề án 06" is 004's wording).
      title: 'về việc ban hành Kế hoạch "cải cách TTHC" \\ Đề án 06\nnăm 2024',
      issuer: 'UBND tỉnh Khánh Hòa',
      level: 'province',
    },
    { id: 'NQ-CP/01/2024', key: 'NQ-CP/01/2024', type: 'Nghị quyết', number: '01', symbol: 'NQ-CP', year: 2024, date: '2024-01-05', title: null, issuer: 'Chính phủ', level: 'national' },
  ],
  edges: [
    { source: 'file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', target: 'QĐ-UBND/421/2024@Khánh Hòa', relation: 'implements', score: 1, mentions: 1 },
    { source: 'file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', target: 'NQ-CP/01/2024', relation: 'refers', score: 1, mentions: 3 },
    { source: 'file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt', target: 'QĐ-UBND/421/2024@Khánh Hòa', relation: 'implements', score: 1, mentions: 1 },
    { source: 'file:khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt', target: 'file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt', relation: 'reuse', score: 0.918 },
  ],
};

describe('dotString', () => {
  test.each([
    ['421/QĐ-UBND (2024)', '"421/QĐ-UBND (2024)"'],
    ['Kế hoạch "cải cách TTHC"', '"Kế hoạch \\"cải cách TTHC\\""'],
    ['a\\b', '"a\\\\b"'],
    ['dòng một\ndòng hai', '"dòng một\\ndòng hai"'],
    ['\u0000tab\there', '" tab here"'],
  ])('quotes %j as %s', (raw, quoted) => {
    expect(dotString(raw)).toBe(quoted);
  });
});

describe('toDot', () => {
  const dot = toDot(GRAPH);

  test('declares every node once and every edge once', () => {
    for (const n of GRAPH.nodes) expect(dot.split('\n').filter((l) => l.startsWith(`  ${dotString(n.id)} [`))).toHaveLength(1);
    expect(dot.match(/ -> /g)).toHaveLength(GRAPH.edges.length);
  });

  test('writes every string as a well-formed quoted string (no bare quote, newline or control inside)', () => {
    const quoted = /"(?:[^"\\\n]|\\.)*"/gu;
    for (const line of dot.split('\n').slice(4, -2)) {
      expect(line.replace(quoted, 'Q')).toMatch(/^ {2}Q( -> Q)? \[[^"]*\];$/u);
    }
  });

  test('labels edges by relation, reuse with its score, citations with repeated mentions', () => {
    expect(dot).toContain('label="reuse 0.92"');
    expect(dot).toContain('label="refers ×3"');
    expect(dot).toContain('label="implements"');
  });

  test('draws documents outside the folder dashed and plans of the folder plain', () => {
    expect(dot).toMatch(/^ {2}"NQ-CP\/01\/2024" \[label[^\n]*dashed/mu);
    expect(dot).not.toMatch(/^ {2}"file:khanh-hoa\/2024-so-gddt-cai-cach-tthc\.txt" \[label[^\n]*dashed/mu);
  });
});

describe('toGraphML', () => {
  const xml = toGraphML(GRAPH);
  const doc = new DOMParser().parseFromString(xml, 'text/xml');

  function dataOf(el: Element, key: string): string | null {
    const d = Array.from(el.getElementsByTagName('data')).find((x) => x.getAttribute('key') === key);
    return d ? d.textContent : null;
  }

  test('is well-formed XML with one node and one edge element each', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.getElementsByTagName('node')).toHaveLength(GRAPH.nodes.length);
    expect(doc.getElementsByTagName('edge')).toHaveLength(GRAPH.edges.length);
  });

  test('carries strings with &, <, > and quotes back unchanged ("Sở GD&ĐT <Khánh Hòa>")', () => {
    const nodes = Array.from(doc.getElementsByTagName('node'));
    const gddt = nodes.find((n) => n.getAttribute('id') === 'file:khanh-hoa/2024-so-gddt-cai-cach-tthc.txt')!;
    expect(dataOf(gddt, 'n_title')).toBe(GRAPH.nodes[1]!.title);
    const qd = nodes.find((n) => n.getAttribute('id') === 'QĐ-UBND/421/2024@Khánh Hòa')!;
    expect(dataOf(qd, 'n_title')).toBe(GRAPH.nodes[2]!.title);
  });

  test('types its attributes for Gephi (year int, score double, inCorpus boolean)', () => {
    expect(xml).toContain('<key id="n_year" for="node" attr.name="year" attr.type="int"/>');
    expect(xml).toContain('<key id="e_score" for="edge" attr.name="score" attr.type="double"/>');
    const edges = Array.from(doc.getElementsByTagName('edge'));
    expect(dataOf(edges[3]!, 'e_score')).toBe('0.918');
    expect(dataOf(edges[3]!, 'e_mentions')).toBeNull();
  });

  test('leaves out null fields instead of writing "null"', () => {
    expect(xml).not.toContain('>null<');
  });
});

describe('xmlEscape', () => {
  test.each([
    ['Sở GD&ĐT', 'Sở GD&amp;ĐT'],
    ['<b>KẾ HOẠCH</b>', '&lt;b&gt;KẾ HOẠCH&lt;/b&gt;'],
    [`"Đề án 06" và 'một cửa'`, '&quot;Đề án 06&quot; và &apos;một cửa&apos;'],
    ['\u0000\u000B\uFFFEkhông', 'không'],
    ['\uD800', ''],
    ['😀', '😀'],
  ])('escapes %j as %j', (raw, escaped) => {
    expect(xmlEscape(raw)).toBe(escaped);
  });
});

describe('odd graphs', () => {
  test('never throws on an empty graph or on nodes with every field null', () => {
    expect(() => toDot({ nodes: [], edges: [] })).not.toThrow();
    const odd: LineageGraph = {
      nodes: [{ id: '\u0000"<&>', key: null, type: null, number: null, symbol: null, year: null, date: null, title: null, issuer: null, level: null }],
      edges: [{ source: '\u0000"<&>', target: 'missing', relation: 'reuse', score: Number.NaN }],
    };
    expect(() => toDot(odd)).not.toThrow();
    const xml = toGraphML(odd);
    expect(new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagName('node')).toHaveLength(1);
  });
});
