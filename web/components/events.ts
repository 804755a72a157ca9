/**
 * The typed events components send up to the app (data flows down as properties). Every event
 * bubbles and crosses shadow roots; `emit` builds them.
 */
import type { LineageRelation } from '../../src/types.js';
import type { Lang } from '../../src/view/i18n.js';
import type { FoldKind } from '../../src/view/fold-explain.js';
import type { ClauseRef, View } from '../../src/view/route.js';

/** Detail of every event, by name. */
export interface PdEvents {
  /** Two plans chosen for a pair view (diff unless `view` says otherwise). */
  'pd-pair-select': { a: string | null; b: string | null; view?: View };
  /** A lineage node chosen (null: close its page). */
  'pd-node-select': { id: string | null };
  /** A lineage edge clicked. */
  'pd-edge-select': { source: string; target: string; relation: LineageRelation };
  /** The graph finished its layout: counts of what it shows and how long it took. */
  'pd-graph-ready': { nodes: number; edges: number; ms: number };
  /** The diff moved to a clause (next/previous change, change list). */
  'pd-clause-focus': { clause: ClauseRef | null };
  /** The kinds of difference the diff should ignore (its "ignore …" toggles). */
  'pd-diff-ignore': { ignore: FoldKind[] };
  /** Files dropped or chosen for upload. */
  'pd-files-drop': { files: File[] };
  /** An uploaded plan to forget. */
  'pd-upload-remove': { file: string };
  /** The user asks for the target comparison as CSV. */
  'pd-export-csv': Record<string, never>;
  /** The language switch. */
  'pd-lang-change': { lang: Lang };
  /** Try loading the corpus again. */
  'pd-retry': Record<string, never>;
  /** The year of the trends' issuer table chosen. */
  'pd-trends-year': { year: number };
  /** The trends view drew its charts. */
  'pd-trends-ready': { series: number; charts: number };
}

/** An event of the app. */
export type PdEvent<K extends keyof PdEvents> = CustomEvent<PdEvents[K]>;

declare global {
  interface HTMLElementEventMap {
    'pd-pair-select': PdEvent<'pd-pair-select'>;
    'pd-node-select': PdEvent<'pd-node-select'>;
    'pd-edge-select': PdEvent<'pd-edge-select'>;
    'pd-graph-ready': PdEvent<'pd-graph-ready'>;
    'pd-clause-focus': PdEvent<'pd-clause-focus'>;
    'pd-diff-ignore': PdEvent<'pd-diff-ignore'>;
    'pd-files-drop': PdEvent<'pd-files-drop'>;
    'pd-upload-remove': PdEvent<'pd-upload-remove'>;
    'pd-export-csv': PdEvent<'pd-export-csv'>;
    'pd-lang-change': PdEvent<'pd-lang-change'>;
    'pd-retry': PdEvent<'pd-retry'>;
    'pd-trends-year': PdEvent<'pd-trends-year'>;
    'pd-trends-ready': PdEvent<'pd-trends-ready'>;
  }
}

/** Sends a typed event up from `host`. */
export function emit<K extends keyof PdEvents>(host: EventTarget, name: K, detail: PdEvents[K]): void {
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
