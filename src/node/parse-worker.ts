/**
 * Reading and parsing one plan file, the unit of work of a folder run: `parsePlanFile` (used in
 * the main thread for one thread, and by the worker threads of pool.ts), and the worker's message
 * loop when this module runs as a worker. The cache (cache.ts) is consulted by content hash first.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseDocument } from '../read/parse.js';
import type { ParsedDocument } from '../types.js';
import { DocumentCache, entryKey } from './cache.js';
import { chosenDocReader } from './doc.js';
import { DEFAULT_LIMITS, Deadline, isIngestError } from '../ingest/index.js';
import { isTimeLimitError } from '../text/deadline.js';
import { printable, readPlanFile, UserError } from './files.js';
import { configureOcr } from './ocr.js';
import { runSettings, timeLimitMs, type OcrFlags } from './run-settings.js';

/** Reads and parses one plan file exactly as the single-file commands do (ingest warnings included in meta). */
export async function parsePlanFileUncached(path: string): Promise<ParsedDocument> {
  // One time budget for reading and parsing the file (issue 11: every file ends within it); a file
  // read by OCR or converted by LibreOffice spent its time in those programs, under their own limits.
  const limits = { ...DEFAULT_LIMITS, timeMs: timeLimitMs() };
  const deadline = new Deadline(limits.timeMs);
  const file = await readPlanFile(path, limits, { deadline });
  let doc: ParsedDocument;
  try {
    doc = parseDocument(file.text, { file: path, encoding: file.encoding, ...(file.encoding === 'ocr' || file.format === 'doc' ? {} : { deadline }) });
  } catch (e) {
    // a spent budget is a fact about the file, said in one line like any reading problem
    if (isIngestError(e) || isTimeLimitError(e)) throw new UserError(`${printable(path)}: ${(e as Error).message.replace(/^.*?: (took longer)/u, '$1')}`);
    throw e;
  }
  doc.meta.warnings.push(...file.warnings);
  if (file.ocr) doc.meta.ocr = file.ocr;
  return doc;
}

/**
 * Reads and parses one plan file; with a cache, a plan whose bytes were parsed before by this
 * program version is read back from it instead (and a fresh parse is stored).
 */
export async function parsePlanFile(path: string, cache: DocumentCache | null = null): Promise<ParsedDocument> {
  if (!cache) return parsePlanFileUncached(path);
  let key: string | null = null;
  try {
    // the OCR mode is part of what was read: "--ocr force" reads a PDF's pages, not its text layer
    // so is the .doc reader: LibreOffice keeps Word's numbering, word-extractor does not
    const doc = /\.do[ct]$/iu.test(path) ? `\u0000doc=${chosenDocReader()}` : '';
    key = entryKey(await readFile(path), `${basename(path)}\u0000ocr=${runSettings.ocr.ocr ?? 'auto'}${doc}`);
  } catch {
    // unreadable: readPlanFile below says why, in its own words
  }
  if (key) {
    const hit = await cache.get(key);
    if (hit) {
      hit.file = path;
      return hit;
    }
  }
  const doc = await parsePlanFileUncached(path);
  if (key) await cache.put(key, doc);
  return doc;
}

/** What the pool sends a worker: parse this file. */
export interface ParseRequest {
  /** Sequence number, echoed in the reply. */
  seq: number;
  path: string;
}

/** What a worker sends back. */
export type ParseReply =
  | { seq: number; kind: 'parsed'; doc: ParsedDocument }
  | { seq: number; kind: 'failed'; message: string; user: boolean }
  | { seq: number; kind: 'stats'; hits: number; misses: number; rejected: number; writes: number };

/** Options of a worker, given as its workerData. */
export interface ParseWorkerData {
  /** Cache folder and program fingerprint, or null for no cache. */
  cache: { root: string; program: string } | null;
  /** The command's OCR flags, applied in the worker as in the main thread. */
  ocr: OcrFlags;
}

/** The message loop of a worker thread. */
function serve(): void {
  const port = parentPort!;
  const data = workerData as ParseWorkerData;
  const cache = data.cache ? new DocumentCache(data.cache.root, data.cache.program) : null;
  configureOcr(data.ocr);
  runSettings.ocr = data.ocr;
  port.on('message', (msg: ParseRequest | { seq: number; stats: true }) => {
    if ('stats' in msg) {
      const s = cache?.stats ?? { hits: 0, misses: 0, rejected: 0, writes: 0 };
      port.postMessage({ seq: msg.seq, kind: 'stats', ...s } satisfies ParseReply);
      return;
    }
    parsePlanFile(msg.path, cache).then(
      (doc) => port.postMessage({ seq: msg.seq, kind: 'parsed', doc } satisfies ParseReply),
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        port.postMessage({ seq: msg.seq, kind: 'failed', message, user: e instanceof UserError } satisfies ParseReply);
      },
    );
  });
}

if (!isMainThread && (workerData as { plandiffParseWorker?: boolean } | null)?.plandiffParseWorker) serve();
