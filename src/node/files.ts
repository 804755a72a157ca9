/**
 * The Node edge for documents on disk: checks a path, reads its bytes, decodes them, and lists
 * the plan files of a folder. Every problem is a UserError naming the file and the problem.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

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
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface DecodedFile {
  path: string;
  text: string;
  encoding: string;
}

/** Decodes the bytes of a text file: UTF-8 with or without BOM; anything else is refused. */
export function decodeText(bytes: Uint8Array, path: string): { text: string; encoding: string } {
  if (bytes.length === 0) throw new UserError(`${path}: the file is empty`);
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let controls = 0;
  for (const b of sample) {
    if (b === 0) throw new UserError(`${path}: this is a binary file, not a text document`);
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) controls += 1;
  }
  if (controls > sample.length * 0.05) throw new UserError(`${path}: this is a binary file, not a text document`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    throw new UserError(`${path}: the text is not valid UTF-8 (save it as UTF-8)`);
  }
  if (text.trim().length === 0) throw new UserError(`${path}: the file has no text`);
  return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
}

/** Reads and decodes one plan file, with one-line errors for every bad case. */
export async function readPlanFile(path: string): Promise<DecodedFile> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UserError(`${path}: no such file`);
  }
  if (info.isDirectory()) throw new UserError(`${path}: is a folder, expected a file`);
  if (!info.isFile()) throw new UserError(`${path}: is not a regular file`);
  if (info.size > MAX_FILE_BYTES) {
    throw new UserError(`${path}: the file is too large (${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new UserError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { path, ...decodeText(bytes, path) };
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
