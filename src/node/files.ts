/**
 * The Node edge for documents on disk: checks a path, reads its bytes, decodes them, and lists
 * the plan files of a folder. Every problem is a UserError naming the file and the problem.
 */
import { readFileSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { DEFAULT_LIMITS, ingest, isIngestError, type IngestLimits, type IngestOptions, type OcrReport } from '../ingest/index.js';
import type { SkippedFile, Warning } from '../types.js';
import { nodeOcrOptions } from './ocr.js';

import { UserError } from './user-error.js';
import { comparePaths, printable } from './paths.js';

// defined in their own small modules, so the command line can use them without loading the readers
export { comparePaths, printable, UserError };

/** The legacy .doc reader (LibreOffice, word-extractor), loaded only when a .doc is read. */
async function readLegacyWordLazily(bytes: Uint8Array): ReturnType<typeof import('./doc.js').readLegacyWord> {
  const { readLegacyWord } = await import('./doc.js');
  return readLegacyWord(bytes);
}

/** File extensions read as plans. */
export const PLAN_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.doc', '.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'];

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
  /** Set when the text was read by OCR: the engine and its confidence per page. */
  ocr?: OcrReport;
}

/**
 * Reads and decodes one plan file (any format `ingest` reads), with one-line errors for every bad
 * case. `bytes`: the file's content when the caller read it already (to hash it for the cache).
 */
export async function readPlanFile(path: string, limits: IngestLimits = DEFAULT_LIMITS, options: IngestOptions = {}, bytes: Uint8Array | null = null): Promise<DecodedFile> {
  const name = printable(path);
  let info;
  try {
    // synchronous: one system call, where the promise API hops to the thread pool and back for each file
    info = statSync(path);
  } catch (e) {
    throw new UserError(`${name}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be opened (${errnoText(e)})`}`);
  }
  if (info.isDirectory()) throw new UserError(`${name}: is a folder, expected a file`);
  if (!info.isFile()) throw new UserError(`${name}: is not a regular file`);
  if (info.size > limits.maxBytes) {
    throw new UserError(`${name}: the file is too large (${(info.size / 1048576).toFixed(1)} MB; the limit is ${(limits.maxBytes / 1048576).toFixed(0)} MB)`);
  }
  try {
    // read whole at once (a synchronous read is one system call; the promise API reads in chunks)
    const buffer = bytes ?? readFileSync(path);
    // A plain Uint8Array, not a Buffer: pdf.js refuses Buffers.
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (e) {
    throw new UserError(`${name}: cannot be read (${errnoText(e)})`);
  }
  try {
    const r = await ingest(bytes, basename(path), limits, { legacyWord: readLegacyWordLazily, ocr: nodeOcrOptions(name), ...options });
    return { path, text: r.text, encoding: r.encoding, format: r.format, warnings: r.warnings, ...(r.ocr ? { ocr: r.ocr } : {}) };
  } catch (e) {
    if (isIngestError(e)) throw new UserError(`${name}: ${e.message}`);
    // A reader that breaks on odd content is still one line about the file, never a stack trace.
    throw new UserError(`${name}: could not be read (${String((e as Error)?.message ?? e).split('\n')[0]})`);
  }
}

/** A plan file found in a folder. */
export interface PlanFile {
  /** Path to open (the folder joined with `relative`). */
  path: string;
  /** Path relative to the folder, with the platform's separators. */
  relative: string;
}

/** What a folder holds: the plan files to read, and every entry that could not be looked at. */
export interface FolderScan {
  files: PlanFile[];
  skipped: SkippedFile[];
}

function isPlanName(name: string): boolean {
  const lower = name.toLowerCase();
  return PLAN_EXTENSIONS.some((x) => lower.endsWith(x));
}

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ELOOP' ? 'a loop of symbolic links' : code ?? String((e as Error)?.message ?? e);
}

/**
 * Walks a folder for plan files, recursively, in code-point order. Never throws for what it meets
 * inside: an unreadable subfolder, a dangling link, a FIFO or device, a link that leaves the folder
 * or loops back is reported in `skipped` and the walk goes on. Symbolic links inside the folder are
 * followed once. Hidden entries, node_modules and README files are not plans and are passed over.
 */
export async function scanFolder(dir: string): Promise<FolderScan> {
  let info;
  try {
    info = await stat(dir);
  } catch {
    throw new UserError(`${printable(dir)}: no such folder`);
  }
  if (!info.isDirectory()) throw new UserError(`${printable(dir)}: is a file, expected a folder`);
  const root = await realpath(dir);
  const files: PlanFile[] = [];
  const skipped: SkippedFile[] = [];
  const seenDirs = new Set<string>([root]);
  const seenFiles = new Set<string>();
  const skip = (p: string, error: string): void => {
    skipped.push({ file: relative(dir, p) || p, error });
  };
  const inside = (real: string): boolean => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
  // An explicit stack, not recursion: a deep tree cannot overflow anything.
  const stack: string[] = [dir];
  while (stack.length) {
    const d = stack.pop() as string;
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (e) {
      skip(d, `cannot be listed (${errnoText(e)})`);
      continue;
    }
    entries.sort((a, b) => comparePaths(a.name, b.name));
    const subdirs: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || /^readme\b/iu.test(e.name)) continue;
      const p = join(d, e.name);
      let kind: 'dir' | 'file' | 'other' = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other';
      let real: string | null = null;
      if (e.isSymbolicLink()) {
        try {
          real = await realpath(p);
        } catch (err) {
          if (isPlanName(e.name) || (err as NodeJS.ErrnoException).code === 'ELOOP') skip(p, (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'is a loop of symbolic links' : 'is a symbolic link to nothing (dangling)');
          continue;
        }
        if (!inside(real)) {
          skip(p, 'is a symbolic link that leaves the folder; not followed');
          continue;
        }
        const target = await stat(real).catch(() => null);
        kind = target?.isDirectory() ? 'dir' : target?.isFile() ? 'file' : 'other';
      }
      if (kind === 'dir') {
        const key = real ?? (await realpath(p).catch(() => p));
        if (seenDirs.has(key)) {
          if (real) skip(p, 'is a symbolic link to a folder already read; not read twice');
          continue;
        }
        seenDirs.add(key);
        subdirs.push(p);
      } else if (kind === 'file') {
        if (!isPlanName(e.name)) continue;
        const key = real ?? (await realpath(p).catch(() => p));
        if (seenFiles.has(key)) continue;
        seenFiles.add(key);
        files.push({ path: p, relative: relative(dir, p) });
      } else if (isPlanName(e.name) || !e.isSymbolicLink()) {
        skip(p, e.isFIFO() ? 'is a FIFO (named pipe), not a file' : e.isSocket() ? 'is a socket, not a file' : e.isCharacterDevice() || e.isBlockDevice() ? 'is a device, not a file' : 'is not a regular file');
      }
    }
    for (let k = subdirs.length - 1; k >= 0; k--) stack.push(subdirs[k] as string);
  }
  // Files reached through a link are read once, under the first name in order.
  files.sort((a, b) => comparePaths(a.relative, b.relative));
  skipped.sort((a, b) => comparePaths(a.file, b.file));
  return { files, skipped };
}

/** Lists plan files under a folder, recursively, in code-point order (entries that cannot be read are left out: `scanFolder` reports them). */
export async function listPlanFiles(dir: string): Promise<PlanFile[]> {
  return (await scanFolder(dir)).files;
}
