/**
 * `--format docx|xlsx` of `plandiff compare` and `plandiff fidelity`: the Word report (tracked
 * changes) and the Excel workbook, with the review decisions of the pair when the plans' folder
 * has a review store (.plandiff/review.sqlite; it is read, never created, here).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { reviewItems } from '../compare/review-items.js';
import type { FidelityReport } from '../compare/fidelity.js';
import { UserError } from '../node/files.js';
import { ReviewStore, storeFolderFor, storePath } from '../node/review-store.js';
import type { DecisionMap, DecisionView } from '../report/review-decisions.js';
import type { Comparison } from '../types.js';

/** The binary report formats. */
const BINARY_FORMATS = ['docx', 'xlsx'] as const;

/** The decisions on the pair (A = parent, B = child) from the plans' store, if there is one. */
export function decisionsFor(comparison: Comparison): DecisionMap {
  const a = comparison.a.file;
  const b = comparison.b.file;
  const out = new Map<string, DecisionView>();
  if (!a || !b) return out;
  const folder = storeFolderFor(a, b);
  if (!existsSync(storePath(folder))) return out;
  const store = new ReviewStore(folder);
  try {
    for (const d of store.current(store.relativePlan(a), store.relativePlan(b))) out.set(d.item, d);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  } finally {
    store.close();
  }
  return out;
}

/** Writes the Word or Excel report of a comparison (and its fidelity report) to `output`, or to
 * stdout when it is not a terminal. */
export async function writeBinaryReport(format: string, comparison: Comparison, report: FidelityReport | null, options: { lang: 'vi' | 'en'; output?: string }): Promise<void> {
  if (!options.output && process.stdout.isTTY) throw new UserError(`--format ${format} writes a binary file: pass -o FILE.${format} (or redirect stdout)`);
  const items = reviewItems(comparison, report?.findings ?? []);
  const input = { comparison, report, items, decisions: decisionsFor(comparison), lang: options.lang };
  const bytes =
    format === 'docx'
      ? await (await import('../report/docx.js')).renderDocx(input)
      : await (await import('../report/xlsx.js')).renderXlsx(input);
  if (options.output) {
    await writeFile(options.output, bytes).catch((e: NodeJS.ErrnoException) => {
      throw new UserError(`${options.output}: cannot write (${e.code ?? 'error'})`);
    });
    process.stderr.write(`plandiff: wrote ${options.output}\n`);
  } else process.stdout.write(bytes);
}
