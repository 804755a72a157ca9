/**
 * View model of the lineage graph: the Cytoscape elements of `toElements(graph)` with a display
 * label and a layer (national → province → department → district, then by year), the filters by
 * relation and year, and a node's page (what it cites, who cites it, who implements it, which
 * plans share its text).
 */
import { toElements, type EdgeElement, type EdgeElementData, type NodeElement, type NodeElementData } from '../corpus/graph-elements.js';
import { nodeLabel } from '../corpus/lineage.js';
import type { LineageGraph, LineageNode, LineageRelation } from '../types.js';
import { clip } from '../text/clip.js';
import type { DrawnGroup } from './graph-condense.js';
import type { LayoutRequest } from './graph-layout.js';

/** Every relation, in legend order. */
export const RELATIONS: readonly LineageRelation[] = ['implements', 'succeeds', 'basis', 'refers', 'reuse'];

/** How nodes are put in layers: by level, each level cut into at most `yearBands` bands of years (oldest first). */
export interface LayerOptions {
  /** Most layers per level; 1 puts each level on one layer. */
  yearBands: number;
}

/** Defaults: three bands of years per level, so a level of many cited documents does not make one endless row. */
export const LAYER_DEFAULTS: Readonly<LayerOptions> = { yearBands: 3 };

/** Node data as the web graph uses it. */
export interface GraphNodeData extends NodeElementData {
  /** Label drawn on the node: identity on the first line, issuer (clipped) on the second. */
  display: string;
  /** Issuing body. */
  issuer: string | null;
  /** Layer index (0 at the top) for the layered layout. */
  layer: number;
  /** Estimated width of the drawn label in model pixels (for spacing nodes without measuring text). */
  labelWidth: number;
  /** For a node standing for several documents (see graph-condense.ts): a family or a group of cited documents. */
  collapsed?: 'family' | 'cited';
  /** How many documents a collapsed node stands for. */
  members?: number;
}

/** A node element with the web graph's data. */
export interface GraphNode extends NodeElement {
  data: GraphNodeData;
}

/** Edge data as the web graph uses it. */
export interface GraphEdgeData extends EdgeElementData {
  /** Label drawn on reuse edges ("95%"); absent on citation edges (Cytoscape styles test presence). */
  scoreLabel?: string;
}

/** An edge element with the web graph's data. */
export interface GraphEdge extends EdgeElement {
  data: GraphEdgeData;
}

/** The elements handed to the Cytoscape wrapper. */
export interface GraphElements {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const LEVEL_ORDER: Record<string, number> = { national: 0, province: 1, department: 2, district: 3 };
const UNKNOWN_LEVEL = 4;


/** The label drawn on a node: "421/QĐ-UBND (2024)", "…/KH-SGDĐT (2024)" for a blank number, a law's title; issuer below. */
export function displayLabel(node: LineageNode): string {
  let head: string;
  if (node.number && node.symbol) head = nodeLabel(node);
  else if (node.symbol) head = `${node.type ? `${node.type} ` : ''}…/${node.symbol}${node.year !== null ? ` (${node.year})` : ''}`;
  else if (node.file) head = node.file.slice(node.file.lastIndexOf('/') + 1).replace(/\.[a-z0-9]+$/i, '');
  else head = nodeLabel(node);
  const second = node.issuer ? `\n${clip(node.issuer, 34)}` : '';
  return `${clip(head, 40)}${second}`;
}

/** The label on one line, for lists and headings ("Kế hoạch …/KH-SGDĐT (2024) · Sở Giáo dục và Đào tạo tỉnh Khánh Hòa"). */
export function shortLabel(node: LineageNode): string {
  return displayLabel(node).replace('\n', ' · ');
}

/**
 * Layer of every node id: levels top-down (national, province, department, district, unknown);
 * inside a level, years oldest first, cut into at most `yearBands` bands holding about the same
 * number of nodes (a year never straddles two bands; undated nodes go to the level's last band).
 * Dense indices from 0.
 */
export function layers(nodes: readonly LineageNode[], options: Partial<LayerOptions> = {}): Map<string, number> {
  const bands = Math.max(1, Math.floor(options.yearBands ?? LAYER_DEFAULTS.yearBands));
  const byLevel = new Map<number, LineageNode[]>();
  for (const n of nodes) {
    const level = n.level ? (LEVEL_ORDER[n.level] ?? UNKNOWN_LEVEL) : UNKNOWN_LEVEL;
    const list = byLevel.get(level) ?? [];
    list.push(n);
    byLevel.set(level, list);
  }
  const out = new Map<string, number>();
  let next = 0;
  for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
    const list = byLevel.get(level) as LineageNode[];
    const perYear = new Map<number, number>();
    for (const n of list) perYear.set(n.year ?? Infinity, (perYear.get(n.year ?? Infinity) ?? 0) + 1);
    const years = [...perYear.keys()].sort((a, b) => a - b);
    const target = list.length / Math.min(bands, years.length);
    const bandOf = new Map<number, number>();
    let band = 0;
    let filled = 0;
    for (const y of years) {
      const count = perYear.get(y) as number;
      if (filled > 0 && filled + count / 2 > target * (band + 1) && band < bands - 1) band += 1;
      bandOf.set(y, band);
      filled += count;
    }
    const used = [...new Set(bandOf.values())].sort((a, b) => a - b);
    const index = new Map(used.map((b, i) => [b, next + i]));
    for (const n of list) out.set(n.id, index.get(bandOf.get(n.year ?? Infinity) as number) as number);
    next += used.length;
  }
  return out;
}

