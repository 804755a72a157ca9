/**
 * Document comparison: clause alignment plus target comparison, as printed by `plandiff compare`.
 */
import { alignClauses, type AlignOptions } from './align.js';
import { makeFolder } from '../text/fold.js';
import { compareTargets } from './target-compare.js';
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
  /** How B relates to A; decides whether asking less is "weakened". 'auto' infers it (see inferRelation). */
  relation: CompareRelation | 'auto';
  /** Target comparison strategy; null leaves `targets` empty. */
  compareTargets: TargetComparer | null;
  /** Alignment settings (folders default to each document's own abbreviations). */
  align: Partial<AlignOptions>;
}

/** Defaults: relation inferred, the targets stage's comparer, default alignment. */
export const COMPARE_DEFAULTS: Readonly<CompareOptions> = {
  relation: 'auto',
  compareTargets,
  align: {},
};

/** One folder per document (its own abbreviations), kept so that repeated comparisons reuse cached work. */
const folders = new WeakMap<ParsedDocument, (text: string) => string>();
function folderOf(doc: ParsedDocument): (text: string) => string {
  let fold = folders.get(doc);
  if (!fold) folders.set(doc, (fold = makeFolder(doc.abbreviations ?? {})));
  return fold;
}

const LEVEL_RANK: Record<string, number> = { national: 0, province: 1, district: 2, department: 2 };

/**
 * 'parent' when B derives from A: B cites A by its number, or A's issuer is a level above B's
 * (a province plan and a department plan); 'peer' otherwise (siblings, two years of one issuer).
 */
export function inferRelation(a: ParsedDocument, b: ParsedDocument): CompareRelation {
  const m = a.meta;
  if (m.number && m.symbol && b.citations.some((c) => c.number === m.number && c.symbol === m.symbol && (c.year === null || c.year === m.year))) return 'parent';
  const la = m.level ? LEVEL_RANK[m.level] : undefined;
  const lb = b.meta.level ? LEVEL_RANK[b.meta.level] : undefined;
  if (la !== undefined && lb !== undefined && la < lb) return 'parent';
  return 'peer';
}

/** Compares plan A (parent or older) with plan B (derivative or newer). */
export function compareDocuments(a: ParsedDocument, b: ParsedDocument, options: Partial<CompareOptions> = {}): Comparison {
  const o: CompareOptions = { ...COMPARE_DEFAULTS, ...options };
  const relation = o.relation === 'auto' ? inferRelation(a, b) : o.relation;
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
  };
}
