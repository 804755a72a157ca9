/**
 * The lineage graph's layout, run off the main thread. The component asks `layoutPositions` for
 * its elements' positions before it adds any of them to Cytoscape, so that each element is added
 * where it stays (styled, measured and drawn once). The layout request (`layoutRequest`: node
 * ids, layers, widths and the citation links between layers) goes to a module worker of its own
 * (web/app/layout.worker.ts), started — and its code fetched — on the first graph drawn, which
 * answers with every node's position (`layeredLayout`, src/view/graph-layout.ts: barycentre
 * ordering, rows wrapped towards a screen's aspect). Where a module worker cannot start, the same
 * code is loaded and run on the main thread. A request overtaken by a newer one is answered but
 * dropped by the caller (the component checks that its elements are still the ones drawn).
 */
import { layoutRequest, type GraphElements } from '../../../src/view/graph-view.js';
import type { LayoutOptions, LayoutRequest } from '../../../src/view/graph-layout.js';

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

/** Model positions of the nodes by id. */
export type Positions = Map<string, { x: number; y: number }>;

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

/** Where each node of `elements` goes (`layeredLayout` with `options` over its LAYOUT_DEFAULTS), computed in
 * the layout worker or, without one, by the same code on the main thread; and where that was. */
export async function layoutPositions(elements: GraphElements, options: Partial<LayoutOptions> = {}): Promise<{ positions: Positions; thread: LayoutThread }> {
  const request = layoutRequest(elements);
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
