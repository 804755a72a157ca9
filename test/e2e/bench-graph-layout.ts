/**
 * The graph-layout benchmark (part 5 of `npm run bench:web`; alone: `npm run bench:web -- --only layout`,
 * or `npx tsx test/e2e/bench-graph-layout.ts`). The lineage graph of a synthetic folder (src/node/synth.ts,
 * every document drawn: no families, no groups) at about 50, 300 and 2,000 nodes, laid out by each
 * candidate engine deciding the order inside the fixed layers:
 *   - barycentre: `orderLayers` (src/view/graph-layout.ts), the engine the web view ships;
 *   - dagre: cytoscape-dagre 4 on headless Cytoscape, layers pinned by invisible anchors, citations
 *     entering reversed with their layer distance as minimum length (the page's layout until this change);
 *   - elkjs: ELK layered 0.12, layers pinned by partitions (`elk.partitioning`), thoroughness 1 and no
 *     greedy switch (of the ELK settings tried, the fastest and the one with the fewest crossings).
 * Each engine runs in a worker thread of its own with a time budget (`--layout-budget SECONDS`,
 * 180 by default): one that overruns is stopped and reported as such. The order it gives is placed
 * by the same rows (`arrange`), so the figures compare the orders: time of the engine, crossings of
 * the citation links drawn as straight segments, and width / height of the drawing (the page
 * opens fitted to a 16:10 screen). dagre and elkjs are devDependencies for this comparison only.
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildLineage } from '../../src/corpus/lineage.js';
import { loadSeeds, synthesize, type SeedPlan } from '../../src/node/synth.js';
import { parseDocument } from '../../src/read/parse.js';
import type { ParsedDocument } from '../../src/types.js';
import { arrange, aspectOf, LAYOUT_DEFAULTS, orderLayers, type LayoutRequest } from '../../src/view/graph-layout.js';
import { graphElements, layoutRequest } from '../../src/view/graph-view.js';

/** The candidates, in the order they run. */
const ENGINES = ['barycentre', 'elkjs', 'dagre'] as const;
type Engine = (typeof ENGINES)[number];

/** Graph sizes measured (nodes, at least). */
const SIZES = [50, 300, 2000];

interface Job {
  engine: Engine;
  request: LayoutRequest;
}

/** dagre's order: anchors chained top to bottom pin the layers, each node hangs from its layer's anchor. */
async function dagreOrder(request: LayoutRequest): Promise<string[][]> {
  const { default: cytoscape } = await import('cytoscape');
  const { default: dagre } = await import('cytoscape-dagre');
  cytoscape.use(dagre);
  const cy = cytoscape({ headless: true, styleEnabled: false });
  const count = request.nodes.reduce((m, n) => Math.max(m, n.layer + 1), 0);
  const layer = new Map(request.nodes.map((n) => [n.id, n.layer]));
  cy.add(request.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, width: n.width } })));
  for (let i = 0; i < count; i++) {
    cy.add({ group: 'nodes', data: { id: `__anchor:${i}` } });
    if (i > 0) cy.add({ group: 'edges', data: { source: `__anchor:${i - 1}`, target: `__anchor:${i}`, minLen: 1, weight: 50 } });
  }
  for (const n of request.nodes) cy.add({ group: 'edges', data: { source: `__anchor:${n.layer}`, target: n.id, minLen: 1, weight: 50 } });
  for (const [upper, lower] of request.links) cy.add({ group: 'edges', data: { source: upper, target: lower, minLen: (layer.get(lower) as number) - (layer.get(upper) as number), weight: 1 } });
  const layout = cy.elements().layout({
    name: 'dagre',
    rankDir: 'TB',
    nodeSep: 18,
    rankSep: 60,
    edgeSep: 6,
    ranker: 'network-simplex',
    animate: false,
    fit: false,
    minLen: (edge: { data(key: string): unknown }) => Number(edge.data('minLen') ?? 1),
    edgeWeight: (edge: { data(key: string): unknown }) => Number(edge.data('weight') ?? 1),
  } as never);
  await new Promise<void>((done) => {
    layout.one('layoutstop', () => done());
    layout.run();
  });
  return byX(request, (id) => cy.getElementById(id).position('x'));
}

/** ELK layered's order, layers pinned by partitions. */
async function elkOrder(request: LayoutRequest): Promise<string[][]> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.partitioning.activate': 'true',
      'elk.layered.thoroughness': '1',
      'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
      'elk.edgeRouting': 'POLYLINE',
    },
    children: request.nodes.map((n) => ({ id: n.id, width: n.width, height: 26, layoutOptions: { 'elk.partitioning.partition': String(n.layer) } })),
    edges: request.links.map(([upper, lower], i) => ({ id: `e${i}`, sources: [upper], targets: [lower] })),
  };
  const out = await new ELK().layout(graph);
  const x = new Map((out.children ?? []).map((c) => [c.id, c.x ?? 0]));
  return byX(request, (id) => x.get(id) ?? 0);
}

/** Each layer's ids sorted by an engine's x coordinate. */
function byX(request: LayoutRequest, x: (id: string) => number): string[][] {
  const rows: Array<Array<{ id: string; x: number }>> = [];
  for (const n of request.nodes) (rows[n.layer] ??= []).push({ id: n.id, x: x(n.id) });
  return Array.from(rows, (row) => (row ?? []).sort((a, b) => a.x - b.x).map((n) => n.id));
}

