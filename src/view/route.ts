/**
 * The web view's address: which view is shown and what it shows, kept in the URL hash so that a
 * diff of two plans at one clause can be linked to, bookmarked and reloaded.
 *
 *   #/corpus
 *   #/lineage?node=<node id>
 *   #/trends
 *   #/diff?a=<file>&b=<file>&clause=b:II.1.b
 *   #/diff?a=<file>&b=<file>&warning=b:1234      (the reading warning of B starting at offset 1234)
 *   #/targets?a=<file>&b=<file>
 *   #/fidelity?a=<parent file>&b=<child file>
 */

/** The views of the app, in tab order. */
export const VIEWS = ['corpus', 'lineage', 'trends', 'diff', 'targets', 'fidelity'] as const;

/** One view of the app. */
export type View = (typeof VIEWS)[number];

/** A clause on one side of a comparison. */
export interface ClauseRef {
  /** Side of the pair: a (parent or older), b (derivative or newer). */
  side: 'a' | 'b';
  /** Clause id on that side ("II.1.b"). */
  id: string;
}

/** A reading warning of one side of a comparison, by where its span starts in that plan's text. */
export interface WarningRef {
  /** Side of the pair. */
  side: 'a' | 'b';
  /** Offset of the warning's span start in the original text. */
  at: number;
}

/** What the address asks for. */
export interface Route {
  /** The view shown. */
  view: View;
  /** Plan A (parent or older) of the pair views, by file. */
  a: string | null;
  /** Plan B (derivative or newer) of the pair views, by file. */
  b: string | null;
  /** The clause the diff view scrolls to. */
  clause: ClauseRef | null;
  /** The lineage node whose page is open. */
  node: string | null;
  /** The reading warning the diff view shows (absent unless the address names one). */
  warning?: WarningRef;
}

/** The address of the start page. */
export const HOME: Readonly<Route> = { view: 'corpus', a: null, b: null, clause: null, node: null };

function isView(s: string): s is View {
  return (VIEWS as readonly string[]).includes(s);
}

/** Reads a hash ("#/diff?a=…&b=…"); anything unreadable falls back to the start page, never throws. */
export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#?\/?/, '');
  const q = body.indexOf('?');
  const name = (q < 0 ? body : body.slice(0, q)).replace(/\/+$/, '');
  const view: View = isView(name) ? name : HOME.view;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(q < 0 ? '' : body.slice(q + 1));
  } catch {
    params = new URLSearchParams();
  }
  const value = (k: string): string | null => {
    const v = params.get(k);
    return v && v.trim() ? v : null;
  };
  const warning = parseWarningRef(value('warning'));
  return { view, a: value('a'), b: value('b'), clause: parseClauseRef(value('clause')), node: value('node'), ...(warning ? { warning } : {}) };
}

/** Reads "b:1234"; null when it is not of that shape. */
function parseWarningRef(s: string | null): WarningRef | null {
  const ref = parseClauseRef(s);
  const at = Number(ref?.id);
  return ref && Number.isSafeInteger(at) && at >= 0 && String(at) === ref.id ? { side: ref.side, at } : null;
}

/** Reads "b:II.1.b"; null when it is not of that shape. */
export function parseClauseRef(s: string | null): ClauseRef | null {
  if (!s) return null;
  const side = s.slice(0, 2);
  if ((side !== 'a:' && side !== 'b:') || s.length < 3) return null;
  return { side: side[0] as 'a' | 'b', id: s.slice(2) };
}

/** Writes a route as a hash; parameters the view does not use are left out. */
export function formatRoute(route: Partial<Route> & { view: View }): string {
  const params = new URLSearchParams();
  const pair = route.view === 'diff' || route.view === 'targets' || route.view === 'fidelity';
  if (pair && route.a) params.set('a', route.a);
  if (pair && route.b) params.set('b', route.b);
  if (route.view === 'diff' && route.clause) params.set('clause', `${route.clause.side}:${route.clause.id}`);
  if (route.view === 'diff' && route.warning) params.set('warning', `${route.warning.side}:${route.warning.at}`);
  if (route.view === 'lineage' && route.node) params.set('node', route.node);
  const query = params.toString();
  return `#/${route.view}${query ? `?${query}` : ''}`;
}
