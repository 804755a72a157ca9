/**
 * <pd-lineage-graph>: the Cytoscape wrapper. It draws the elements it is given (from
 * `graphElements(graph)`), lays them out in layers (graph-layout.ts), and sends up what the user
 * picks: a node (`pd-node-select`) or an edge (`pd-edge-select`). Filters by relation and year
 * hide elements without moving the others; fit / zoom / PNG export in the toolbar. Built to stay
 * usable at 1,000+ nodes: no animations, textures while panning, labels dropped when too small.
 * The Cytoscape instance is destroyed when the element leaves the page.
 */
import type { Core, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { LineageGraph, LineageRelation } from '../../../src/types.js';
import { CONDENSE_DEFAULTS, condense, type CondensedGraph, type CondenseOptions } from '../../../src/view/graph-condense.js';
import { graphSvg } from '../../../src/view/graph-svg.js';
import { graphElements, graphFacets, RELATIONS, SHOW_ALL, shortLabel, visibleIds, type GraphEdge, type GraphElements, type GraphFilter, type GraphNode } from '../../../src/view/graph-view.js';
import { levelLabel, relationLabel, t, type Lang } from '../../../src/view/i18n.js';
import { download } from '../../app/download.js';
import { chips, controls } from '../../styles/shared.js';
import { emit } from '../events.js';
import { layoutPositions, type LayoutThread, type Positions } from './graph-layout.js';
import { COLORS, graphStyle } from './graph-style.js';

/** Below this many documents the graph opens with families and cited documents open (it reads as it is). */
const SMALL_GRAPH = 60;

/** A4 landscape at 150 dpi, in pixels: the most a PNG export is, so its labels stay readable when printed. */
const A4_PNG = { width: 1754, height: 1240 };

/** Above this many nodes the renderer trades detail for speed while the view moves. */
const BIG_GRAPH = 400;

/** Relations shown when a big graph opens. */
const BIG_GRAPH_RELATIONS: readonly LineageRelation[] = ['implements', 'reuse'];

/** Elements added to Cytoscape per frame while a graph is drawn: each frame styles, measures and
 * draws only these, so no frame of a big graph's first drawing is a long task (Cytoscape's first
 * frame of 100 elements took 40–75 ms of CPU); more per frame past `DRAW_FRAMES` frames. */
const DRAW_CHUNK = 40;

/** A filter that shows more new elements than this many chunks draws the graph again, a chunk per frame,
 * rather than adding them in one task. */
const DRAW_FRAMES_AT_ONCE = 5;

/** Elements in the first frame of a drawing, which also compiles the renderer's code. */
const FIRST_CHUNK = 10;

/** Most frames a drawing is spread over (a graph drawn open, thousands of elements, takes bigger chunks). */
const DRAW_FRAMES = 60;

/** Padding around the graph fitted to the viewport (pixels). */
const FIT_PADDING = 24;

/** Room below a node for its two-line label, in model pixels (for fitting the view before anything is measured). */
const LABEL_ROOM = 30;

/** Cytoscape's factory: a chunk of its own, loaded when a graph is first shown (a page that shows none never loads it). */
type CytoscapeFactory = typeof import('cytoscape');

let cytoscapeModule: Promise<CytoscapeFactory> | null = null;

function loadCytoscape(): Promise<CytoscapeFactory> {
  cytoscapeModule ??= import('cytoscape').then((m) => m.default);
  return cytoscapeModule;
}

/** Resolves in a later task (lets the browser paint and answer input in between). */
function nextTask(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}

/** Resolves in the task after the next frame (Cytoscape draws what was added in that frame); after
 * 100 ms at most where no frame comes (a hidden tab). */
function nextFrame(): Promise<void> {
  return new Promise((done) => {
    const late = setTimeout(done, 100);
    requestAnimationFrame(() => {
      clearTimeout(late);
      setTimeout(done, 0);
    });
  });
}

interface Tooltip {
  x: number;
  y: number;
  title: string;
  lines: string[];
}

@customElement('pd-lineage-graph')
export class PdLineageGraph extends LitElement {
  static override styles = [
    controls,
    chips,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 420px;
        height: 100%;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: center;
        padding: 10px 12px;
        border-bottom: 1px solid var(--pd-border);
      }
      .relations {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .rel {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        padding: 3px 10px;
        border-radius: 999px;
        border: 1px solid var(--pd-border-strong);
        background: #fff;
        cursor: pointer;
        font-size: 13px;
        min-height: 0;
      }
      .rel[aria-pressed='false'] {
        opacity: 0.45;
        background: #f3f5f8;
      }
      .rel[aria-pressed='true'] {
        background: #fff;
        color: var(--pd-text);
        border-color: var(--pd-border-strong);
      }
      .line {
        width: 22px;
        height: 0;
        border-top: 3px solid;
      }
      .line.refers {
        border-top-style: dotted;
      }
      .line.reuse {
        border-top-style: dashed;
      }
      .years {
        display: inline-flex;
        gap: 6px;
        align-items: center;
        font-size: 13px;
      }
      .years select {
        min-height: 28px;
        padding: 2px 6px;
      }
      .spacer {
        flex: 1;
      }
      details.node-list {
        border-top: 1px solid var(--pd-border);
        padding: 6px 12px;
        max-height: 40vh;
        overflow: auto;
        font-size: 13px;
      }
      details.node-list summary {
        cursor: pointer;
      }
      details.node-list summary:focus-visible {
        outline: 2px solid var(--pd-focus);
      }
      details.node-list ul {
        list-style: none;
        margin: 6px 0 0;
        padding: 0;
      }
      .node-item {
        all: unset;
        cursor: pointer;
        display: block;
        padding: 3px 6px;
        border-radius: 4px;
      }
      .node-item:hover,
      .node-item[aria-current='true'] {
        background: #e8f0fb;
      }
      .node-item:focus-visible {
        outline: 2px solid var(--pd-focus);
      }
      .stage {
        position: relative;
        flex: 1;
        min-height: 360px;
        background: radial-gradient(circle at 1px 1px, #dfe5ec 1px, transparent 0) 0 0 / 22px 22px, #fbfcfe;
      }
      .cy {
        position: absolute;
        inset: 0;
      }
      .legend {
        position: absolute;
        left: 10px;
        bottom: 10px;
        display: flex;
        flex-direction: column;
        gap: 3px;
        padding: 8px 10px;
        border-radius: 8px;
        background: rgba(255, 255, 255, 0.92);
        border: 1px solid var(--pd-border);
        font-size: 12px;
        pointer-events: none;
      }
      .legend span {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
      .swatch {
        width: 11px;
        height: 11px;
        border-radius: 50%;
        display: inline-block;
      }
      .swatch.hollow {
        background: #fff !important;
        border: 2px solid var(--pd-muted);
      }
      .tooltip {
        position: absolute;
        z-index: 5;
        max-width: 340px;
        padding: 8px 10px;
        border-radius: 8px;
        background: rgba(15, 42, 68, 0.95);
        color: #fff;
        font-size: 12px;
        line-height: 1.45;
        pointer-events: none;
        box-shadow: var(--pd-shadow);
      }
      .tooltip strong {
        display: block;
        font-size: 13px;
        margin-bottom: 2px;
      }
      .stats {
        font-size: 13px;
        color: var(--pd-muted);
      }
      .empty {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
        color: var(--pd-muted);
      }
      .hint {
        position: absolute;
        right: 10px;
        bottom: 10px;
        font-size: 12px;
        color: var(--pd-muted);
        background: rgba(255, 255, 255, 0.9);
        padding: 4px 8px;
        border-radius: 6px;
        pointer-events: none;
      }
    `,
  ];

  /** The full lineage graph: drawn condensed (families, cited documents by level, strongest reuse; see
   * graph-condense.ts), the toolbar changing how. Takes precedence over `elements`. */
  @property({ attribute: false }) graph: LineageGraph | null = null;
  /** Nodes and edges to draw as they are (from `graphElements`), when no `graph` is given. */
  @property({ attribute: false }) elements: GraphElements | null = null;
  /** Id of the node whose page is open (highlighted with its neighbours). */
  @property() selected: string | null = null;
  /** Language of the labels. */
  @property() locale: Lang = 'vi';

  @state() private filter: GraphFilter = { ...SHOW_ALL };
  /** How the full graph is condensed (families, cited groups, reuse strength and count per plan). */
  @state() private condensing: CondenseOptions = { ...CONDENSE_DEFAULTS };
  /** Show only the selected node and its neighbours. */
  @state() private focusHood = false;
  /** What the search box holds. */
  @state() private query = '';
  /** The search box was used once: its list of every document is rendered from then on. */
  @state() private searchListed = false;
  /** The condensed graph drawn, and the elements made of it. */
  private condensed: CondensedGraph | null = null;
  private shownElements: GraphElements | null = null;
  /** The graph the condensing defaults were chosen for. */
  private condensedFor: LineageGraph | null = null;
  @state() private tooltip: Tooltip | null = null;
  @state() private shown = { nodes: 0, edges: 0 };
  /** The node list (the graph's keyboard path) is open. */
  @state() private listOpen = false;
  @state() private ready = false;
  /** The user touched the filters (a new graph then keeps them). */
  private userFiltered = false;

  @query('.cy') private container!: HTMLDivElement;

  private cy: Core | null = null;
  private drawn: GraphElements | null = null;
  /** Where the layout put each node of the drawn elements. */
  private positions: Positions = new Map();
  /** Ids of the drawn elements added to Cytoscape so far (one a filter hides is added when it is first shown). */
  private added = new Set<string>();
  /** Elements are being condensed in a task of their own (the graph is not empty meanwhile). */
  private condensePending = false;
  /** Counts condensing requests, so that only the newest one is made. */
  private condenseTicket = 0;
  /** Cytoscape is started in the next task. */
  private cyPending = false;
  /** Where the last layout ran (the layout worker, or the main thread when no worker could start). */
  private layoutThread: LayoutThread | null = null;

  /** The viewport position of an edge's midpoint (client pixels); null when it is not drawn. For tests and keyboard helpers. */
  edgeMidpoint(id: string): { x: number; y: number } | null {
    const edge = this.cy?.getElementById(id);
    if (!edge || edge.empty() || !edge.visible()) return null;
    const p = (edge as EdgeSingular).renderedMidpoint();
    const box = this.container.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  /** The viewport position of a node's centre (client pixels); null when it is not drawn. */
  nodePosition(id: string): { x: number; y: number } | null {
    const node = this.cy?.getElementById(id);
    if (!node || node.empty() || !node.visible()) return null;
    const p = (node as NodeSingular).renderedPosition();
    const box = this.container.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  /** Every drawn node's layer and box (model pixels, label left out), for tests: layers top to bottom, no two boxes overlapping. */
  nodeBoxes(): Array<{ id: string; layer: number; x1: number; x2: number; y1: number; y2: number }> {
    return (this.cy?.nodes(':visible') ?? []).map((n) => {
      const box = n.boundingBox({ includeLabels: false, includeOverlays: false });
      return { id: n.id(), layer: Number(n.data('layer')), x1: box.x1, x2: box.x2, y1: box.y1, y2: box.y2 };
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cy?.destroy();
    this.cy = null;
    this.drawn = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const graph = this.graph;
    if (changed.has('graph') && graph && graph !== this.condensedFor) {
      // a new graph: condensed by default past a few dozen documents (set here, this changes no other update)
      this.condensedFor = graph;
      const small = graph.nodes.length <= SMALL_GRAPH;
      this.condensing = { ...CONDENSE_DEFAULTS, families: !small, collapseCited: !small, reuseMin: small ? 0 : CONDENSE_DEFAULTS.reuseMin, reusePerPlan: small ? 100 : CONDENSE_DEFAULTS.reusePerPlan, expanded: new Set() };
    }
    if (changed.has('graph') || changed.has('condensing') || changed.has('elements')) {
      if (graph) this.condenseLater();
      else {
        this.condensed = null;
        this.shownElements = this.elements;
      }
    }
    if (changed.has('selected') && this.selected && this.graph && this.condensed) this.openHolderOf(this.selected);
  }

  /** Condenses the graph in a task of its own: not in the update that hands the graph over, which
   * also renders the page around the component (the app's lineage tab). */
  private condenseLater(): void {
    const ticket = ++this.condenseTicket;
    this.condensePending = true;
    // not ready from the change on (a reader of `data-ready` never sees the drawing before it)
    this.ready = false;
    void nextTask().then(() => {
      if (ticket !== this.condenseTicket) return;
      this.condensePending = false;
      this.shownElements = this.makeElements();
      this.requestUpdate();
    });
  }

  /** The condensed graph's elements (a graph is given). */
  private makeElements(): GraphElements | null {
    const graph = this.graph;
    if (!graph) return null;
    const start = performance.now();
    this.condensed = condense(graph, { ...this.condensing, corpusOnly: this.filter.corpusOnly });
    const elements = graphElements(this.condensed.graph, {}, this.condensed.groups);
    // user timings, read by the benchmark (npm run bench:web)
    performance.measure('pd-graph:condense', { start });
    return elements;
  }

  /** Opens the family or cited group holding a document, so that it is drawn. */
  private openHolderOf(id: string): void {
    const holder = this.condensed?.drawnAs.get(id);
    if (!holder || holder === id) return;
    const expanded = new Set(this.condensing.expanded);
    expanded.add(holder);
    this.condensing = { ...this.condensing, expanded };
  }

  protected override updated(changed: PropertyValues): void {
    if (!this.cy) {
      this.createCyLater();
      return;
    }
    if (this.shownElements !== this.drawn) void this.draw();
    else if (changed.has('filter') || changed.has('focusHood')) this.applyFilter();
    if (changed.has('selected') && this.ready) {
      if (this.focusHood) this.applyFilter();
      this.applySelection();
    }
  }

  /** Starts Cytoscape in a task of its own (setting it up takes tens of ms), then draws. */
  private createCyLater(): void {
    if (this.cyPending || !this.container) return;
    this.cyPending = true;
    void Promise.all([loadCytoscape(), nextTask()]).then(([cytoscape]) => {
      this.cyPending = false;
      if (this.cy || !this.isConnected) return;
      this.createCy(cytoscape);
      this.requestUpdate();
    });
  }

  private createCy(cytoscape: CytoscapeFactory): void {
    this.cy = cytoscape({
      container: this.container,
      style: graphStyle({ big: false }),
      minZoom: 0.03,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
      motionBlur: false,
    });
    const cy = this.cy;
    cy.on('tap', 'node', (e) => this.handleNodeTap(e));
    cy.on('tap', 'edge', (e) => this.handleEdgeTap(e));
    cy.on('tap', (e) => {
      if (e.target === cy) emit(this, 'pd-node-select', { id: null });
    });
    cy.on('mouseover', 'node, edge', (e) => this.handleHover(e));
    cy.on('mouseout', 'node, edge', (e) => {
      e.target.removeClass('hover');
      this.tooltip = null;
      this.container.style.cursor = '';
    });
    cy.on('viewport', () => {
      if (this.tooltip) this.tooltip = null;
    });
  }

  /**
   * Draws the elements: positions first (the layout worker), then the shown elements added where
   * they stay, a chunk per frame, the view fitted to them beforehand; elements a filter hides are
   * added when first shown (`applyFilter`). Each step in a task of its own, so the page never freezes.
   */
  private async draw(): Promise<void> {
    const cy = this.cy;
    const elements = this.shownElements;
    this.drawn = elements;
    if (!cy) return;
    const start = performance.now();
    this.ready = false;
    this.tooltip = null;
    const stale = (): boolean => this.shownElements !== elements || this.cy !== cy;
    const big = (elements?.nodes.length ?? 0) > BIG_GRAPH;
    // A big graph opens on the relations that carry lineage (implements, reuse); the thousands of
    // basis/refers edges of a large corpus are one click away.
    if (big && !this.userFiltered) this.filter = { ...this.filter, relations: BIG_GRAPH_RELATIONS };
    const layoutStart = performance.now();
    const laid = elements && elements.nodes.length ? await layoutPositions(elements) : null;
    if (stale()) return;
    this.layoutThread = laid?.thread ?? null;
    this.positions = laid?.positions ?? new Map();
    performance.measure('pd-graph:layout', { start: layoutStart });
    await nextTask();
    if (stale()) return;
    const drawStart = performance.now();
    cy.batch(() => cy.elements().remove());
    this.added = new Set();
    // Cheaper rendering for big graphs: a texture while panning/zooming, edges hidden while moving.
    const renderer = (cy as unknown as { renderer(): { textureOnViewport?: boolean; hideEdgesOnViewport?: boolean } }).renderer();
    renderer.textureOnViewport = big;
    renderer.hideEdgesOnViewport = big;
    cy.style(graphStyle({ big }));
    if (elements) {
      const visible = this.visible(elements);
      this.fitTo(elements.nodes.filter((n) => visible.nodes.has(n.data.id)));
      const shown = [...elements.nodes.filter((n) => visible.nodes.has(n.data.id)), ...elements.edges.filter((e) => visible.edges.has(e.data.id))];
      const chunk = Math.max(DRAW_CHUNK, Math.ceil(shown.length / DRAW_FRAMES));
      // a small first chunk: the renderer's code runs cold on it
      for (let i = 0, n = FIRST_CHUNK; i < shown.length; i += n, n = chunk) {
        if (i > 0) await nextFrame();
        if (stale()) return;
        this.addToCy(shown.slice(i, i + n));
      }
    }
    await nextFrame();
    if (stale()) return;
    performance.measure('pd-graph:draw', { start: drawStart });
    this.ready = true;
    // the filter as it is now (it may have changed while drawing)
    this.applyFilter();
    this.applySelection();
    emit(this, 'pd-graph-ready', { nodes: this.shown.nodes, edges: this.shown.edges, ms: performance.now() - start });
  }

  /** Adds drawn elements to Cytoscape (nodes at their positions), skipping those already there. */
  private addToCy(list: ReadonlyArray<GraphNode | GraphEdge>): void {
    const cy = this.cy;
    if (!cy) return;
    const fresh = list.filter((el) => !this.added.has(el.data.id));
    if (!fresh.length) return;
    for (const el of fresh) this.added.add(el.data.id);
    cy.add(fresh.map((el) => (el.group === 'nodes' ? { ...el, position: { ...(this.positions.get(el.data.id) ?? { x: 0, y: 0 }) } } : el)));
  }

  /** Fits the view to where these nodes will be drawn (from their positions and label widths, before any is added). */
  private fitTo(nodes: readonly GraphNode[]): void {
    const cy = this.cy;
    if (!cy || !nodes.length) return;
    const [w, h] = [cy.width(), cy.height()];
    if (!w || !h) return;
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const n of nodes) {
      const p = this.positions.get(n.data.id);
      if (!p) continue;
      const size = n.data.collapsed ? 44 : n.data.inCorpus ? 26 : 18;
      const half = Math.max(n.data.labelWidth, size) / 2;
      x1 = Math.min(x1, p.x - half);
      x2 = Math.max(x2, p.x + half);
      y1 = Math.min(y1, p.y - size / 2);
      y2 = Math.max(y2, p.y + size / 2 + LABEL_ROOM);
    }
    if (!Number.isFinite(x1)) return;
    const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min((w - 2 * FIT_PADDING) / Math.max(1, x2 - x1), (h - 2 * FIT_PADDING) / Math.max(1, y2 - y1))));
    cy.viewport({ zoom, pan: { x: w / 2 - (zoom * (x1 + x2)) / 2, y: h / 2 - (zoom * (y1 + y2)) / 2 } });
  }

  /** What the filters show, narrowed to the selected node's neighbourhood when focusing. */
  private visible(elements: GraphElements): { nodes: Set<string>; edges: Set<string> } {
    const visible = visibleIds(elements, this.filter);
    if (!this.focusHood || !this.selected || !visible.nodes.has(this.selected)) return visible;
    const hood = new Set([this.selected]);
    for (const e of elements.edges) {
      if (!visible.edges.has(e.data.id)) continue;
      if (e.data.source === this.selected) hood.add(e.data.target);
      if (e.data.target === this.selected) hood.add(e.data.source);
    }
    const edges = new Set(elements.edges.filter((e) => visible.edges.has(e.data.id) && hood.has(e.data.source) && hood.has(e.data.target)).map((e) => e.data.id));
    return { nodes: hood, edges };
  }

  /** Shows what the filters let through: hides the others, adds those shown for the first time. */
  private applyFilter(): void {
    const cy = this.cy;
    const elements = this.drawn;
    // while a graph is drawn, `draw` applies the filter when it is done
    if (!this.ready) return;
    if (!cy || !elements) {
      this.shown = { nodes: 0, edges: 0 };
      return;
    }
    const visible = this.visible(elements);
    const fresh = [...elements.nodes.filter((n) => visible.nodes.has(n.data.id)), ...elements.edges.filter((e) => visible.edges.has(e.data.id))].filter((el) => !this.added.has(el.data.id));
    // thousands shown at once (basis edges of a graph drawn open): drawn again, a chunk per frame
    if (fresh.length > DRAW_CHUNK * DRAW_FRAMES_AT_ONCE) {
      void this.draw();
      return;
    }
    cy.batch(() => {
      cy.elements().forEach((el) => {
        const id = el.id();
        const on = el.isNode() ? visible.nodes.has(id) : visible.edges.has(id);
        const hidden = el.hasClass('filtered');
        if (on && hidden) el.removeClass('filtered');
        else if (!on && !hidden) el.addClass('filtered');
      });
      this.addToCy(fresh);
    });
    this.shown = { nodes: visible.nodes.size, edges: visible.edges.size };
  }

  private applySelection(): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.faded, .focus, .chosen').removeClass('faded focus chosen');
      if (!this.selected) return;
      const node = cy.getElementById(this.selected);
      if (node.empty()) return;
      const hood = node.closedNeighborhood();
      cy.elements().not(hood).addClass('faded');
      hood.addClass('focus');
      node.addClass('chosen');
    });
    if (this.selected) {
      const node = cy.getElementById(this.selected);
      if (!node.empty() && node.visible()) cy.center(node);
    }
  }

  private handleNodeTap(e: EventObject): void {
    const node = e.target as NodeSingular;
    // a family or a group of cited documents opens in place
    if (node.data('collapsed')) return this.toggleOpen(node.id());
    emit(this, 'pd-node-select', { id: node.id() });
  }

  /** Opens (or closes again) a family or cited group. */
  private toggleOpen(id: string): void {
    const expanded = new Set(this.condensing.expanded);
    if (expanded.has(id)) expanded.delete(id);
    else expanded.add(id);
    this.condensing = { ...this.condensing, expanded };
  }

  private handleSearch(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    const graph = this.graph;
    if (!graph) return;
    const hit = graph.nodes.find((n) => shortLabel(n) === this.query || n.id === this.query || n.file === this.query);
    if (!hit) return;
    this.openHolderOf(hit.id);
    emit(this, 'pd-node-select', { id: hit.id });
  }

  private setCondensing(change: Partial<CondenseOptions>): void {
    this.condensing = { ...this.condensing, ...change, expanded: change.families !== undefined || change.collapseCited !== undefined ? new Set() : this.condensing.expanded };
  }

  private handleEdgeTap(e: EventObject): void {
    const edge = e.target as EdgeSingular;
    emit(this, 'pd-edge-select', { source: edge.data('source'), target: edge.data('target'), relation: edge.data('relation') as LineageRelation });
  }

  private handleHover(e: EventObject): void {
    const el = e.target as NodeSingular | EdgeSingular;
    el.addClass('hover');
    this.container.style.cursor = 'pointer';
    const lang = this.locale;
    const p = e.renderedPosition ?? { x: 0, y: 0 };
    if (el.isNode()) {
      const d = el.data();
      const lines = [
        [d.type, d.year].filter(Boolean).join(' · '),
        d.issuer ? String(d.issuer) : '',
        `${levelLabel(lang, d.level ?? null)} · ${d.inCorpus ? t(lang, 'inCorpus') : t(lang, 'external')}`,
        d.file ? String(d.file) : '',
      ].filter(Boolean);
      this.tooltip = { x: p.x, y: p.y, title: d.title ? String(d.title) : String(d.label), lines };
    } else {
      const d = el.data();
      const source = el.source().data('label');
      const target = el.target().data('label');
      const lines = [`${source} → ${target}`];
      if (d.relation === 'reuse') lines.push(t(lang, 'reuseScore', { score: Math.round(Number(d.score) * 100) }), t(lang, 'clickEdgeHint'));
      else if (d.mentions) lines.push(t(lang, 'mentions', { count: d.mentions }));
      this.tooltip = { x: p.x, y: p.y, title: relationLabel(lang, d.relation), lines };
    }
  }

  private toggleRelation(r: LineageRelation): void {
    this.userFiltered = true;
    const on = new Set(this.filter.relations);
    if (on.has(r)) on.delete(r);
    else on.add(r);
    this.filter = { ...this.filter, relations: RELATIONS.filter((x) => on.has(x)) };
  }

  private handleFit(): void {
    const cy = this.cy;
    if (cy) cy.fit(cy.nodes(':visible'), 24);
  }

  private handleZoom(factor: number): void {
    const cy = this.cy;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** PNG of what is shown, at most an A4 page at 150 dpi (labels readable when printed; a few hundred KB). */
  private handleExport(): void {
    const cy = this.cy;
    if (!cy) return;
    download('plandiff-pha-he.png', cy.png({ output: 'blob', full: true, scale: this.pngScale(), bg: '#ffffff' }));
  }

  /** Scale of the PNG export: twice the model size, shrunk to fit an A4 page at 150 dpi (Cytoscape's own
   * maxWidth is ignored when a scale is given). */
  private pngScale(): number {
    const box = this.cy?.elements(':visible').boundingBox();
    if (!box || !box.w || !box.h) return 2;
    return Math.min(2, A4_PNG.width / box.w, A4_PNG.height / box.h);
  }

  /** SVG of what is shown (vector: prints sharp at any size). */
  private handleExportSvg(): void {
    download('plandiff-pha-he.svg', new Blob([this.svgOfShown() ?? ''], { type: 'image/svg+xml' }));
  }

  /** The SVG of what is shown (for the export, and for tests and the benchmark). */
  svgOfShown(): string | null {
    const cy = this.cy;
    if (!cy) return null;
    const positions = new Map<string, { x: number; y: number }>();
    const nodes = cy.nodes(':visible');
    nodes.forEach((n) => {
      positions.set(n.id(), { ...n.position() });
    });
    const edges = cy.edges(':visible');
    return graphSvg(
      nodes.map((n) => n.data()),
      edges.map((e) => e.data()),
      positions,
    );
  }

  /** Size of the PNG export: bytes, and pixels from its header (for tests and the benchmark). */
  pngSize(): { bytes: number; width: number; height: number } {
    const b64 = this.cy?.png({ output: 'base64', full: true, scale: this.pngScale(), bg: '#ffffff' }) ?? '';
    const head = atob(b64.slice(0, 44));
    const int = (at: number): number => ((head.charCodeAt(at) << 24) | (head.charCodeAt(at + 1) << 16) | (head.charCodeAt(at + 2) << 8) | head.charCodeAt(at + 3)) >>> 0;
    return { bytes: Math.round((b64.length * 3) / 4), width: int(16), height: int(20) };
  }

  private renderCondenseControls() {
    const lang = this.locale;
    const c = this.condensing;
    return html`<label class="check"
        ><input type="checkbox" data-testid="graph-families" .checked=${c.families} @change=${(e: Event) => this.setCondensing({ families: (e.target as HTMLInputElement).checked })} />${t(lang, 'graph.families')}</label
      >
      <label class="check"
        ><input type="checkbox" data-testid="graph-cited" .checked=${c.collapseCited} @change=${(e: Event) => this.setCondensing({ collapseCited: (e.target as HTMLInputElement).checked })} />${t(lang, 'graph.collapseCited')}</label
      >
      <label class="years"
        >${t(lang, 'graph.reuseMin')}
        <input
          type="range"
          min="0"
          max="1"
          step="0.05"
          data-testid="graph-reuse-min"
          .value=${String(c.reuseMin)}
          @change=${(e: Event) => this.setCondensing({ reuseMin: Number((e.target as HTMLInputElement).value) })}
        />
        <span>${Math.round(c.reuseMin * 100)}%</span></label
      >
      <label class="years"
        >${t(lang, 'graph.reusePerPlan')}
        <input
          type="number"
          min="0"
          max="20"
          style="width:4em"
          data-testid="graph-reuse-per-plan"
          .value=${String(Math.min(c.reusePerPlan, 20))}
          @change=${(e: Event) => this.setCondensing({ reusePerPlan: Math.max(0, Number((e.target as HTMLInputElement).value) || 0) })}
      /></label>
      <input
        type="search"
        list="graph-nodes"
        data-testid="graph-search"
        placeholder=${t(lang, 'graph.search')}
        aria-label=${t(lang, 'graph.search')}
        .value=${this.query}
        @focus=${() => (this.searchListed = true)}
        @change=${this.handleSearch}
      />
      <datalist id="graph-nodes">${this.searchListed ? (this.graph?.nodes ?? []).slice(0, 5000).map((n) => html`<option value=${shortLabel(n)}></option>`) : nothing}</datalist>
      <label class="check"
        ><input type="checkbox" data-testid="graph-focus" .checked=${this.focusHood} ?disabled=${!this.selected} @change=${(e: Event) => (this.focusHood = (e.target as HTMLInputElement).checked)} />${t(lang, 'graph.focus')}</label
      >`;
  }

  private renderTooltip() {
    const tip = this.tooltip;
    if (!tip) return nothing;
    const box = this.container?.getBoundingClientRect();
    const left = Math.min(tip.x + 14, (box?.width ?? 800) - 350);
    return html`<div class="tooltip" role="tooltip" style="left:${Math.max(4, left)}px;top:${tip.y + 14}px">
      <strong>${tip.title}</strong>${tip.lines.map((l) => html`<div>${l}</div>`)}
    </div>`;
  }

  /** The graph's keyboard path and text alternative: every document as a button that opens its page. */
  private renderNodeList() {
    const lang = this.locale;
    const nodes = this.shownElements?.nodes ?? [];
    return html`<details class="node-list" data-testid="graph-node-list" @toggle=${(e: Event) => (this.listOpen = (e.target as HTMLDetailsElement).open)}>
      <summary>${t(lang, 'graphNodeList', { count: nodes.length })}</summary>
      ${this.listOpen
        ? html`<ul>
            ${nodes.map(
              (n) => html`<li>
                <button class="node-item" data-node=${n.data.id} aria-current=${this.selected === n.data.id ? 'true' : 'false'} @click=${() => emit(this, 'pd-node-select', { id: n.data.id })}>
                  ${n.data.label}${n.data.year !== null ? ` · ${n.data.year}` : ''} · ${n.data.inCorpus ? t(lang, 'inCorpus') : t(lang, 'external')}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </details>`;
  }

  override render() {
    const lang = this.locale;
    const facets = this.shownElements ? graphFacets(this.shownElements) : null;
    const years: number[] = [];
    if (facets?.yearMin != null && facets.yearMax != null) for (let y = facets.yearMin; y <= facets.yearMax; y++) years.push(y);
    const yearSelect = (which: 'yearFrom' | 'yearTo') => html`<select
      aria-label=${t(lang, which)}
      data-testid="graph-${which}"
      @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        this.userFiltered = true;
        this.filter = { ...this.filter, [which]: v ? Number(v) : null };
      }}
    >
      <option value="" ?selected=${this.filter[which] === null}>—</option>
      ${years.map((y) => html`<option value=${y} ?selected=${this.filter[which] === y}>${y}</option>`)}
    </select>`;
    const empty = !this.condensePending && (!this.shownElements || this.shownElements.nodes.length === 0);
    return html`
      <div class="bar">
        <div class="relations" role="group">
          ${RELATIONS.map(
            (r) => html`<button class="rel" aria-pressed=${this.filter.relations.includes(r)} data-testid="relation-${r}" @click=${() => this.toggleRelation(r)}>
              <span class="line ${r}" style="border-top-color:${COLORS[r]}"></span>${relationLabel(lang, r)}
              <span class="muted">${facets?.relations[r] ?? 0}</span>
            </button>`,
          )}
        </div>
        <span class="years">${t(lang, 'yearFrom')} ${yearSelect('yearFrom')} ${t(lang, 'yearTo')} ${yearSelect('yearTo')}</span>
        <label class="check"
          ><input type="checkbox" data-testid="graph-corpus-only" .checked=${this.filter.corpusOnly} @change=${(e: Event) => {
            this.userFiltered = true;
            this.filter = { ...this.filter, corpusOnly: (e.target as HTMLInputElement).checked };
            if (this.graph) this.condensing = { ...this.condensing };
          }} />${t(
            lang,
            'corpusOnly',
          )}</label
        >
        ${this.graph ? this.renderCondenseControls() : nothing}
        <span class="spacer"></span>
        <span class="stats" data-testid="graph-stats" data-nodes=${this.shown.nodes} data-edges=${this.shown.edges} data-ready=${this.ready} data-layout=${this.layoutThread ?? ''}>
          ${t(lang, 'graphStats', { nodes: this.shown.nodes, edges: this.shown.edges })}
        </span>
        <button title=${t(lang, 'zoomOut')} aria-label=${t(lang, 'zoomOut')} @click=${() => this.handleZoom(0.8)}>−</button>
        <button title=${t(lang, 'zoomIn')} aria-label=${t(lang, 'zoomIn')} @click=${() => this.handleZoom(1.25)}>+</button>
        <button data-testid="graph-fit" @click=${this.handleFit}>${t(lang, 'fit')}</button>
        <button data-testid="graph-png" @click=${this.handleExport}>⤓ ${t(lang, 'exportPng')}</button>
        <button data-testid="graph-svg" @click=${this.handleExportSvg}>⤓ SVG</button>
      </div>
      <div class="stage">
        <div
          class="cy"
          data-testid="graph-canvas"
          role="img"
          aria-label="${t(lang, 'graphAlt', { nodes: this.shown.nodes, edges: this.shown.edges })}"
        ></div>
        ${empty ? html`<div class="empty">${t(lang, 'emptyGraph')}</div>` : nothing}
        <div class="legend" aria-hidden="true">
          ${(['national', 'province', 'department'] as const).map(
            (l) => html`<span><i class="swatch" style="background:${COLORS[l]}"></i>${levelLabel(lang, l)}</span>`,
          )}
          <span><i class="swatch hollow"></i>${t(lang, 'external')}</span>
        </div>
        ${empty ? nothing : html`<div class="hint">${t(lang, 'clickEdgeHint')}</div>`} ${this.renderTooltip()}
      </div>
      ${empty ? nothing : this.renderNodeList()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pd-lineage-graph': PdLineageGraph;
  }
}
