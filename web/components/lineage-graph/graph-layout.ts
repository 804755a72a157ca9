/**
 * The layered layout of the lineage graph. Layers are fixed by us (level, then bands of years: see
 * `layers` in src/view/graph-view.ts); what a layout has to decide is the order of the nodes inside
 * each layer, so that citation edges cross as little as possible.
 *
 * While the graph is small, cytoscape-dagre decides it: each layer gets an invisible anchor node,
 * anchors are chained top to bottom and every node hangs from its layer's anchor (dagre ranks by
 * edge direction only, so this pins the ranks), and citation edges enter reversed (cited → citing)
 * where they agree with the layers. Dagre's crossing reduction grows fast with long edges (a
 * 500-node corpus of dense citations takes close to a minute), so past `dagreMaxHints` the order
 * comes from our own barycentre sweeps (`orderLayers`), linear in the edges. Either way the nodes
 * are then placed row by row (`placeLayers`): layers centred on one axis, long layers wrapped.
 * Real edges never enter the layout; they follow their nodes.
 */
import type { Core, EdgeDefinition, ElementDefinition, LayoutOptions } from 'cytoscape';
import { orderLayers, placeLayers, PLACE_DEFAULTS, type GraphElements, type PlaceOptions } from '../../../src/view/graph-view.js';

/** Layout options (documented like Cytoscape's own layouts). */
export const defaults = {
  name: 'dagre',
  /** Layers flow top to bottom: national, province, department, district (then years, oldest first). */
  rankDir: 'TB',
  /** Dagre's gap between nodes of one layer (only its order is kept; `place.gap` spaces the result). */
  nodeSep: 18,
  /** Dagre's gap between layers (`place` decides the final rows). */
  rankSep: 60,
  /** Gap between edges dagre routes side by side (only layout edges are routed). */
  edgeSep: 6,
  /** Dagre's ranker; network simplex keeps the pinned layers tight. */
  ranker: 'network-simplex',
  /** Labels are not measured by dagre: their widths are estimated in the view model (`labelWidth`). */
  nodeDimensionsIncludeLabels: false,
  /** No animation: at 1,000+ nodes animating positions costs more than the layout itself. */
  animate: false,
  /** Fit the graph to the viewport when done. */
  fit: true,
  /** Padding around the fitted graph. */
  padding: 24,
  /** Weight of the anchor edges: high, so nodes sit exactly on their layer. */
  anchorWeight: 50,
  /** Weight of the (reversed) citation edges that only help dagre order nodes within layers. */
  citationWeight: 1,
  /** Dagre orders the layers while the graph has at most this many citation hints; past it, `orderLayers`. */
  dagreMaxHints: 300,
  /** Barycentre sweeps of `orderLayers` (each one down and one up). */
  sweeps: 4,
  /** Row placement: gaps, row height, wrapping of long layers (see PLACE_DEFAULTS). */
  place: PLACE_DEFAULTS as PlaceOptions,
};

/** Prefix of the invisible anchors' ids. */
export const ANCHOR = '__anchor:';
/** Prefix of the invisible layout edges' ids. */
export const LAYOUT_EDGE = '__layout:';

/** The anchors and layout edges that fix the layers, to add next to the real elements. */
export function layoutScaffold(elements: GraphElements): ElementDefinition[] {
  const layerOf = new Map(elements.nodes.map((n) => [n.data.id, n.data.layer]));
  const count = elements.nodes.reduce((m, n) => Math.max(m, n.data.layer + 1), 0);
  const out: ElementDefinition[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ group: 'nodes', data: { id: `${ANCHOR}${i}` }, classes: 'scaffold' });
    if (i > 0) out.push({ group: 'edges', data: { id: `${LAYOUT_EDGE}chain:${i}`, source: `${ANCHOR}${i - 1}`, target: `${ANCHOR}${i}`, minLen: 1, weight: defaults.anchorWeight }, classes: 'scaffold' });
  }
  for (const n of elements.nodes) {
    out.push({ group: 'edges', data: { id: `${LAYOUT_EDGE}hang:${n.data.id}`, source: `${ANCHOR}${n.data.layer}`, target: n.data.id, minLen: 1, weight: defaults.anchorWeight }, classes: 'scaffold' });
  }
  const seen = new Set<string>();
  for (const e of elements.edges) {
    if (e.data.relation === 'reuse') continue;
    const citing = layerOf.get(e.data.source);
    const cited = layerOf.get(e.data.target);
    if (citing === undefined || cited === undefined || cited >= citing) continue;
    const key = `${e.data.target}\u0000${e.data.source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edge: EdgeDefinition = {
      group: 'edges',
      data: { id: `${LAYOUT_EDGE}cite:${key}`, source: e.data.target, target: e.data.source, minLen: citing - cited, weight: defaults.citationWeight },
      classes: 'scaffold',
    };
    out.push(edge);
  }
  return out;
}

/** Which engine ordered the layers. */
export type LayoutEngine = 'dagre' | 'barycentre';

function citationHints(scaffold: ElementDefinition[]): number {
  return scaffold.filter((e) => String(e.data.id).startsWith(`${LAYOUT_EDGE}cite:`)).length;
}

/** Dagre's order of each layer: the anchors and hint edges are added, dagre runs, the scaffold goes. */
function dagreOrder(cy: Core, elements: GraphElements, scaffold: ElementDefinition[], o: typeof defaults): Promise<string[][]> {
  cy.add(scaffold);
  const eles = cy.nodes().union(cy.edges('.scaffold'));
  const layout = eles.layout({
    name: o.name,
    rankDir: o.rankDir,
    nodeSep: o.nodeSep,
    rankSep: o.rankSep,
    edgeSep: o.edgeSep,
    ranker: o.ranker,
    nodeDimensionsIncludeLabels: o.nodeDimensionsIncludeLabels,
    animate: false,
    fit: false,
    minLen: (edge: { data(key: string): unknown }) => Number(edge.data('minLen') ?? 1),
    edgeWeight: (edge: { data(key: string): unknown }) => Number(edge.data('weight') ?? 1),
  } as LayoutOptions);
  return new Promise((done) => {
    layout.one('layoutstop', () => {
      const rows: Array<Array<{ id: string; x: number }>> = [];
      for (const n of elements.nodes) (rows[n.data.layer] ??= []).push({ id: n.data.id, x: cy.getElementById(n.data.id).position('x') });
      cy.remove('.scaffold');
      done(rows.map((row) => (row ?? []).sort((a, b) => a.x - b.x).map((n) => n.id)));
    });
    layout.run();
  });
}

/** Lays the graph out in its layers; resolves with the engine that ordered them. */
export async function runLayout(cy: Core, elements: GraphElements, options: Partial<typeof defaults> = {}): Promise<LayoutEngine> {
  const o = { ...defaults, ...options };
  const scaffold = layoutScaffold(elements);
  const engine: LayoutEngine = citationHints(scaffold) <= o.dagreMaxHints ? 'dagre' : 'barycentre';
  const order = engine === 'dagre' ? await dagreOrder(cy, elements, scaffold, o) : orderLayers(elements, o.sweeps);
  const widths = new Map(elements.nodes.map((n) => [n.data.id, Math.max(n.data.labelWidth, n.data.inCorpus ? 26 : 18)]));
  const at = placeLayers(order, (id) => widths.get(id) ?? 40, o.place);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const p = at.get(n.id());
      if (p) n.position(p);
    });
  });
  if (o.fit) cy.fit(cy.nodes(':visible'), o.padding);
  return engine;
}
