/**
 * Hand-made clause alignments of real document pairs (test/compare/real-pairs.json): loading them and
 * scoring a comparison against them, row by row. Used by the tests and by `npm run calibrate`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Alignment } from '../types.js';

/** One labelled pair: which clauses pair with which; all others in scope stay unpaired. */
export interface LabelledPair {
  /** What the pair is, in a sentence. */
  name: string;
  /** Which kind of real pair (siblings, decree-levels, two-provinces, …). */
  kind: string;
  /** File names of A and B in the real corpus folder. */
  a: string;
  b: string;
  /** Clause ids [A, B] that must be aligned together (each part of a merge or split listed). */
  pairs: Array<[string, string]>;
  /** Clauses not scored ("a:ID" or "b:ID"): their counterpart is a matter of judgement. */
  unsure: string[];
  /** When given, only these clauses are labelled. */
  scope?: { a: string[]; b: string[] };
  /** Share of rows right the pair must keep when below the 0.9 asked of every pair (what the aligner reached when it was labelled). */
  floor?: number;
}

/** One labelled row and whether the comparison met it. */
export interface LabelRow {
  /** "A ↔ B", "- A" (must stay unpaired in A) or "+ B" (unpaired in B). */
  row: string;
  ok: boolean;
}

/** Reads the labels file; an empty list when it is absent. */
export function readLabels(file: string): LabelledPair[] {
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pairs?: LabelledPair[] };
  return parsed.pairs ?? [];
}

/** The two files of a labelled pair in `dir`, or null when either is missing. */
export function labelledFiles(dir: string, pair: LabelledPair): { a: string; b: string } | null {
  const a = join(dir, pair.a);
  const b = join(dir, pair.b);
  return existsSync(a) && existsSync(b) ? { a, b } : null;
}

/**
 * Scores alignments against a labelled pair: a pair row is met when one alignment holds both clauses;
 * an unpaired row when every alignment holding the clause has nothing on the other side. `idsA` and
 * `idsB` are all clause ids of A and B that take part (used when the pair has no scope).
 */
export function scoreLabels(pair: LabelledPair, als: readonly Alignment[], idsA: readonly string[], idsB: readonly string[]): LabelRow[] {
  const rows: LabelRow[] = [];
  for (const [a, b] of pair.pairs) rows.push({ row: `${a} ↔ ${b}`, ok: als.some((al) => al.a?.id === a && al.b?.id === b) });
  const paired = { a: new Set(pair.pairs.map((p) => p[0])), b: new Set(pair.pairs.map((p) => p[1])) };
  const unsure = new Set(pair.unsure);
  for (const side of ['a', 'b'] as const) {
    const other = side === 'a' ? 'b' : 'a';
    for (const id of pair.scope ? pair.scope[side] : side === 'a' ? idsA : idsB) {
      if (paired[side].has(id) || unsure.has(`${side}:${id}`)) continue;
      const holding = als.filter((al) => al[side]?.id === id);
      rows.push({ row: `${side === 'a' ? '-' : '+'} ${id}`, ok: holding.length > 0 && holding.every((al) => al[other] === null) });
    }
  }
  return rows;
}
