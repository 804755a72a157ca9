/**
 * The Node edge for documents on disk: checks a path, reads its bytes, decodes them, and lists
 * the plan files of a folder. Every problem is a UserError naming the file and the problem.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { DEFAULT_LIMITS, ingest, isIngestError, type IngestLimits } from '../ingest/index.js';
import type { Warning } from '../types.js';

/** A problem with the user's input: printed as one line, never with a stack trace. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** File extensions read as plans. */
export const PLAN_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf'];

/** Largest file read, in bytes. */
export const MAX_FILE_BYTES = DEFAULT_LIMITS.maxBytes;

export interface DecodedFile {
  path: string;
  text: string;
  /** How the bytes were decoded ("utf-8", "utf-8-bom", "tcvn3", …). */
  encoding: string;
  /** The format read (txt, md, html, docx, pdf). */
  format: string;
  /** Oddities met while reading (a table the PDF reader could not rebuild, …). */
  warnings: Warning[];
}

/** Reads and decodes one plan file (any format `ingest` reads), with one-line errors for every bad case. */
export async function readPlanFile(path: string, limits: IngestLimits = DEFAULT_LIMITS): Promise<DecodedFile> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UserError(`${path}: no such file`);
  }
  if (info.isDirectory()) throw new UserError(`${path}: is a folder, expected a file`);
  if (!info.isFile()) throw new UserError(`${path}: is not a regular file`);
  if (info.size > limits.maxBytes) {
    throw new UserError(`${path}: the file is too large (${(info.size / 1048576).toFixed(1)} MB; the limit is ${(limits.maxBytes / 1048576).toFixed(0)} MB)`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new UserError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const r = await ingest(bytes, basename(path), limits);
    return { path, text: r.text, encoding: r.encoding, format: r.format, warnings: r.warnings };
  } catch (e) {
    if (isIngestError(e)) throw new UserError(`${path}: ${e.message}`);
    throw e;
  }
}

/** Lists plan files under a folder, recursively, sorted; relative paths are relative to the folder. */
export async function listPlanFiles(dir: string): Promise<Array<{ path: string; relative: string }>> {
  let info;
  try {
    info = await stat(dir);
  } catch {
    throw new UserError(`${dir}: no such folder`);
  }
  if (!info.isDirectory()) throw new UserError(`${dir}: is a file, expected a folder`);
  const out: Array<{ path: string; relative: string }> = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || /^readme\b/iu.test(e.name)) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && PLAN_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x))) out.push({ path: p, relative: relative(dir, p) });
    }
  };
  await walk(dir);
  return out;
}
