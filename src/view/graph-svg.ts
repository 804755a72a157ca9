/**
 * The drawn lineage graph as a standalone SVG (vector: it prints sharp on an A4 page at any zoom):
 * nodes as circles coloured by level, filled for plans of the folder, labels below; edges as lines
 * styled by relation. Pure: the web component hands it the positions Cytoscape laid out.
 */
import type { GraphEdgeData, GraphNodeData } from './graph-view.js';
import type { LineageRelation } from '../types.js';

/** Colours and strokes (the same as the canvas stylesheet). */
export const SVG_STYLE = {
  level: { national: '#8b1e3f', province: '#1d4e89', department: '#2a7f62', district: '#b7791f', unknown: '#7d8a99' } as Record<string, string>,
  edge: { implements: '#1d4e89', succeeds: '#6a3d9a', basis: '#5d6b7a', refers: '#9aa7b6', reuse: '#dd6b20' } as Record<LineageRelation, string>,
  dash: { implements: '', succeeds: '', basis: '', refers: '2 3', reuse: '6 3' } as Record<LineageRelation, string>,
  /** Label font size (px at scale 1). */
  font: 10,
  /** Margin around the drawing. */
  margin: 24,
};

function esc(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The SVG of nodes at `positions` (model coordinates) and the edges between them. */
export function graphSvg(nodes: readonly GraphNodeData[], edges: readonly GraphEdgeData[], positions: ReadonlyMap<string, { x: number; y: number }>): string {
  const shown = nodes.filter((n) => positions.has(n.id));
  const xs = shown.map((n) => (positions.get(n.id) as { x: number }).x);
  const ys = shown.map((n) => (positions.get(n.id) as { y: number }).y);
  const m = SVG_STYLE.margin;
  const minX = (xs.length ? Math.min(...xs) : 0) - 90 - m;
  const minY = (ys.length ? Math.min(...ys) : 0) - 20 - m;
  const width = (xs.length ? Math.max(...xs) : 0) + 90 + m - minX;
  const height = (ys.length ? Math.max(...ys) : 0) + 40 + m - minY;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX.toFixed(0)} ${minY.toFixed(0)} ${width.toFixed(0)} ${height.toFixed(0)}" width="${width.toFixed(0)}" height="${height.toFixed(0)}" font-family="Noto Sans, Arial, sans-serif" font-size="${SVG_STYLE.font}">`,
    `<title>plandiff lineage graph: ${shown.length} documents, ${edges.length} links</title>`,
    `<rect x="${minX.toFixed(0)}" y="${minY.toFixed(0)}" width="${width.toFixed(0)}" height="${height.toFixed(0)}" fill="#ffffff"/>`,
    '<g fill="none">',
  ];
  for (const e of edges) {
    const a = positions.get(e.source);
    const b = positions.get(e.target);
    if (!a || !b) continue;
    const dash = SVG_STYLE.dash[e.relation];
    const w = e.relation === 'reuse' ? 1 + 3 * e.score : e.relation === 'implements' || e.relation === 'succeeds' ? 2 : 1;
    out.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${SVG_STYLE.edge[e.relation] ?? '#999'}" stroke-width="${w.toFixed(1)}"${dash ? ` stroke-dasharray="${dash}"` : ''} opacity="0.7"/>`);
  }
  out.push('</g>');
  for (const n of shown) {
    const p = positions.get(n.id) as { x: number; y: number };
    const color = SVG_STYLE.level[n.level ?? 'unknown'] ?? SVG_STYLE.level.unknown;
    const r = n.collapsed ? 16 : n.inCorpus ? 12 : 8;
    out.push(`<g><title>${esc(n.title ?? n.label)}</title><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r}" fill="${n.inCorpus ? color : '#ffffff'}" stroke="${color}" stroke-width="2"/>`);
    n.display.split('\n').forEach((line, i) => {
      out.push(`<text x="${p.x.toFixed(1)}" y="${(p.y + r + 11 + i * 12).toFixed(1)}" text-anchor="middle" fill="#1b2430"${i === 0 && n.inCorpus ? ' font-weight="bold"' : ''}>${esc(line)}</text>`);
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
