/**
 * The lineage graph's layout, run off the main thread. The component hands its elements to
 * `runLayout`; their layout request (`layoutRequest`: node ids, layers, widths and the citation
 * links between layers) goes to a module worker of its own (web/app/layout.worker.ts), started —
 * and its code fetched — on the first graph drawn, which answers with every node's position
 * (`layeredLayout`, src/view/graph-layout.ts: barycentre ordering, rows wrapped towards a screen's
 * aspect). The positions are set in one batch. Where a module worker cannot start, the same code
 * is loaded and run on the main thread. A request overtaken by a newer one is answered but dropped
 * by the caller (the component checks that its elements are still the ones drawn).
 */
import type { Core } from 'cytoscape';
import { layoutRequest, type GraphElements } from '../../../src/view/graph-view.js';
import type { LayoutOptions, LayoutRequest } from '../../../src/view/graph-layout.js';

/** Options of the graph's layout (see LAYOUT_DEFAULTS in src/view/graph-layout.ts), and of fitting the view afterwards. */
export const defaults = {
  /** Fit the graph to the viewport when done. */
  fit: true,
  /** Padding around the fitted graph (pixels). */
  padding: 24,
  /** Passed to `layeredLayout`; empty: its defaults. */
  layout: {} as Partial<LayoutOptions>,
};

/** A request to the layout worker. */
export interface LayoutCall {
  id: number;
  request: LayoutRequest;
  options: Partial<LayoutOptions>;
}

/** The layout worker's answer. */
export type LayoutReply =
  | { id: number; kind: 'result'; positions: Map<string, { x: number; y: number }>; maxRow: number; ms: number }
  | { id: number; kind: 'error'; message: string };

/** Where the last layout ran: in the layout worker, or on the main thread when no worker could start. */
export type LayoutThread = 'worker' | 'main';

type Positions = Map<string, { x: number; y: number }>;

let worker: Worker | null | undefined;
let next = 1;
const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

/** The layout worker, started on first use; null when module workers cannot start here. */
function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('../../app/layout.worker.ts', import.meta.url), { type: 'module', name: 'plandiff-layout' });
    worker.onmessage = (e: MessageEvent<LayoutReply>) => {
      const reply = e.data;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.kind === 'result') p.resolve(reply.positions);
      else p.reject(new Error(reply.message));
    };
    worker.onerror = (e) => {
      const error = new Error(e.message || 'the layout worker failed');
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Positions from the worker (or, without one, from the same code on the main thread). */
async function positionsOf(request: LayoutRequest, options: Partial<LayoutOptions>): Promise<{ positions: Positions; thread: LayoutThread }> {
  const w = layoutWorker();
  if (!w) {
    const { layeredLayout } = await import('../../../src/view/graph-layout.js');
    return { positions: layeredLayout(request, options).positions, thread: 'main' };
  }
  const id = next++;
  const positions = await new Promise<Positions>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, request, options } satisfies LayoutCall);
  });
  return { positions, thread: 'worker' };
}

/**
 * Lays the elements out in their layers and moves Cytoscape's nodes there; resolves with where the
 * layout ran, or null when `stale()` says the elements were replaced meanwhile (nothing is moved).
 */
export async function runLayout(cy: Core, elements: GraphElements, stale: () => boolean, options: Partial<typeof defaults> = {}): Promise<LayoutThread | null> {
  const o = { ...defaults, ...options };
  const { positions, thread } = await positionsOf(layoutRequest(elements), o.layout);
  if (stale() || cy.destroyed()) return null;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const p = positions.get(n.id());
      if (p) n.position(p);
    });
  });
  if (o.fit) cy.fit(cy.nodes(':visible'), o.padding);
  return thread;
}
