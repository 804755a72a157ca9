/**
 * The layered layout of the lineage graph, as pure functions: run in the layout worker
 * (web/app/layout.worker.ts), tested in Node, measured by `npm run bench:web -- --only layout`.
 *
 * Layers are fixed by the view model (level, then bands of years: `layers` in graph-view.ts); what
 * the layout decides is the order of the nodes inside each layer, so that citation edges cross as
 * little as possible, and then where each node goes:
 *
 *  1. `layoutRequest` (graph-view.ts, on the page): the nodes (id, layer, width, sort keys) and
 *     the citation links between two layers, cited above citing — a small message to copy;
 *  2. `orderLayers`: barycentre sweeps (down, then up) pulling each node towards the mean position
 *     of its neighbours in other layers, keeping the order with the fewest crossings between
 *     neighbouring layers. Linear in the links per sweep. Chosen over cytoscape-dagre and elkjs
 *     layered by the benchmark (test/e2e/bench-graph-layout.ts; figures in docs/web.md, "Speed");
 *  3. `arrange` / `placeLayers`: layers top to bottom, each centred on one axis; a long layer is
 *     wrapped column by column (x keeps growing with the order) into rows of at most `maxRow`
 *     nodes, `maxRow` picked so that the drawing's width / height comes closest to `aspect` (a
 *     screen or an A4 page rather than a strip).
 * Reuse edges and citations inside one layer never enter the layout; they follow their nodes.
 */

/** A node as the layout sees it. */
export interface LayoutNode {
  id: string;
  /** Layer index, 0 at the top. */
  layer: number;
  /** Width taken in its row (model pixels: the label's estimated width, at least the node's). */
  width: number;
  /** First key of the starting order inside a layer (oldest first; null last). */
  year: number | null;
  /** Second key of the starting order (the drawn label). */
  display: string;
}

/** What the layout is asked to lay out. */
export interface LayoutRequest {
  nodes: LayoutNode[];
  /** Citation links between two layers, as [cited (upper layer), citing (lower layer)], each pair once. */
  links: Array<[string, string]>;
}

/** How `placeLayers` spaces the nodes (model pixels). */
export interface PlaceOptions {
  /** Gap between neighbours in a row. */
  gap: number;
  /** Height of a row (node plus its two-line label). */
  rowHeight: number;
  /** Extra space between two layers. */
  layerGap: number;
  /** Most nodes in one row; a longer layer wraps onto more rows. */
  maxRow: number;
}

/** Layout options (documented like Cytoscape's own layouts). */
export interface LayoutOptions {
  /** Barycentre sweeps of `orderLayers` (each one down and one up); the best order seen is kept. */
  sweeps: number;
  /** Width / height the wrapping of long layers aims at; 0 keeps `place.maxRow` as it is. */
  aspect: number;
  /** Fewest and most nodes per row the aspect search may choose. */
  rowRange: readonly [number, number];
  /** Row placement: gaps, row height, wrapping of long layers. */
  place: PlaceOptions;
}

/** Defaults: 18 px apart; rows of 62 px (a family node, 38 px, clears the two-line label of the row above: 13 + 4 + 25 px below its centre); 36 px between layers; rows of at most 30 nodes (before the aspect search). */
export const PLACE_DEFAULTS: Readonly<PlaceOptions> = { gap: 18, rowHeight: 62, layerGap: 36, maxRow: 30 };

/** Defaults of `layeredLayout`. */
export const LAYOUT_DEFAULTS: Readonly<LayoutOptions> = {
  /** Eight sweeps: past them the benchmark's crossings drop by under 2 % (12 → 24 sweeps: −0.3 %). */
  sweeps: 8,
  /** A 16:10 screen (and close to A4 landscape, 1.41), where the graph opens fitted. */
  aspect: 1.6,
  /** At least 6 nodes a row (a few documents stay on one line), at most 60. */
  rowRange: [6, 60],
  place: PLACE_DEFAULTS,
};

