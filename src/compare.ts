/**
 * Document comparison: clause alignment plus target comparison, as printed by `plandiff compare`.
 */
import { alignClauses, type AlignOptions } from './align.js';
import { makeFolder } from './fold.js';
import { compareTargets } from './target-compare.js';
import type { Comparison, ParsedDocument, Target, TargetChange } from './types.js';

/** How B relates to A: 'parent' when B derives from A (a department plan of a province plan),
 * 'peer' for siblings and editions of different years. */
export type CompareRelation = 'parent' | 'peer';

/** Compares the targets of two plans (the targets stage's `compareTargets`). */
export type TargetComparer = (a: Target[], b: Target[], options: { relation: CompareRelation }) => TargetChange[];

/** Options of `compareDocuments`. */
export interface CompareOptions {
  /** How B relates to A; decides whether asking less is "weakened". */
  relation: CompareRelation;
  /** Target comparison strategy; null leaves `targets` empty. */
  compareTargets: TargetComparer | null;
  /** Alignment settings (folders default to each document's own abbreviations). */
  align: Partial<AlignOptions>;
}

/** Defaults: peers (no weakened/strengthened verdicts), the targets stage's comparer, default alignment. */
export const COMPARE_DEFAULTS: Readonly<CompareOptions> = {
  relation: 'peer',
  compareTargets,
  align: {},
};

/** Compares plan A (parent or older) with plan B (derivative or newer). */
export function compareDocuments(a: ParsedDocument, b: ParsedDocument, options: Partial<CompareOptions> = {}): Comparison {
  const o: CompareOptions = { ...COMPARE_DEFAULTS, ...options };
  const alignments = alignClauses(a.clauses, b.clauses, {
    foldA: makeFolder(a.abbreviations ?? {}),
    foldB: makeFolder(b.abbreviations ?? {}),
    ...o.align,
  });
  const targets = o.compareTargets ? o.compareTargets(a.targets ?? [], b.targets ?? [], { relation: o.relation }) : [];
  return {
    a: { ...a.meta, file: a.file },
    b: { ...b.meta, file: b.file },
    alignments,
    targets,
  };
}