async function runJob(job: Job): Promise<{ order: string[][]; ms: number }> {
  const start = performance.now();
  const order = job.engine === 'barycentre' ? orderLayers(job.request) : job.engine === 'dagre' ? await dagreOrder(job.request) : await elkOrder(job.request);
  return { order, ms: performance.now() - start };
}

/** Runs one engine in a worker thread; null when it overran the budget and was stopped. */
function inWorker(job: Job, budgetMs: number): Promise<{ order: string[][]; ms: number } | null> {
  return new Promise((resolve, reject) => {
    // tsx's loader registered inside the thread (a worker does not inherit the parent's `--import tsx`)
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: job });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, budgetMs);
    worker.once('message', (m: { order: string[][]; ms: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Crossings of the citation links drawn as straight segments between the nodes' centres (links within one row left out). */
function crossings(request: LayoutRequest, positions: Map<string, { x: number; y: number }>): { crossings: number; segments: number } {
  const segs: number[] = [];
  const ends: Array<[string, string]> = [];
  for (const [a, b] of request.links) {
    const p = positions.get(a);
    const q = positions.get(b);
    if (!p || !q || p.y === q.y) continue;
    segs.push(p.x, p.y, q.x, q.y);
    ends.push([a, b]);
  }
  const n = ends.length;
  const side = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  let count = 0;
  for (let i = 0; i < n; i++) {
    const [x1, y1, x2, y2] = [segs[4 * i]!, segs[4 * i + 1]!, segs[4 * i + 2]!, segs[4 * i + 3]!];
    const [a1, b1] = ends[i]!;
    for (let j = i + 1; j < n; j++) {
      const [x3, y3, x4, y4] = [segs[4 * j]!, segs[4 * j + 1]!, segs[4 * j + 2]!, segs[4 * j + 3]!];
      if (Math.max(y1, y2) <= Math.min(y3, y4) || Math.max(y3, y4) <= Math.min(y1, y2)) continue;
      if (Math.max(x1, x2) < Math.min(x3, x4) || Math.max(x3, x4) < Math.min(x1, x2)) continue;
      const [a2, b2] = ends[j]!;
      if (a1 === a2 || a1 === b2 || b1 === a2 || b1 === b2) continue;
      if (side(x1, y1, x2, y2, x3, y3) * side(x1, y1, x2, y2, x4, y4) < 0 && side(x3, y3, x4, y4, x1, y1) * side(x3, y3, x4, y4, x2, y2) < 0) count += 1;
    }
  }
  return { crossings: count, segments: n };
}

/** The smallest prefix of the synthetic folder whose lineage graph has at least `nodes` nodes. */
function graphOfSize(docs: ReadonlyArray<{ file: string; doc: ParsedDocument }>, nodes: number): { plans: number; request: LayoutRequest; edges: number } {
  let [lo, hi] = [1, docs.length];
  const sizeOf = (k: number) => buildLineage(docs.slice(0, k)).nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sizeOf(mid) >= nodes) hi = mid;
    else lo = mid + 1;
  }
  const elements = graphElements(buildLineage(docs.slice(0, lo)));
  return { plans: lo, request: layoutRequest(elements), edges: elements.edges.length };
}

/** Runs the benchmark and prints one line per size and engine. */
export async function graphLayoutBench(seeds: readonly SeedPlan[], budgetSeconds: number): Promise<void> {
  process.stdout.write(`\n5. graph layout engines (Node ${process.version}, each in a worker thread, budget ${budgetSeconds} s; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)\n`);
  const t0 = performance.now();
  const docs = [...synthesize(seeds, { count: 2000, seed: 5 })].map((p) => ({ file: p.file, doc: parseDocument(p.text, { file: p.file }) }));
  process.stdout.write(`  (2,000 synthetic plans parsed in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  for (const size of SIZES) {
    const { plans, request, edges } = graphOfSize(docs, size);
    process.stdout.write(`  ${request.nodes.length} nodes, ${edges} edges, ${request.links.length} citation links between layers (${plans} plans)\n`);
    for (const engine of ENGINES) {
      const run = await inWorker({ engine, request }, budgetSeconds * 1000);
      if (!run) {
        process.stdout.write(`    ${engine.padEnd(11)} stopped after ${budgetSeconds} s\n`);
        continue;
      }
      const { positions, maxRow } = arrange(request, run.order);
      const widths = new Map(request.nodes.map((n) => [n.id, n.width]));
      const aspect = aspectOf(positions, (id) => widths.get(id) ?? 40, LAYOUT_DEFAULTS.place.rowHeight);
      const c = crossings(request, positions);
      process.stdout.write(`    ${engine.padEnd(11)} ${run.ms.toFixed(0).padStart(8)} ms   crossings ${String(c.crossings).padStart(10)} (${c.segments} segments)   width/height ${aspect.toFixed(2)} (rows of ≤ ${maxRow})\n`);
    }
  }
}

if (!isMainThread) {
  void runJob(workerData as Job).then((r) => parentPort?.postMessage(r));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--layout-budget');
  await graphLayoutBench(loadSeeds(fileURLToPath(new URL('../../corpus', import.meta.url))), at > 0 ? Number(process.argv[at + 1]) : 180);
}
