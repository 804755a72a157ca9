/**
 * `--format docx|xlsx` of `plandiff compare` and `plandiff fidelity`: the Word report (tracked
 * changes) and the Excel workbook, with the review decisions of the pair when the plans' folder
 * has a review store (.plandiff/review.sqlite; it is read, never created, here); for a folder
 * (`plandiff fidelity DIR --parent P`), the matrix report with the decisions of every pair.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { reviewItems } from '../compare/review-items.js';
import type { FidelityMatrix, FidelityReport } from '../compare/fidelity.js';
import { UserError } from '../node/files.js';
import { ReviewStore, storeFolderFor, storePath } from '../node/review-store.js';
import type { DecisionMap, DecisionView } from '../report/review-decisions.js';
import type { Comparison } from '../types.js';
import type { CliIo } from './io.js';

/** The binary report formats. */
const BINARY_FORMATS = ['docx', 'xlsx'] as const;

/** The decisions on a pair (parent → child) from the plans' store, if there is one. */
function decisionsOfPair(parent: string | null, child: string | null): DecisionMap {
  const out = new Map<string, DecisionView>();
  if (!parent || !child) return out;
  const folder = storeFolderFor(parent, child);
  if (!existsSync(storePath(folder))) return out;
  const store = new ReviewStore(folder);
  try {
    for (const d of store.current(store.relativePlan(parent), store.relativePlan(child))) out.set(d.item, d);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  } finally {
    store.close();
  }
  return out;
}

/** The decisions on the pair (A = parent, B = child) from the plans' store, if there is one. */
export function decisionsFor(comparison: Comparison): DecisionMap {
  return decisionsOfPair(comparison.a.file, comparison.b.file);
}

/** Writes report bytes to `output`, or to stdout when it is not a terminal. */
async function writeBytes(io: CliIo, bytes: Uint8Array, output: string | undefined): Promise<void> {
  if (output) {
    await writeFile(output, bytes).catch((e: NodeJS.ErrnoException) => {
      throw new UserError(`${output}: cannot write (${e.code ?? 'error'})`);
    });
    io.stderr.write(`plandiff: wrote ${output}\n`);
  } else io.stdout.write(bytes);
}

function refuseTerminal(io: CliIo, format: string, output: string | undefined): void {
  if (!output && io.stdout.isTTY) throw new UserError(`--format ${format} writes a binary file: pass -o FILE.${format} (or redirect stdout)`);
}

/** Writes the Word or Excel report of a comparison (and its fidelity report) to `output`, or to
 * stdout when it is not a terminal. */
export async function writeBinaryReport(io: CliIo, format: string, comparison: Comparison, report: FidelityReport | null, options: { lang: 'vi' | 'en'; output?: string }): Promise<void> {
  refuseTerminal(io, format, options.output);
  const items = reviewItems(comparison, report?.findings ?? []);
  const input = { comparison, report, items, decisions: decisionsFor(comparison), lang: options.lang };
  const bytes =
    format === 'docx'
      ? await (await import('../report/docx.js')).renderDocx(input)
      : await (await import('../report/xlsx.js')).renderXlsx(input);
  await writeBytes(io, bytes, options.output);
}

/** Writes the Word or Excel report of a folder's fidelity matrix — each plan against the parent,
 * with the decisions of each pair from the plans' store — to `output` or stdout. */
export async function writeMatrixReport(io: CliIo, format: string, matrix: FidelityMatrix, options: { lang: 'vi' | 'en'; output?: string }): Promise<void> {
  refuseTerminal(io, format, options.output);
  const input = { matrix, decisions: matrix.reports.map((r) => decisionsOfPair(r.parent.file, r.child.file)), lang: options.lang };
  const bytes =
    format === 'docx'
      ? await (await import('../report/matrix-docx.js')).renderMatrixDocx(input)
      : await (await import('../report/xlsx.js')).renderMatrixXlsx(input);
  await writeBytes(io, bytes, options.output);
}
