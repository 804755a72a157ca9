/**
 * The layout worker: lays the lineage graph out (src/view/graph-layout.ts) off the main thread, so
 * ordering and placing thousands of nodes never freezes the page. Started on the first graph drawn
 * (web/components/lineage-graph/graph-layout.ts); each request is answered with the positions, or
 * with the error's message.
 */
import { layeredLayout } from '../../src/view/graph-layout.js';
import type { LayoutReply, LayoutCall } from '../components/lineage-graph/graph-layout.js';

const scope = self as unknown as { postMessage(m: LayoutReply): void; onmessage: ((e: MessageEvent<LayoutCall>) => void) | null };

scope.onmessage = (event) => {
  const { id, request, options } = event.data;
  const start = performance.now();
  try {
    const { positions, maxRow } = layeredLayout(request, options);
    scope.postMessage({ id, kind: 'result', positions, maxRow, ms: performance.now() - start });
  } catch (e) {
    scope.postMessage({ id, kind: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
