/**
 * The Cytoscape stylesheet of the lineage graph: nodes coloured by level (filled for plans of the
 * folder, outlined for documents only cited), shaped by type; edges styled by relation, reuse
 * edges as orange arcs whose width follows the share of text in common.
 */
import type { StylesheetJson } from 'cytoscape';

/** Colours, the same as theme.css (Cytoscape draws on a canvas and cannot read CSS variables). */
export const COLORS = {
  national: '#8b1e3f',
  province: '#1d4e89',
  department: '#2a7f62',
  district: '#b7791f',
  unknown: '#7d8a99',
  implements: '#1d4e89',
  basis: '#5d6b7a',
  refers: '#9aa7b6',
  reuse: '#dd6b20',
  succeeds: '#6a3d9a',
  text: '#1b2430',
  select: '#f6c453',
} as const;

const LEVELS = ['national', 'province', 'department', 'district'] as const;

/** Node shape by type word. */
const SHAPES: Array<[string[], string]> = [
  [['Luật', 'Bộ luật', 'Hiến pháp', 'Pháp lệnh'], 'diamond'],
  [['Nghị quyết', 'Nghị định', 'Chỉ thị'], 'hexagon'],
  [['Quyết định'], 'round-rectangle'],
  [['Thông tư', 'Công văn', 'Thông báo', 'Hướng dẫn'], 'round-tag'],
];

/** The stylesheet; `big` trades looks for speed past a few hundred nodes: straight "haystack" edges
 * without arrows or dashes (dashes on thousands of long edges are what a canvas draws slowest). */
export function graphStyle(options: { big: boolean }): StylesheetJson {
  const style: StylesheetJson = [
    {
      selector: 'node',
      style: {
        width: 18,
        height: 18,
        shape: 'ellipse',
        'background-color': '#ffffff',
        'border-width': 2,
        'border-color': COLORS.unknown,
        'font-size': 10,
        'font-family': 'Segoe UI, Noto Sans, Arial, sans-serif',
        color: COLORS.text,
        'text-wrap': 'wrap',
        'text-max-width': '150px',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        // Labels vanish when they would be drawn smaller than this (zoomed out on a big graph).
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'node[display]', style: { label: 'data(display)' } },
    { selector: 'node[?inCorpus]', style: { width: 26, height: 26, 'border-color': '#ffffff', 'font-weight': 'bold' } },
  ];
  for (const level of LEVELS) {
    style.push({ selector: `node[level = "${level}"]`, style: { 'border-color': COLORS[level] } });
    style.push({ selector: `node[level = "${level}"][?inCorpus]`, style: { 'background-color': COLORS[level], 'border-color': '#ffffff' } });
  }
  style.push({ selector: 'node[!level][?inCorpus]', style: { 'background-color': COLORS.unknown } });
  for (const [types, shape] of SHAPES) {
    for (const type of types) style.push({ selector: `node[type = "${type}"]`, style: { shape } as never });
  }
  style.push(
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': 'bezier',
        'line-color': COLORS.basis,
        'target-arrow-color': COLORS.basis,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        opacity: 0.85,
      },
    },
    { selector: 'edge[relation = "implements"]', style: { width: 2.2, 'line-color': COLORS.implements, 'target-arrow-color': COLORS.implements } },
    { selector: 'edge[relation = "refers"]', style: { width: 1, 'line-style': 'dotted', 'line-color': COLORS.refers, 'target-arrow-color': COLORS.refers } },
    // a newer edition → the one it follows: a double line, hollow arrow
    { selector: 'edge[relation = "succeeds"]', style: { width: 3, 'line-style': 'double', 'line-color': COLORS.succeeds, 'target-arrow-color': COLORS.succeeds, 'target-arrow-shape': 'triangle-backcurve', 'target-arrow-fill': 'hollow' } },
    {
      selector: 'edge[relation = "reuse"]',
      style: {
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [36],
        'control-point-weights': [0.5],
        'line-style': 'dashed',
        'line-dash-pattern': [6, 3],
        'line-color': COLORS.reuse,
        'target-arrow-shape': 'none',
        width: 'mapData(score, 0, 1, 1.5, 6)',

        'font-size': 9,
        color: COLORS.reuse,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
      },
    },
    { selector: 'edge[scoreLabel]', style: { label: 'data(scoreLabel)' } },
    ...(options.big
      ? ([
          { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'line-style': 'solid', 'target-arrow-shape': 'none', opacity: 0.55 } },
          { selector: 'edge[relation = "reuse"]', style: { width: 'mapData(score, 0, 1, 1, 3)' } },
        ] as StylesheetJson)
      : []),
    // a family drawn as one node (click opens it); a group of cited documents of one level
    { selector: 'node[collapsed = "family"]', style: { width: 38, height: 38, shape: 'round-rectangle', 'border-width': 4, 'border-style': 'double', 'font-weight': 'bold' } },
    { selector: 'node[collapsed = "cited"]', style: { width: 44, height: 30, shape: 'barrel', 'border-style': 'dashed', 'background-color': '#f3f5f8' } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.3 } },
    { selector: 'node.focus', style: { 'overlay-color': COLORS.select, 'overlay-opacity': 0.25, 'overlay-padding': 5 } },
    { selector: 'node.chosen', style: { 'border-width': 4, 'border-color': COLORS.select, 'overlay-opacity': 0.45, 'z-index': 20 } },
    { selector: 'edge.focus', style: { opacity: 1, 'z-index': 10 } },
    { selector: 'edge.hover', style: { 'overlay-color': COLORS.select, 'overlay-opacity': 0.4, 'overlay-padding': 4 } },
    { selector: 'node.hover', style: { 'overlay-color': COLORS.select, 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
  );
  return style;
}
