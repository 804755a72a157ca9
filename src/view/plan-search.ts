/**
 * The plan picker's model: which plans a typed query finds (title, issuer, year, number, level in
 * either language, file; case and diacritics ignored), best first, and the recent pairs it offers.
 */
import { searchForm, type CorpusRow } from './corpus.js';
import { levelLabel } from './i18n.js';

/** Most pairs remembered as recent. */
export const RECENT_PAIRS = 6;

/** A pair of plans opened together. */
export interface PlanPair {
  a: string;
  b: string;
}

/** The words a plan answers to beyond the corpus search: its level in both languages and its year. */
function extra(r: CorpusRow): string {
  return searchForm([r.level ? `${levelLabel('vi', r.level)} ${levelLabel('en', r.level)}` : '', r.year ?? ''].join(' '));
}

/**
 * The plans a query finds: every word of it in the plan's title, issuer, file, number, type,
 * level or year. Plans whose title starts with the query come first; otherwise the order given.
 */
export function matchPlans(rows: readonly CorpusRow[], query: string): CorpusRow[] {
  const words = searchForm(query).split(' ').filter(Boolean);
  if (!words.length) return [...rows];
  const found = rows.filter((r) => words.every((w) => r.haystack.includes(w) || extra(r).includes(w)));
  const q = searchForm(query);
  const starts = found.filter((r) => searchForm(r.title).startsWith(q));
  return [...starts, ...found.filter((r) => !starts.includes(r))];
}

/** The recent pairs with a new one in front (once), the oldest dropped past RECENT_PAIRS. */
export function rememberPair(recent: readonly PlanPair[], pair: PlanPair): PlanPair[] {
  return [pair, ...recent.filter((p) => p.a !== pair.a || p.b !== pair.b)].slice(0, RECENT_PAIRS);
}

/** Reads a stored list of recent pairs; anything else gives []. */
export function parseRecent(stored: string | null): PlanPair[] {
  if (!stored) return [];
  try {
    const list: unknown = JSON.parse(stored);
    if (!Array.isArray(list)) return [];
    return list.filter((p): p is PlanPair => !!p && typeof p.a === 'string' && typeof p.b === 'string').slice(0, RECENT_PAIRS);
  } catch {
    return [];
  }
}
