/**
 * Folder runs on every core: plan files are read and parsed in worker threads (one per core,
 * `os.availableParallelism()`), and handed back in the order of the list, whatever order the
 * workers finish in, so that the output of a folder run is byte for byte the one of one thread.
 * Memory stays bounded: only a window of files is in flight (a few per worker); the consumer
 * takes each parsed plan in turn and the pool sends the next file only then.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LineageRecord } from '../corpus/lineage.js';
import type { ReuseIndex, ReusePair } from '../corpus/reuse.js';
import type { ParsedDocument } from '../types.js';
import type { CacheStats, DocumentCache } from './cache.js';
import { UserError } from './files.js';
import { runSettings } from './run-settings.js';
import { parsePlanFile, planFileRecord, type KeyedRecord, type ParseReply, type ParseTask, type ParseWorkerData, type ScoreRequest } from './parse-worker.js';

/** A file of a folder run. */
export interface PlanFileRef {
  /** The path to read. */
  path: string;
  /** The path relative to the folder (what the output shows). */
  relative: string;
}

/** The outcome for one file, in list order. */
export type PlanFileResult =
  | { index: number; file: PlanFileRef; doc: ParsedDocument; error?: undefined }
  | { index: number; file: PlanFileRef; doc?: undefined; error: Error };

/** The outcome for one file of a lineage run, in list order: its lineage record. */
export type RecordFileResult =
  | { index: number; file: PlanFileRef; record: LineageRecord; /** Cache key of the file's content (null without a cache). */ key: string | null; error?: undefined }
  | { index: number; file: PlanFileRef; record?: undefined; key?: undefined; error: Error };

/** How a folder run is spread. */
export interface PoolOptions {
  /** Worker threads; 1 parses in this thread. Default: one per core (`os.availableParallelism()`). */
  threads: number;
  /** Files in flight per worker (the window that bounds memory). */
  perWorker: number;
  /** Fewer files than this are parsed in this thread (starting workers costs more than it saves). */
  minFilesForWorkers: number;
  /** The cache of parsed documents, or null. */
  cache: DocumentCache | null;
  /** Called after each file with (files done, total). */
  onProgress?: (done: number, total: number) => void;
}

export const POOL_DEFAULTS: Readonly<Omit<PoolOptions, 'threads'>> = {
  perWorker: 4,
  minFilesForWorkers: 16,
  cache: null,
};

/** Threads a folder run uses by default: every core (`PLANDIFF_THREADS` overrides). */
export function defaultThreads(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.PLANDIFF_THREADS);
  if (Number.isInteger(n) && n >= 1) return n;
  return Math.max(1, availableParallelism());
}

/**
 * The bundle's parse worker (dist/src/bin/parse-worker.js, `npm run build`), for this module run from
 * the sources (tests, tsx): used when it is newer than every source file, so that a worker loads one
 * bundle instead of compiling the parser again through tsx (about 1.5 s of CPU a worker). Null when
 * this module is built, when there is no build, or when a source changed since it was made.
 */
function builtWorker(): URL | null {
  if (!import.meta.url.endsWith('.ts')) return null;
  const bundle = new URL('../../dist/src/bin/parse-worker.js', import.meta.url);
  let built: number;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return null;
  }
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? newer(join(dir, e.name)) : /\.c?ts$/.test(e.name) && statSync(join(dir, e.name)).mtimeMs > built));
  return newer(fileURLToPath(new URL('../', import.meta.url))) ? null : bundle;
}

/**
 * Starts a worker: parse-worker.js beside this module (built), or, from the sources, the bundle's
 * worker when it is up to date, else parse-worker.ts through tsx.
 */