/** Estimated width of a drawn label: the longest line at ~5.8 px a character (10 px font), within 40..150 px. */
export function labelWidth(display: string): number {
  const longest = Math.max(...display.split('\n').map((l) => l.length));
  return Math.max(40, Math.min(150, Math.round(longest * 5.8)));
}

/** The graph's elements for the web view. */
export function graphElements(graph: LineageGraph, options: Partial<LayerOptions> = {}, groups: ReadonlyMap<string, DrawnGroup> = new Map()): GraphElements {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const layer = layers(graph.nodes, options);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const el of toElements(graph)) {
    if (el.group === 'edges') {
      const data: GraphEdgeData = { ...el.data };
      if (el.data.relation === 'reuse') data.scoreLabel = `${Math.round(el.data.score * 100)}%`;
      edges.push({ group: 'edges', data });
      continue;
    }
    const n = byId.get(el.data.id) as LineageNode;
    const g = groups.get(n.id);
    if (g) {
      // a family: its head's label and how many documents it holds; a cited group: its title
      const display = g.kind === 'family' ? `${displayLabel(n).split('\n')[0]}\n+ ${g.members.length - 1} văn bản` : (n.title ?? n.id);
      nodes.push({ group: 'nodes', data: { ...el.data, display, issuer: n.issuer ?? null, inCorpus: g.inCorpus, layer: layer.get(n.id) ?? 0, labelWidth: labelWidth(display), collapsed: g.kind, members: g.members.length } });
      continue;
    }
    const display = displayLabel(n);
    nodes.push({ group: 'nodes', data: { ...el.data, display, issuer: n.issuer ?? null, layer: layer.get(n.id) ?? 0, labelWidth: labelWidth(display) } });
  }
  return { nodes, edges };
}

