/**
 * Reading the plans a command was given: single files, and folders walked for every plan they
 * hold. A folder run never loses a file silently: each entry that cannot be read is one line on
 * stderr ("plandiff: skipped FILE: why"), listed in the JSON's `skipped`, and the exit status is 3
 * (results printed, some input skipped); the other files' results are all there.
 */
import { realpath } from 'node:fs/promises';
import { parseDocument } from '../read/parse.js';
import { comparePaths, printable, readPlanFile, scanFolder, UserError, type PlanFile } from '../node/files.js';
import type { ParsedDocument, SkippedFile } from '../types.js';

/** Exit status of a folder run that printed its results but skipped some input. */
export const EXIT_SKIPPED = 3;

/** Reads and parses one plan file; reading warnings join the document's own. */
export async function loadPlan(path: string): Promise<ParsedDocument> {
  const file = await readPlanFile(path);
  const doc = parseDocument(file.text, { file: path, encoding: file.encoding });
  doc.meta.warnings.push(...file.warnings);
  if (file.ocr) doc.meta.ocr = file.ocr;
  return doc;
}

/** The plan files of a folder, with what could not be listed. */
export async function gatherFolder(dir: string): Promise<{ files: PlanFile[]; skipped: SkippedFile[] }> {
  const scan = await scanFolder(dir);
  for (const s of scan.skipped) reportSkipped(s);
  return scan;
}

/** Files and folders given on the command line, in order; folders walked. */
export async function gatherPaths(paths: string[]): Promise<{ files: PlanFile[]; skipped: SkippedFile[] }> {
  const files: PlanFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const p of paths) {
    try {
      const scan = await gatherFolder(p);
      files.push(...scan.files);
      skipped.push(...scan.skipped);
    } catch (e) {
      if (e instanceof UserError && /is a file, expected a folder/.test(e.message)) files.push({ path: p, relative: p });
      else throw e;
    }
  }
  return { files, skipped };
}

/**
 * Reads and parses each file in order, handing each document to `use`; a file that fails for any
 * reason is reported and recorded in `skipped`, and the run goes on.
 */
export async function loadEach(files: PlanFile[], skipped: SkippedFile[], use: (file: PlanFile, doc: ParsedDocument) => void | Promise<void>): Promise<void> {
  for (const f of files) {
    let doc: ParsedDocument;
    try {
      doc = await loadPlan(f.path);
    } catch (e) {
      const s = { file: f.relative, error: reasonOf(e, f.path) };
      skipped.push(s);
      reportSkipped(s);
      continue;
    }
    await use(f, doc);
  }
}

/** Sets the exit status of a folder run: 3 when anything was skipped. */
export function finishFolderRun(skipped: SkippedFile[]): void {
  skipped.sort((a, b) => comparePaths(a.file, b.file));
  if (skipped.length && !process.exitCode) process.exitCode = EXIT_SKIPPED;
}

/** True when two paths name one file (after links), so a plan is never judged against itself. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
  return x === y;
}

function reportSkipped(s: SkippedFile): void {
  process.stderr.write(`plandiff: skipped ${printable(s.file)}: ${s.error}\n`);
}

/** The one-line reason of a failure, without the file name that UserError messages start with. */
function reasonOf(e: unknown, path: string): string {
  const message = String((e as Error)?.message ?? e).split('\n')[0] ?? '';
  const prefix = `${printable(path)}: `;
  if (e instanceof UserError) return message.startsWith(prefix) ? message.slice(prefix.length) : message;
  return `could not be analysed (${message})`;
}
