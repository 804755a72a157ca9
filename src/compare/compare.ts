/**
 * Document comparison: clause alignment plus target comparison, as printed by `plandiff compare`.
 */
import { sameSeries } from '../extract/series-identity.js';
import { alignClauses, type AlignOptions } from './align.js';
import { makeFolder } from '../text/fold.js';
import { compareTargets } from './target-compare.js';
import { orientPair, type Orientation } from './orient.js';
import type { Comparison, ParsedDocument, Target, TargetChange } from '../types.js';

/** How B relates to A: 'parent' when B derives from A (a department plan of a province plan),
 * 'peer' for siblings and editions of different years. */
export type CompareRelation = 'parent' | 'peer';

/** Compares the targets of two plans (the targets stage's `compareTargets`). */
export type TargetComparer = (
  a: Target[],
  b: Target[],
  options: { relation: CompareRelation; years?: { a: number | null; b: number | null } },
) => TargetChange[];

/** Options of `compareDocuments`. */
export interface CompareOptions {
  /** How B relates to A; decides whether asking less is "weakened". 'auto' infers it from the documents (levels, citations, series). */
  relation: CompareRelation | 'auto';
  /** Target comparison strategy; null leaves `targets` empty. */
  compareTargets: TargetComparer | null;
  /** Alignment settings (folders default to each document's own abbreviations). */
  align: Partial<AlignOptions>;
  /** With relation 'auto': put the parent on side A when the pair is given child first (see
   * orient.ts). Off by default: A and B stay as given, and `orientation.parent` tells. */
  orient: boolean;
}

/** Defaults: relation inferred, the targets stage's comparer, default alignment. */
export const COMPARE_DEFAULTS: Readonly<CompareOptions> = {
  relation: 'auto',
  compareTargets,
  align: {},
  orient: false,
};

/** One folder per document (its own abbreviations), kept so that repeated comparisons reuse cached work. */
const folders = new WeakMap<ParsedDocument, (text: string) => string>();
function folderOf(doc: ParsedDocument): (text: string) => string {
  let fold = folders.get(doc);
  if (!fold) folders.set(doc, (fold = makeFolder(doc.abbreviations ?? {})));
  return fold;
}

/** A comparison with how its pair was ordered (see orient.ts). */
export type OrientedComparison = Comparison & { orientation: Orientation };

/** Compares plan A (parent or older) with plan B (derivative or newer). With `relation: 'auto'` and
 * `orient`, a pair given child first (B is A's parent by lineage or level) is swapped, and
 * `orientation.swapped` says so. */
export function compareDocuments(first: ParsedDocument, second: ParsedDocument, options: Partial<CompareOptions> = {}): OrientedComparison {
  const o: CompareOptions = { ...COMPARE_DEFAULTS, ...options };
  // two editions of one series (2024 → 2025) are compared year on year, as peers, even when one cites the other
  const editions = o.relation === 'auto' && sameSeries(first.meta, second.meta);
  const found = orientPair(first, second, { relation: editions ? 'peer' : o.relation });
  const swap = found.swapped && o.orient;
  const orientation: Orientation = found.swapped && !swap ? { ...found, swapped: false } : found;
  const [a, b] = swap ? [second, first] : [first, second];
  const relation = orientation.relation === 'parent' && (swap || orientation.parent === 'first') ? 'parent' : 'peer';
  const years = { a: a.meta.year, b: b.meta.year };
  const targets = o.compareTargets ? o.compareTargets(a.targets ?? [], b.targets ?? [], { relation, years }) : [];
  // a matched target vouches for its two clauses (a table row reworded from one year to the next)
  const anchors = targets.filter((t) => t.a && t.b).map((t) => [t.a!.clauseId, t.b!.clauseId] as const);
  const alignments = alignClauses(a.clauses, b.clauses, {
    foldA: folderOf(a),
    foldB: folderOf(b),
    anchors,
    ...o.align,
  });
  return {
    relation,
    a: { ...a.meta, file: a.file },
    b: { ...b.meta, file: b.file },
    alignments,
    targets,
    orientation,
  };
}