/** The layout's input from the graph's elements: a node at least as wide as its circle (26 px for a plan, 18 for a cited document). */
export function layoutRequest(elements: GraphElements): LayoutRequest {
  const layerOf = new Map(elements.nodes.map((n) => [n.data.id, n.data.layer]));
  const nodes = elements.nodes.map((n) => ({ id: n.data.id, layer: n.data.layer, width: Math.max(n.data.labelWidth, n.data.inCorpus ? 26 : 18), year: n.data.year, display: n.data.display }));
  const links: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const e of elements.edges) {
    if (e.data.relation === 'reuse') continue;
    const citing = layerOf.get(e.data.source);
    const cited = layerOf.get(e.data.target);
    if (citing === undefined || cited === undefined || cited === citing) continue;
    const [upper, lower] = cited < citing ? [e.data.target, e.data.source] : [e.data.source, e.data.target];
    const key = `${upper}\u0000${lower}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push([upper, lower]);
  }
  return { nodes, links };
}

/** What the graph shows. */
export interface GraphFilter {
  /** Relations whose edges are shown. */
  relations: readonly LineageRelation[];
  /** Oldest year shown (inclusive); null for no bound. */
  yearFrom: number | null;
  /** Newest year shown (inclusive); null for no bound. */
  yearTo: number | null;
  /** Show only the plans of the folder (a cited document is left out even when a plan cites it). */
  corpusOnly: boolean;
}

/** Everything shown. */
export const SHOW_ALL: Readonly<GraphFilter> = { relations: RELATIONS, yearFrom: null, yearTo: null, corpusOnly: false };

/**
 * Ids of the nodes and edges a filter shows. A node without a year passes any year bound; an
 * edge shows when its relation is on and both its ends show.
 */
export function visibleIds(elements: GraphElements, filter: GraphFilter): { nodes: Set<string>; edges: Set<string> } {
  const inYears = (y: number | null): boolean => y === null || ((filter.yearFrom === null || y >= filter.yearFrom) && (filter.yearTo === null || y <= filter.yearTo));
  let nodes = new Set(elements.nodes.filter((n) => inYears(n.data.year)).map((n) => n.data.id));
  const relations = new Set(filter.relations);
  const shownEdges = (): GraphEdge[] => elements.edges.filter((e) => relations.has(e.data.relation) && nodes.has(e.data.source) && nodes.has(e.data.target));
  // only the plans of the folder (and families holding one): documents they cite are not kept
  if (filter.corpusOnly) nodes = new Set(elements.nodes.filter((n) => n.data.inCorpus && nodes.has(n.data.id)).map((n) => n.data.id));
  return { nodes, edges: new Set(shownEdges().map((e) => e.data.id)) };
}

/** Years and relation counts present, for the filter controls. */
export function graphFacets(elements: GraphElements): { yearMin: number | null; yearMax: number | null; relations: Record<LineageRelation, number> } {
  const years = elements.nodes.map((n) => n.data.year).filter((y): y is number => y !== null);
  const relations: Record<LineageRelation, number> = { implements: 0, succeeds: 0, basis: 0, refers: 0, reuse: 0 };
  for (const e of elements.edges) relations[e.data.relation] += 1;
  return { yearMin: years.length ? Math.min(...years) : null, yearMax: years.length ? Math.max(...years) : null, relations };
}

/** A document linked to the page's node. */
export interface LinkedDocument {
  id: string;
  label: string;
  /** Relative path when the document is a plan of the folder. */
  file: string | null;
  relation: LineageRelation;
  /** Reuse score, or 1. */
  score: number;
  /** Mentions behind a citation. */
  mentions: number | null;
}

/** A node's page. */
export interface NodePage {
  node: LineageNode;
  /** Label of the node ("421/QĐ-UBND (2024)"). */
  label: string;
  /** The documents it cites (implements, basis, refers), strongest relation first. */
  cites: LinkedDocument[];
  /** The plans citing it, except those implementing it. */
  citedBy: LinkedDocument[];
  /** The plans implementing it. */
  implementers: LinkedDocument[];
  /** Plans sharing text with it, highest score first. */
  reuse: LinkedDocument[];
  /** Older editions of its series it follows (its `succeeds` edges). */
  follows: LinkedDocument[];
  /** Newer editions following it. */
  followedBy: LinkedDocument[];
}

const RELATION_RANK: Record<LineageRelation, number> = { implements: 0, succeeds: 1, basis: 2, refers: 3, reuse: 4 };

/** The page of one node; null when the graph has no such node. */
export function nodePage(graph: LineageGraph, id: string): NodePage | null {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const node = byId.get(id);
  if (!node) return null;
  const linked = (other: string, relation: LineageRelation, score: number, mentions: number | undefined): LinkedDocument => {
    const n = byId.get(other);
    return { id: other, label: n ? shortLabel(n) : other, file: n?.file ?? null, relation, score, mentions: mentions ?? null };
  };
  const page: NodePage = { node, label: displayLabel(node).split('\n')[0] as string, cites: [], citedBy: [], implementers: [], reuse: [], follows: [], followedBy: [] };
  for (const e of graph.edges) {
    if (e.relation === 'reuse') {
      if (e.source === id) page.reuse.push(linked(e.target, 'reuse', e.score, undefined));
      else if (e.target === id) page.reuse.push(linked(e.source, 'reuse', e.score, undefined));
    } else if (e.relation === 'succeeds') {
      if (e.source === id) page.follows.push(linked(e.target, e.relation, e.score, undefined));
      else if (e.target === id) page.followedBy.push(linked(e.source, e.relation, e.score, undefined));
    } else if (e.source === id) page.cites.push(linked(e.target, e.relation, e.score, e.mentions));
    else if (e.target === id) (e.relation === 'implements' ? page.implementers : page.citedBy).push(linked(e.source, e.relation, e.score, e.mentions));
  }
  page.cites.sort((x, y) => RELATION_RANK[x.relation] - RELATION_RANK[y.relation] || x.label.localeCompare(y.label, 'vi'));
  page.citedBy.sort((x, y) => RELATION_RANK[x.relation] - RELATION_RANK[y.relation] || x.label.localeCompare(y.label, 'vi'));
  page.implementers.sort((x, y) => x.label.localeCompare(y.label, 'vi'));
  page.reuse.sort((x, y) => y.score - x.score);
  return page;
}

/** The pair a reuse edge stands for, older first; null unless both ends are plans of the folder. */
export function reusePair(graph: LineageGraph, source: string, target: string): { a: string; b: string } | null {
  const a = graph.nodes.find((n) => n.id === source)?.file;
  const b = graph.nodes.find((n) => n.id === target)?.file;
  return a && b ? { a, b } : null;
}
