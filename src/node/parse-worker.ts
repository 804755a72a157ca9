/**
 * Reading and parsing one plan file, the unit of work of a folder run: `parsePlanFile` (used in
 * the main thread for one thread, and by the worker threads of pool.ts), and the worker's message
 * loop when this module runs as a worker. The cache (cache.ts) is consulted by content hash first.
 * A worker given the shingle sets of a lineage run scores its reuse pairs instead (see pool.ts).
 */
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { parseDocument, type ParseStrategies } from '../read/parse.js';
import type { ParsedDocument } from '../types.js';
import { defaultShingling, lineageRecord, type LineageRecord } from '../corpus/lineage.js';
import { sharedWeights, type FlatSets } from '../corpus/reuse.js';
import { DocumentCache } from './cache.js';
import { cachedPlan, planKey, type CachedPlan } from './cache-plan.js';
import { DEFAULT_LIMITS, Deadline, isIngestError } from '../ingest/index.js';
import { isTimeLimitError } from '../text/deadline.js';
import { printable, readPlanFile, UserError } from './files.js';
import { configureOcr } from './ocr.js';
import { runSettings, timeLimitMs, type OcrFlags } from './run-settings.js';

/** A parse for a lineage record: everything but the targets, which a record does not keep (a fifth of the parse). */
const WITHOUT_TARGETS: Partial<ParseStrategies> = { targets: () => [] };

/**
 * Reads and parses one plan file exactly as the single-file commands do (ingest warnings included
 * in meta). `bytes`: the file's content, when the caller read it already; `strategies`: extractors
 * swapped (see parseDocument).
 */
export async function parsePlanFileUncached(path: string, bytes: Uint8Array | null = null, strategies: Partial<ParseStrategies> = {}): Promise<ParsedDocument> {
  // One time budget for reading and parsing the file (issue 11: every file ends within it); a file
  // read by OCR or converted by LibreOffice spent its time in those programs, under their own limits.
  const limits = { ...DEFAULT_LIMITS, timeMs: timeLimitMs() };
  const deadline = new Deadline(limits.timeMs);
  const file = await readPlanFile(path, limits, { deadline }, bytes);
  let doc: ParsedDocument;
  try {
    doc = parseDocument(file.text, { file: path, encoding: file.encoding, strategies, ...(file.encoding === 'ocr' || file.format === 'doc' ? {} : { deadline }) });
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
 * program version is read back from it instead (and a fresh parse is stored). `looked`: the cache
 * lookup of the file, when the caller made it already (see cache-plan.ts).
 */
export async function parsePlanFile(path: string, cache: DocumentCache | null = null, looked: CachedPlan | null = null): Promise<ParsedDocument> {
  if (!cache) return parsePlanFileUncached(path);
  const { bytes, key, doc: hit } = looked ?? (await cachedPlan(path, cache));
  if (hit) return hit;
  const doc = await parsePlanFileUncached(path, bytes);
  if (key) await cache.put(key, doc);
  return doc;
}

/** A lineage record with the cache key of the file's content (null without a cache, or when the file could not be read). */
export interface KeyedRecord {
  record: LineageRecord;
  key: string | null;
}

/**
 * The lineage record of one plan file (what `plandiff lineage` keeps of it, see lineage.ts); with
 * a cache, read back from its record entry, else made from its document entry, else parsed, and
 * stored as a record (the document itself is not stored: lineage needs only the record).
 */
export async function planFileRecord(path: string, cache: DocumentCache | null = null): Promise<KeyedRecord> {
  if (!cache) return { record: lineageRecord(await parsePlanFileUncached(path, null, WITHOUT_TARGETS)), key: null };
  const shingling = defaultShingling();
  const { bytes, key } = await planKey(path);
  if (key) {
    const hit = await cache.getRecord(key, shingling);
    if (hit) return { record: hit, key };
  }
  const doc = (key ? await cache.peek(key) : null) ?? (await parsePlanFileUncached(path, bytes, WITHOUT_TARGETS));
  const record = lineageRecord(doc);
  if (key) await cache.putRecord(key, record);
  return { record, key };
}

/** What a worker is asked to make of a file: the parsed document, or its lineage record. */
export type ParseTask = 'document' | 'lineage';

/** What the pool sends a worker: parse this file. */
export interface ParseRequest {
  /** Sequence number, echoed in the reply. */
  seq: number;
  path: string;
  task: ParseTask;
}

/** What the pool sends a worker that scores reuse pairs: the candidate pairs of some documents (see reuse.ts). */
export interface ScoreRequest {
  seq: number;
  /** Document indexes, two by two. */
  pairs: Int32Array;
}

/** What a worker sends back. */
export type ParseReply =
  | { seq: number; kind: 'parsed'; doc: ParsedDocument }
  | { seq: number; kind: 'scored'; pairs: Int32Array; shared: Float64Array }
  | { seq: number; kind: 'record'; record: LineageRecord; key: string | null }
  | { seq: number; kind: 'failed'; message: string; user: boolean }
  | { seq: number; kind: 'stats'; hits: number; misses: number; rejected: number; writes: number };

/** Options of a worker, given as its workerData. */
export interface ParseWorkerData {
  /** Cache folder and program fingerprint, or null for no cache. */
  cache: { root: string; program: string } | null;
  /** The command's OCR flags, applied in the worker as in the main thread. */
  ocr: OcrFlags;
  /** The discounted shingle sets, shared, when the worker scores reuse pairs instead of parsing. */
  sets?: FlatSets;
}

/** The message loop of a worker thread. */
function serve(): void {
  const port = parentPort!;
  const data = workerData as ParseWorkerData;
  const cache = data.cache ? new DocumentCache(data.cache.root, data.cache.program, threadId) : null;
  configureOcr(data.ocr);
  runSettings.ocr = data.ocr;
  const sets = data.sets;
  if (sets) {
    port.on('message', ({ seq, pairs }: ScoreRequest) => {
      const shared = sharedWeights(sets, pairs);
      port.postMessage({ seq, kind: 'scored', pairs, shared } satisfies ParseReply, [pairs.buffer as ArrayBuffer, shared.buffer as ArrayBuffer]);
    });
    return;
  }
  port.on('message', (msg: ParseRequest | { seq: number; stats: true }) => {
    if ('stats' in msg) {
      const s = cache?.stats ?? { hits: 0, misses: 0, rejected: 0, writes: 0 };
      port.postMessage({ seq: msg.seq, kind: 'stats', ...s } satisfies ParseReply);
      return;
    }
    const done =
      msg.task === 'lineage'
        ? planFileRecord(msg.path, cache).then(({ record, key }) => {
            // the shingle set moves to the main thread instead of being copied
            const transfer = record.shingles ? [record.shingles.buffer as ArrayBuffer] : [];
            port.postMessage({ seq: msg.seq, kind: 'record', record, key } satisfies ParseReply, transfer);
          })
        : parsePlanFile(msg.path, cache).then((doc) => port.postMessage({ seq: msg.seq, kind: 'parsed', doc } satisfies ParseReply));
    done.catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      port.postMessage({ seq: msg.seq, kind: 'failed', message, user: e instanceof UserError } satisfies ParseReply);
    });
  });
}

if (!isMainThread && (workerData as { plandiffParseWorker?: boolean } | null)?.plandiffParseWorker) serve();