function startWorker(workerData: unknown): Worker {
  const js = new URL('./parse-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData });
  const bundle = builtWorker();
  if (bundle) return new Worker(bundle, { workerData });
  const ts = new URL('./parse-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ts)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/** Cache counters summed over this thread and the workers. */
export interface PoolRun<R = PlanFileResult> extends AsyncIterable<R> {
  /** Cache counters of the run (complete once iteration has ended). */
  readonly stats: CacheStats;
  /** Threads that parsed. */
  readonly threads: number;
}

/**
 * Reads and parses the files, yielding one result per file in list order. A file that cannot be
 * read or parsed is a result with its error (a UserError when the input is at fault); a worker
 * that dies ends the run with that error.
 */
export function parsePlanFiles(files: readonly PlanFileRef[], options: Partial<PoolOptions> = {}): PoolRun {
  return spread<ParsedDocument, PlanFileResult>(files, options, 'document', (index, file, doc) => ({ index, file, doc }), (index, file, error) => ({ index, file, error }));
}

/**
 * The lineage record of each file (see lineage.ts), as {@link parsePlanFiles} gives documents:
 * made where the file is parsed, so that only the record (a few KB, its shingle set moved, not
 * copied) reaches this thread, and cached as records.
 */
export function planFileRecords(files: readonly PlanFileRef[], options: Partial<PoolOptions> = {}): PoolRun<RecordFileResult> {
  return spread<KeyedRecord, RecordFileResult>(files, options, 'lineage', (index, file, { record, key }) => ({ index, file, record, key }), (index, file, error) => ({ index, file, error }));
}

/** Makes one result of a file's value. */
type Wrap<T, R> = (index: number, file: PlanFileRef, value: T) => R;
/** Makes one result of a file's error. */
type WrapError<R> = (index: number, file: PlanFileRef, error: Error) => R;

function spread<T, R>(files: readonly PlanFileRef[], options: Partial<PoolOptions>, task: ParseTask, ok: Wrap<T, R>, failed: WrapError<R>): PoolRun<R> {
  const o: PoolOptions = { ...POOL_DEFAULTS, threads: defaultThreads(), ...options };
  const threads = files.length < o.minFilesForWorkers ? 1 : Math.max(1, Math.min(o.threads, Math.ceil(files.length / o.perWorker)));
  const stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writes: 0 };
  const run = threads === 1 ? inThread(files, o, stats, task, ok, failed) : inWorkers(files, o, threads, stats, task, ok, failed);
  return { [Symbol.asyncIterator]: () => sweeping(run, o.cache), stats, threads };
}

/** The run, while the cache is swept of the temporary files killed writers left (see DocumentCache.sweepTemporaries). */
async function* sweeping<R>(run: AsyncGenerator<R>, cache: DocumentCache | null): AsyncGenerator<R> {
  const swept = cache?.sweepTemporaries();
  try {
    yield* run;
  } finally {
    await swept;
  }
}

/** Legacy Word files read ahead of their turn in one thread, so that their conversions share LibreOffice runs (doc.ts). */
const DOC_AHEAD = 7;

const isDocName = (path: string): boolean => /\.doc$/iu.test(path);

async function* inThread<T, R>(files: readonly PlanFileRef[], o: PoolOptions, stats: CacheStats, task: ParseTask, ok: Wrap<T, R>, failed: WrapError<R>): AsyncGenerator<R> {
  const before = o.cache ? { ...o.cache.stats } : null;
  const read = (file: PlanFileRef): Promise<unknown> => (task === 'lineage' ? planFileRecord(file.path, o.cache) : parsePlanFile(file.path, o.cache));
  // the .doc files among the next few, started early (results still taken in order)
  const early = new Map<number, Promise<unknown>>();
  try {
    for (const [index, file] of files.entries()) {
      let result: R;
      const current = early.get(index) ?? read(file);
      early.delete(index);
      for (let j = index + 1; j < Math.min(files.length, index + 1 + DOC_AHEAD); j++) {
        if (early.has(j) || !isDocName(files[j]!.path)) continue;
        const started = read(files[j]!);
        started.catch(() => {}); // its failure is taken when its turn comes
        early.set(j, started);
      }
      try {
        const value = await current;
        result = ok(index, file, value as T);
      } catch (e) {
        result = failed(index, file, e instanceof Error ? e : new Error(String(e)));
      }
      o.onProgress?.(index + 1, files.length);
      yield result;
    }
  } finally {
    if (o.cache && before) for (const k of Object.keys(stats) as Array<keyof CacheStats>) stats[k] += o.cache.stats[k] - before[k];
  }
}

/**
 * The worker threads of one run and the replies they gave: files are sent in order, each worker
 * holding at most `perWorker` of them (twice that while the next is a .doc; the next goes to the
 * least busy), and replies are taken back in file order.
 */
class ParseCrew {
  private readonly workers: Worker[];
  /** Replies not yet taken, by sequence number (file index). */
  private readonly ready = new Map<number, ParseReply>();
  /** Who waits for the reply of a given index. */
  private waiting: { index: number; resolve: () => void } | null = null;
  private readonly inFlight: number[];
  private next = 0;
  private readonly statReplies: Array<Extract<ParseReply, { kind: 'stats' }>> = [];
  failure: Error | null = null;

  constructor(
    private readonly files: readonly PlanFileRef[],
    private readonly perWorker: number,
    threads: number,
    private readonly task: ParseTask,
    data: ParseWorkerData & { plandiffParseWorker: true },
  ) {
    this.workers = Array.from({ length: threads }, () => startWorker(data));
    this.inFlight = new Array<number>(threads).fill(0);
    this.workers.forEach((w, k) => {
      w.on('message', (reply: ParseReply) => {
        if (reply.kind === 'stats') {
          this.statReplies.push(reply);
          return;
        }
        this.inFlight[k]! -= 1;
        this.ready.set(reply.seq, reply);
        this.wake();
      });
      w.on('error', (e) => {
        this.failure ??= e instanceof Error ? e : new Error(String(e));
        this.wake();
      });
      w.on('exit', (code) => {
        if (code !== 0) this.failure ??= new Error(`a parse worker stopped (exit code ${code})`);
        this.wake();
      });
    });
  }

  private wake(): void {
    if (this.waiting && (this.failure || this.ready.has(this.waiting.index))) {
      const w = this.waiting;
      this.waiting = null;
      w.resolve();
    }
  }

  /** Sends files while the window allows. */
  private fill(): void {
    const threads = this.workers.length;
    while (this.next < this.files.length) {
      let k = 0;
      for (let j = 1; j < threads; j++) if (this.inFlight[j]! < this.inFlight[k]!) k = j;
      // a .doc gets twice the window: the worker's conversions of those it holds share LibreOffice runs (doc.ts)
      const window = isDocName(this.files[this.next]!.path) ? 2 * this.perWorker : this.perWorker;
      if (this.inFlight[k]! >= window || this.ready.size >= threads * window) break;
      const seq = this.next++;
      this.inFlight[k]! += 1;
      this.workers[k]!.postMessage({ seq, path: this.files[seq]!.path, task: this.task });
    }
  }

  /** The reply for file `index` (files before it taken already); throws a worker's failure. */
  async take(index: number): Promise<ParseReply> {
    this.fill();
    if (!this.ready.has(index)) {
      await new Promise<void>((resolve) => {
        this.waiting = { index, resolve };
        this.wake();
      });
    }
    if (this.failure && !this.ready.has(index)) throw this.failure;
    const reply = this.ready.get(index)!;
    this.ready.delete(index);
    return reply;
  }

  /** Each worker's cache counters, asked once all its files are done, added into `stats`. */
  async addStats(stats: CacheStats): Promise<void> {
    const asked = this.workers.length;
    await new Promise<void>((resolve) => {
      const check = () => (this.statReplies.length >= asked || this.failure ? resolve() : setTimeout(check, 2));
      this.workers.forEach((w) => w.postMessage({ seq: -1, stats: true }));
      check();
    });
    for (const s of this.statReplies) {
      stats.hits += s.hits;
      stats.misses += s.misses;
      stats.rejected += s.rejected;
      stats.writes += s.writes;
    }
  }

  close(): Promise<unknown> {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

async function* inWorkers<T, R>(
  files: readonly PlanFileRef[],
  o: PoolOptions,
  threads: number,
  stats: CacheStats,
  task: ParseTask,
  ok: Wrap<T, R>,
  failed: WrapError<R>,
): AsyncGenerator<R> {
  const data: ParseWorkerData & { plandiffParseWorker: true } = {
    plandiffParseWorker: true,
    cache: o.cache ? { root: o.cache.root, program: o.cache.program } : null,
    ocr: runSettings.ocr,
  };
  const crew = new ParseCrew(files, o.perWorker, threads, task, data);
  try {
    for (let index = 0; index < files.length; index++) {
      const reply = await crew.take(index);
      const file = files[index]!;
      o.onProgress?.(index + 1, files.length);
      if (reply.kind === 'parsed') yield ok(index, file, reply.doc as T);
      else if (reply.kind === 'record') yield ok(index, file, { record: reply.record, key: reply.key } as T);
      else if (reply.kind === 'failed') yield failed(index, file, reply.user ? new UserError(reply.message) : new Error(reply.message));
    }
    if (o.cache) await crew.addStats(stats);
  } finally {
    await crew.close();
  }
}

/** How the reuse pairs of a lineage run are scored. */
export interface ReusePoolOptions {
  /** Worker threads; 1 scores in this thread. Default: one per core. */
  threads: number;
  /** Fewer documents than this are scored in this thread (starting workers costs more than it saves). */
  minDocsForWorkers: number;
  /** Documents whose candidates go to a worker at once. */
  docsPerTask: number;
  /** Called now and then: (documents done, total). */
  onProgress?: (done: number, total: number) => void;
}

export const REUSE_POOL_DEFAULTS: Readonly<Omit<ReusePoolOptions, 'threads'>> = {
  minDocsForWorkers: 2000,
  docsPerTask: 200,
};

/**
 * The reuse pairs of an index (what `index.pairs()` gives, in the same order), their shares of
 * text scored in worker threads that share the discounted shingle sets (no copy), while this
 * thread finds the next documents' candidates; for `LineageBuilder.finish`, as
 * `builder.finish(await reusePairs(builder.reuseIndex))` (undefined without an index). Call once,
 * after every plan was added.
 */
export async function reusePairs(index: ReuseIndex | null, options: Partial<ReusePoolOptions> = {}): Promise<ReusePair[] | undefined> {
  const o: ReusePoolOptions = { ...REUSE_POOL_DEFAULTS, threads: defaultThreads(), ...options };
  if (!index) return undefined;
  if (o.threads <= 1 || index.size < o.minDocsForWorkers) return index.pairs(o.onProgress);
  const scoring = index.scoring((bytes) => new SharedArrayBuffer(bytes));
  const data: ParseWorkerData & { plandiffParseWorker: true } = { plandiffParseWorker: true, cache: null, ocr: runSettings.ocr, sets: scoring.sets };
  const workers = Array.from({ length: o.threads }, () => startWorker(data));
  const waiting = new Map<number, { resolve: (reply: Extract<ParseReply, { kind: 'scored' }>) => void; reject: (e: Error) => void }>();
  const fail = (e: unknown) => {
    for (const w of waiting.values()) w.reject(e instanceof Error ? e : new Error(String(e)));
    waiting.clear();
  };
  for (const w of workers) {
    w.on('message', (reply: ParseReply) => {
      if (reply.kind !== 'scored') return;
      waiting.get(reply.seq)?.resolve(reply);
      waiting.delete(reply.seq);
    });
    w.on('error', fail);
    w.on('exit', (code) => code !== 0 && fail(new Error(`a reuse worker stopped (exit code ${code})`)));
  }
  // two tasks in flight per worker; taken back in the order they were sent
  const queue: Array<Promise<Extract<ParseReply, { kind: 'scored' }>>> = [];
  let seq = 0;
  try {
    while (!scoring.done || queue.length > 0) {
      while (!scoring.done && queue.length < 2 * o.threads) {
        const pairs = scoring.candidates(scoring.next + o.docsPerTask);
        const k = seq++;
        const scored = new Promise<Extract<ParseReply, { kind: 'scored' }>>((resolve, reject) => waiting.set(k, { resolve, reject }));
        scored.catch(() => {}); // a failure is thrown where the task is taken back, not as an unhandled rejection
        queue.push(scored);
        workers[k % o.threads]!.postMessage({ seq: k, pairs } satisfies ScoreRequest, [pairs.buffer as ArrayBuffer]);
      }
      const reply = await queue.shift()!;
      scoring.accept(reply.pairs, reply.shared);
      o.onProgress?.(Math.min(index.size, (reply.seq + 1) * o.docsPerTask), index.size);
    }
    return scoring.result();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

