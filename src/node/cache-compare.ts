/**
 * The comparison of two plan files through the cache: `plandiff compare A B` run again on the
 * same two files (a reviewer re-running it, or asking for another output format) reads the
 * comparison back instead of aligning the plans again, and then loads neither the plans nor the
 * comparison code.
 *
 * The entry's key (see {@link comparisonKey}) is made of both plans' cache keys (their bytes, names
 * and reading options: cache-plan.ts), the fingerprint of the comparison code, and every option
 * that changes the comparison (the relation asked for, whether the pair may be swapped); not the
 * output format, which is made from the comparison. The entry lives in the folder of the parser's
 * version (cache.ts), so a new parser makes new entries too. The files' paths are not part of
 * it: they are put back from the command line. What is read at run time after the comparison —
 * the review decisions a Word or Excel report shows — is read fresh every time.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompareRelation, OrientedComparison } from '../compare/compare.js';
import type { Deadline } from '../text/deadline.js';
import type { ParsedDocument } from '../types.js';
import { openCache, packageVersion, programFingerprint } from './cache.js';
import { planKey } from './cache-plan.js';
import { runSettings } from './run-settings.js';

/** What `plandiff compare` asks of one comparison. */
export interface PairRequest {
  /** The relation asked for ('auto' infers it, and puts the parent first). */
  relation: CompareRelation | 'auto';
  /** The comparison's time budget, started once both plans are read. */
  deadline: () => Deadline;
  /** Reads one plan file (the command line's loadPlan: through the cache of parsed documents). */
  load: (path: string) => Promise<ParsedDocument>;
}

/** How a comparison was got: read back, made (no entry, or one not trusted: then rewritten), or made with the cache off. */
export type PairSource = 'cached' | 'compared' | 'rejected' | 'uncached';

/** The comparison of a pair and how it was got. */
export interface PairResult {
  comparison: OrientedComparison;
  source: PairSource;
}

/** The options of compareDocuments a request gives. */
function compareOptions(relation: PairRequest['relation']): { relation: PairRequest['relation']; orient: boolean } {
  return { relation, orient: relation === 'auto' };
}

/** Compares the plans of two files: relation 'auto' orients the pair (parent first). */
async function compareFiles(a: string, b: string, request: PairRequest): Promise<OrientedComparison> {
  const [da, db] = [await request.load(a), await request.load(b)];
  const { compareDocuments } = await import('../compare/compare.js');
  return compareDocuments(da, db, { ...compareOptions(request.relation), align: { deadline: request.deadline() } });
}

let comparisonProgram: string | null = null;

/** This module's file name outside the bundle (tsc's output, the TypeScript sources). */
const UNBUNDLED_NAME = /^cache-compare\.[jt]s$/u;

/**
 * The fingerprint of the comparison code: this module and every module it imports, the comparison
 * (imported above, on a miss) among them. In the bundle this module is a chunk whose name hashes
 * its code, and that code names the chunks it imports by names hashing theirs (vite.cli.config.ts
 * chunkFileNames): its own text is enough, and hashing the ~25 chunks below it would cost more than
 * the lookup saves.
 */
function comparisonFingerprint(): string {
  if (comparisonProgram) return comparisonProgram;
  const self = fileURLToPath(import.meta.url);
  if (UNBUNDLED_NAME.test(basename(self))) comparisonProgram = programFingerprint(self, packageVersion(self));
  else comparisonProgram = `${packageVersion(self)}-${createHash('sha256').update(readFileSync(self)).digest('hex').slice(0, 16)}`;
  return comparisonProgram;
}

/** The key of a comparison: both plans' keys in the order given, the comparison code, and its options. */
function comparisonKey(keyA: string, keyB: string, relation: PairRequest['relation'], program: string = comparisonFingerprint()): string {
  return createHash('sha256').update(`comparison\u0000${program}\u0000${keyA}\u0000${keyB}\u0000${JSON.stringify(compareOptions(relation))}`).digest('hex');
}

/** A stored comparison as {@link compareFiles} made it, with the files' paths put back; null when it is not one. */
function restore(stored: OrientedComparison, sides: unknown, a: string, b: string): OrientedComparison | null {
  const o = stored.orientation as unknown;
  if (!o || typeof o !== 'object' || typeof (o as { swapped?: unknown }).swapped !== 'boolean' || !Array.isArray((o as { warnings?: unknown }).warnings)) return null;
  if (!Array.isArray(sides) || sides.length !== 2 || !sides.every((s) => s === 0 || s === 1 || s === null)) return null;
  const paths = [a, b];
  stored.a.file = sides[0] === null ? null : paths[sides[0] as number]!;
  stored.b.file = sides[1] === null ? null : paths[sides[1] as number]!;
  return stored;
}

/**
 * Which file given (0 = first, 1 = second) each side of a comparison is, null for a side of no
 * file; null when a side names another file (then the comparison is not stored).
 */
function sidesOf(c: OrientedComparison, a: string, b: string): Array<0 | 1 | null> | null {
  const which = (file: string | null, given: 0 | 1): 0 | 1 | null | undefined => (file === null ? null : file === [a, b][given] ? given : undefined);
  const sides = [which(c.a.file, c.orientation.swapped ? 1 : 0), which(c.b.file, c.orientation.swapped ? 0 : 1)];
  return sides.includes(undefined) ? null : (sides as Array<0 | 1 | null>);
}

/**
 * The comparison of plan files `a` and `b` (as `plandiff compare a b` makes it): read back from
 * the cache when this pair of contents was compared before with the same options by the same
 * code, else made and stored. With the cache off (`--no-cache`), made and not stored.
 */
export async function comparePlanFiles(a: string, b: string, request: PairRequest): Promise<PairResult> {
  if (!runSettings.cache) return { comparison: await compareFiles(a, b, request), source: 'uncached' };
  const [ka, kb] = [await planKey(a), await planKey(b)];
  // a file that cannot be read: the reader says why
  if (!ka.key || !kb.key) return { comparison: await compareFiles(a, b, request), source: 'uncached' };
  const cache = openCache(dirname(a));
  const key = comparisonKey(ka.key, kb.key, request.relation);
  const entry = await cache.getComparison(key);
  const stored = entry ? restore(entry.comparison as OrientedComparison, entry.sides, a, b) : null;
  if (stored) return { comparison: stored, source: 'cached' };
  const comparison = await compareFiles(a, b, request);
  const files = [comparison.a.file, comparison.b.file];
  const sides = sidesOf(comparison, a, b);
  if (!sides) return { comparison, source: 'uncached' };
  // stored without the paths (the same contents elsewhere are the same comparison), then given back
  [comparison.a.file, comparison.b.file] = [null, null];
  await cache.putComparison(key, comparison, sides);
  [comparison.a.file, comparison.b.file] = files as [string | null, string | null];
  return { comparison, source: entry ? 'rejected' : 'compared' };
}