/** Where the layout put every node (its centre, model pixels), and the order it chose per layer. */
export interface LayoutResult {
  positions: Map<string, { x: number; y: number }>;
  /** Node ids of each layer, top first, in their order. */
  order: string[][];
  /** The most nodes a row was given. */
  maxRow: number;
}

/** Crossings between the links joining two neighbouring layers, counted by inversions of their ends' indices. */
function adjacentCrossings(rows: readonly (readonly string[])[], layerOf: ReadonlyMap<string, number>, links: readonly [string, string][]): number {
  const index = new Map<string, number>();
  for (const row of rows) row.forEach((id, i) => index.set(id, i));
  const between: Array<Array<[number, number]>> = rows.map(() => []);
  for (const [a, b] of links) {
    const la = layerOf.get(a) as number;
    if (layerOf.get(b) === la + 1) (between[la] as Array<[number, number]>).push([index.get(a) as number, index.get(b) as number]);
  }
  let total = 0;
  for (const pairs of between) {
    pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    // inversions of the lower ends, by a Fenwick tree over their indices
    const size = pairs.reduce((m, p) => Math.max(m, p[1] + 1), 0);
    const tree = new Int32Array(size + 1);
    let seenSoFar = 0;
    for (const [, b] of pairs) {
      let notAbove = 0;
      for (let i = b + 1; i > 0; i -= i & -i) notAbove += tree[i] as number;
      total += seenSoFar - notAbove;
      for (let i = b + 1; i <= size; i += i & -i) tree[i] = (tree[i] as number) + 1;
      seenSoFar += 1;
    }
  }
  return total;
}

/**
 * The order of the nodes inside each layer: first by year then label, then barycentre sweeps
 * (down, then up) that pull each node towards the mean position of its neighbours in other
 * layers — the classic crossing-reduction heuristic, linear in the links per sweep. After each
 * sweep the crossings between neighbouring layers are counted and the best order seen is kept.
 * Returns the node ids of each layer, top first.
 */
export function orderLayers(request: LayoutRequest, sweeps: number = LAYOUT_DEFAULTS.sweeps): string[][] {
  const count = request.nodes.reduce((m, n) => Math.max(m, n.layer + 1), 0);
  const rows: LayoutNode[][] = Array.from({ length: count }, () => []);
  for (const n of request.nodes) (rows[n.layer] as LayoutNode[]).push(n);
  for (const row of rows) row.sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999) || a.display.localeCompare(b.display, 'vi'));
  const layerOf = new Map(request.nodes.map((n) => [n.id, n.layer]));
  const above = new Map<string, string[]>();
  const below = new Map<string, string[]>();
  for (const [upper, lower] of request.links) {
    if (!layerOf.has(upper) || !layerOf.has(lower)) continue;
    (below.get(upper) ?? below.set(upper, []).get(upper)!).push(lower);
    (above.get(lower) ?? above.set(lower, []).get(lower)!).push(upper);
  }
  const pos = new Map<string, number>();
  const place = (row: LayoutNode[]): void => row.forEach((n, i) => pos.set(n.id, i - (row.length - 1) / 2));
  rows.forEach(place);
  const sweep = (k: number, neighbours: Map<string, string[]>): void => {
    const row = rows[k] as LayoutNode[];
    const centre = new Map<string, number>();
    for (const n of row) {
      const xs = neighbours.get(n.id);
      centre.set(n.id, xs?.length ? xs.reduce((sum, m) => sum + (pos.get(m) as number), 0) / xs.length : (pos.get(n.id) as number));
    }
    row.sort((a, b) => (centre.get(a.id) as number) - (centre.get(b.id) as number));
    place(row);
  };
  const snapshot = (): string[][] => rows.map((row) => row.map((n) => n.id));
  let best = snapshot();
  let fewest = adjacentCrossings(best, layerOf, request.links);
  for (let s = 0; s < sweeps && fewest > 0; s++) {
    for (let k = 1; k < count; k++) sweep(k, above);
    for (let k = count - 2; k >= 0; k--) sweep(k, below);
    const now = snapshot();
    const crossings = adjacentCrossings(now, layerOf, request.links);
    if (crossings < fewest) [best, fewest] = [now, crossings];
  }
  return best;
}

