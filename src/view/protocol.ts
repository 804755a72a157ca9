/**
 * The messages between the app controller (main thread) and the analysis worker: one typed call
 * per workspace operation, answered once with a result or an error, with progress on the way.
 * `dispatch` runs a call on a workspace; the worker is only a message pump around it.
 */
import type { LineageGraph, Comparison } from '../types.js';
import type { FidelityResult, PlanBytes, PlanSummary, TrendsResult, Workspace } from './workspace.js';

/** Every call the worker answers: its arguments and its result. */
export interface AnalysisCalls {
  /** Read plans from their bytes (corpus files or uploads). */
  add: { args: { files: PlanBytes[] }; result: PlanSummary[] };
  /** Forget a plan. */
  remove: { args: { file: string }; result: null };
  /** The lineage graph of the corpus (and of the readable uploads, with `uploads`). */
  lineage: { args: { uploads?: boolean }; result: LineageGraph };
  /** Compare A (parent or older) with B (derivative or newer). */
  compare: { args: { a: string; b: string; relation?: 'auto' | 'parent' | 'peer' }; result: Comparison };
  /** Fidelity of a child to its parent, with a matrix over other plans. */
  fidelity: { args: { parent: string; child: string; others: string[] }; result: FidelityResult };
  /** Series over the years, and one year's plans side by side by issuer. */
  trends: { args: { year: number | null }; result: TrendsResult };
}

/** The name of a call. */
export type CallName = keyof AnalysisCalls;

/** A call sent to the worker. */
export interface CallMessage<K extends CallName = CallName> {
  /** Ties the answer to the call. */
  id: number;
  call: K;
  args: AnalysisCalls[K]['args'];
}

/** What the worker posts back: progress, then exactly one result or error. */
export type ReplyMessage =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'result'; result: unknown; ms: number }
  | { id: number; kind: 'error'; message: string };

/** Runs one call on a workspace. `onProgress` is told (done, total) as plans are read. */
export async function dispatch<K extends CallName>(
  workspace: Workspace,
  call: K,
  args: AnalysisCalls[K]['args'],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<AnalysisCalls[K]['result']> {
  type R = AnalysisCalls[K]['result'];
  switch (call) {
    case 'add': {
      const { files } = args as AnalysisCalls['add']['args'];
      const out: PlanSummary[] = [];
      for (const f of files) {
        out.push(await workspace.add(f));
        onProgress(out.length, files.length);
      }
      return out as R;
    }
    case 'remove':
      workspace.remove((args as AnalysisCalls['remove']['args']).file);
      return null as R;
    case 'lineage':
      return workspace.lineage({ uploads: !!(args as AnalysisCalls['lineage']['args'])?.uploads }) as R;
    case 'compare': {
      const { a, b, relation } = args as AnalysisCalls['compare']['args'];
      return workspace.compare(a, b, relation ?? 'auto') as R;
    }
    case 'fidelity': {
      const { parent, child, others } = args as AnalysisCalls['fidelity']['args'];
      return workspace.fidelity(parent, child, others) as R;
    }
    case 'trends':
      return workspace.trends((args as AnalysisCalls['trends']['args']).year) as R;
    default:
      throw new Error(`unknown analysis call "${String(call)}": expected add, remove, lineage, compare, fidelity or trends`);
  }
}
