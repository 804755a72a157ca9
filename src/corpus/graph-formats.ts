/**
 * The lineage graph written for other tools: DOT for Graphviz, GraphML for Gephi, yEd and
 * NetworkX. Hand-written serialisers; every string the documents supply is escaped.
 */
import type { LineageEdge, LineageGraph, LineageNode } from '../types.js';
import { nodeLabel } from './lineage.js';

/** Fill colour of a node by administrative level (Graphviz colour names work too). */
export const LEVEL_COLORS: Readonly<Record<string, string>> = {
  national: '#f4cccc',
  province: '#fce5cd',
  department: '#d9ead3',
  district: '#cfe2f3',
  unknown: '#eeeeee',
};

/** Graphviz edge attributes by relation. */
const EDGE_STYLE: Readonly<Record<LineageEdge['relation'], string>> = {
  implements: 'style=bold, color="#cc0000"',
  basis: 'style=solid, color="#555555"',
  refers: 'style=dotted, color="#999999"',
  reuse: 'style=dashed, color="#1155cc", dir=forward',
  succeeds: 'style=bold, color="#6a3d9a", arrowhead=empty',
};

/** Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** C0 controls other than newline, which DOT strings cannot carry. */
const DOT_CONTROL = /[\u0000-\u0009\u000B-\u001F]/gu;

/** A DOT double-quoted string: backslashes and quotes escaped, newlines as "\n", other controls as spaces. */
export function dotString(s: string): string {
  const clean = s.replaceAll('\r\n', '\n').replace(DOT_CONTROL, ' ');
  return `"${clean.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`;
}

/** Text escaped for XML content and attribute values, characters XML cannot hold dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(XML_INVALID, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function levelOf(node: LineageNode): string {
  return node.level ?? 'unknown';
}

/** Graphviz DOT: plans of the folder as filled boxes, cited documents as outlined ones, coloured by level. */
export function toDot(graph: LineageGraph): string {
  const out: string[] = [
    'digraph lineage {',
    '  graph [rankdir=RL, fontname="Helvetica"];',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=8];',
  ];
  for (const n of graph.nodes) {
    const attrs = [
      `label=${dotString(nodeLabel(n))}`,
      `tooltip=${dotString([n.type, n.title, n.issuer, n.date].filter(Boolean).join(' — ') || n.id)}`,
      `fillcolor=${dotString(LEVEL_COLORS[levelOf(n)] ?? '#eeeeee')}`,
    ];
    if (n.file === undefined) attrs.push('style="rounded,dashed,filled"');
    out.push(`  ${dotString(n.id)} [${attrs.join(', ')}];`);
  }
  for (const e of graph.edges) {
    const label = e.relation === 'reuse' ? `reuse ${e.score.toFixed(2)}` : e.mentions && e.mentions > 1 ? `${e.relation} ×${e.mentions}` : e.relation;
    out.push(`  ${dotString(e.source)} -> ${dotString(e.target)} [label=${dotString(label)}, ${EDGE_STYLE[e.relation] ?? ''}];`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

/** GraphML attributes: [id, for, name, type, read from]. */
const NODE_KEYS: ReadonlyArray<[string, string, string, (n: LineageNode) => string | number | null | undefined]> = [
  ['n_label', 'label', 'string', (n) => nodeLabel(n)],
  ['n_key', 'key', 'string', (n) => n.key],
  ['n_type', 'type', 'string', (n) => n.type],
  ['n_number', 'number', 'string', (n) => n.number],
  ['n_symbol', 'symbol', 'string', (n) => n.symbol],
  ['n_year', 'year', 'int', (n) => n.year],
  ['n_date', 'date', 'string', (n) => n.date],
  ['n_title', 'title', 'string', (n) => n.title],
  ['n_issuer', 'issuer', 'string', (n) => n.issuer],
  ['n_level', 'level', 'string', (n) => n.level],
  ['n_file', 'file', 'string', (n) => n.file],
  ['n_incorpus', 'inCorpus', 'boolean', (n) => (n.file !== undefined ? 'true' : 'false')],
];

const EDGE_KEYS: ReadonlyArray<[string, string, string, (e: LineageEdge) => string | number | null | undefined]> = [
  ['e_relation', 'relation', 'string', (e) => e.relation],
  ['e_score', 'score', 'double', (e) => e.score],
  ['e_mentions', 'mentions', 'int', (e) => e.mentions],
];

function dataLines<T>(keys: ReadonlyArray<[string, string, string, (x: T) => string | number | null | undefined]>, x: T, indent: string): string[] {
  const out: string[] = [];
  for (const [id, , , read] of keys) {
    const v = read(x);
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) continue;
    out.push(`${indent}<data key="${id}">${xmlEscape(String(v))}</data>`);
  }
  return out;
}

/** GraphML (directed), every node and edge field as a typed attribute. */
export function toGraphML(graph: LineageGraph): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [id, name, type] of NODE_KEYS) out.push(`  <key id="${id}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  for (const [id, name, type] of EDGE_KEYS) out.push(`  <key id="${id}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  out.push('  <graph id="lineage" edgedefault="directed">');
  for (const n of graph.nodes) {
    out.push(`    <node id="${xmlEscape(n.id)}">`, ...dataLines(NODE_KEYS, n, '      '), '    </node>');
  }
  graph.edges.forEach((e, i) => {
    out.push(`    <edge id="e${i}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`, ...dataLines(EDGE_KEYS, e, '      '), '    </edge>');
  });
  out.push('  </graph>', '</graphml>');
  return out.join('\n') + '\n';
}