/**
 * Positions from an order: layers top to bottom, each centred on x = 0. A layer longer than
 * `maxRow` is wrapped column by column — the order fills the first column top to bottom, then the
 * next — so that x still grows with the order, as the crossing reduction assumed (wrapping row by
 * row would spread the first nodes of the order over the whole width). Columns are as wide as
 * their widest node. Returns the centre of every node.
 */
export function placeLayers(layers: readonly (readonly string[])[], width: (id: string) => number, options: Partial<PlaceOptions> = {}): Map<string, { x: number; y: number }> {
  const o = { ...PLACE_DEFAULTS, ...options };
  const out = new Map<string, { x: number; y: number }>();
  let y = 0;
  for (const layer of layers) {
    if (!layer.length) continue;
    const rows = Math.ceil(layer.length / Math.max(1, o.maxRow));
    const columns: string[][] = [];
    for (let start = 0; start < layer.length; start += rows) columns.push(layer.slice(start, start + rows));
    const widths = columns.map((column) => Math.max(...column.map(width)));
    let x = -(widths.reduce((sum, w) => sum + w, 0) + o.gap * (columns.length - 1)) / 2;
    columns.forEach((column, c) => {
      const w = widths[c] as number;
      column.forEach((id, r) => out.set(id, { x: x + w / 2, y: y + r * o.rowHeight }));
      x += w + o.gap;
    });
    y += rows * o.rowHeight + o.layerGap;
  }
  return out;
}

/** Width / height of the box around positions (nodes `width(id)` wide, rows `rowHeight` high). */
export function aspectOf(positions: ReadonlyMap<string, { x: number; y: number }>, width: (id: string) => number, rowHeight: number): number {
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [id, p] of positions) {
    left = Math.min(left, p.x - width(id) / 2);
    right = Math.max(right, p.x + width(id) / 2);
    top = Math.min(top, p.y);
    bottom = Math.max(bottom, p.y + rowHeight);
  }
  return positions.size ? (right - left) / (bottom - top) : 1;
}

/**
 * Positions for an order (from `orderLayers` or any other engine): rows by `placeLayers`, long
 * layers wrapped at the `maxRow` in `rowRange` whose drawing comes closest to `options.aspect`.
 */
export function arrange(request: LayoutRequest, order: readonly (readonly string[])[], options: Partial<LayoutOptions> = {}): Omit<LayoutResult, 'order'> {
  const o = { ...LAYOUT_DEFAULTS, ...options, place: { ...LAYOUT_DEFAULTS.place, ...options.place } };
  const widths = new Map(request.nodes.map((n) => [n.id, n.width]));
  const width = (id: string): number => widths.get(id) ?? 40;
  let maxRow = o.place.maxRow;
  let positions = placeLayers(order, width, o.place);
  if (o.aspect > 0) {
    const longest = order.reduce((m, row) => Math.max(m, row.length), 0);
    let miss = Math.abs(Math.log(aspectOf(positions, width, o.place.rowHeight) / o.aspect));
    for (let n = o.rowRange[0]; n <= Math.min(o.rowRange[1], Math.max(o.rowRange[0], longest)); n++) {
      const tried = placeLayers(order, width, { ...o.place, maxRow: n });
      const off = Math.abs(Math.log(aspectOf(tried, width, o.place.rowHeight) / o.aspect));
      if (off < miss) [positions, maxRow, miss] = [tried, n, off];
    }
  }
  return { positions, maxRow };
}

/** Lays a graph out: order (`orderLayers`), then rows (`arrange`). */
export function layeredLayout(request: LayoutRequest, options: Partial<LayoutOptions> = {}): LayoutResult {
  const order = orderLayers(request, options.sweeps ?? LAYOUT_DEFAULTS.sweeps);
  return { ...arrange(request, order, options), order };
}
