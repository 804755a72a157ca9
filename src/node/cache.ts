/**
 * The incremental cache of parsed documents: one gzipped JSON entry per plan, keyed by the hash of
 * the file's bytes and name, in a folder per program version, so a second run over an unchanged
 * folder reads each entry instead of parsing. Entries are written atomically (a temporary file,
 * then a rename), so concurrent runs never see half an entry; an entry that does not read back
 * whole — truncated, corrupt, written by another program version, or not a parsed document — is
 * ignored (the plan is parsed again) and rewritten.
 *
 * `plandiff lineage` keeps, instead of the document, the plan's lineage record (its identity,
 * citations and shingle set: a few KB, read back without the JSON of the text), under the same key
 * with the `.lineage` extension, checked by a checksum as a document's gzip is by its CRC; a plan
 * with no record yet is read from its document entry when there is one, else parsed.
 *
 * `plandiff compare A B` keeps the comparison of the pair (see cache-compare.ts) in the
 * `comparisons/` folder of the same version, under a key of both plans' keys, the comparison code
 * and its options; an entry that does not read back whole is ignored and rewritten.
 *
 * Where: `PLANDIFF_CACHE_DIR` when set; else a `.plandiff/` folder in the folder being read when
 * the user made one; else the user's cache folder (`$XDG_CACHE_HOME/plandiff`, `~/.cache/plandiff`,
 * `~/Library/Caches/plandiff`, `%LOCALAPPDATA%\plandiff\Cache`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { LineageRecord } from '../corpus/lineage.js';
import type { Comparison, LineageGraph, ParsedDocument } from '../types.js';

/** First line of every entry: says what wrote it. */
const MAGIC = 'plandiff-parsed-document';

/** Head of every lineage record entry. */
const RECORD_MAGIC = 'plandiff-lineage-record';

/** First line of every lineage graph entry. */
const GRAPH_MAGIC = 'plandiff-lineage-graph';

/** First line of every comparison entry. */
const COMPARISON_MAGIC = 'plandiff-comparison';

/** Folder of the comparison entries, in a program version's folder. */
export const COMPARISONS_FOLDER = 'comparisons';

/** Lineage graphs kept (the most recent ones; each folder state that was run has its own). */
const GRAPHS_KEPT = 4;

/**
 * Most comparisons kept (a few KB to a few hundred KB each): the pairs of a folder grow as its
 * square, so past this the oldest go, down to nine tenths (see putComparison).
 */
export const COMPARISONS_KEPT = 2000;

/** Layout version of the cache folder itself. */
const LAYOUT = 'v1';

/** Entries of another program version untouched for this long are removed (see pruneOtherVersions). */
const PRUNE_AFTER_MS = 24 * 3600 * 1000;

/** A temporary file of {@link DocumentCache.write}: the entry's name, then the writer's process, thread and a random part. */
const TEMPORARY_RE = /\.(\d+)-\d+-[0-9a-f]{8}\.tmp$/u;

/**
 * A temporary file untouched for this long is a killed writer's: a live one renames its file
 * within milliseconds of making it.
 */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/**
 * The user's home folder: HOME where it is set (what os.homedir() returns first on POSIX), else
 * os.homedir(). node:os is loaded only then: every command opens the cache, and loading the module
 * is 1.5 ms of a 150 ms compare (2-core machine, Node 20).
 */
function homeOf(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  return (platform !== 'win32' && env.HOME) || process.getBuiltinModule('node:os').homedir();
}

/** The user's cache folder for plandiff on this platform. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homeOf(env, platform), 'AppData', 'Local'), 'plandiff', 'Cache');
  if (platform === 'darwin') return join(homeOf(env, platform), 'Library', 'Caches', 'plandiff');
  return join(env.XDG_CACHE_HOME || join(homeOf(env, platform), '.cache'), 'plandiff');
}

/** This machine's byte order, as node:os names it: records hold shingles as 32-bit words in it. */
const ENDIANNESS: 'LE' | 'BE' = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

/** Where the cache of a folder run lives (see the module comment). */
export function cacheDirFor(folder: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PLANDIFF_CACHE_DIR) return resolve(env.PLANDIFF_CACHE_DIR);
  if (folder) {
    const local = join(resolve(folder), '.plandiff');
    try {
      if (statSync(local).isDirectory()) return join(local, 'cache');
    } catch {
      // no .plandiff/ folder there
    }
  }
  return userCacheDir(env);
}

/** Relative imports of one JavaScript or TypeScript module ("./x.js", "../read/parse.js"). */
const IMPORT_RE = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * What identifies the program that parses: the package version and a hash of the code of `entry`
 * and of every module it imports, so that any change to the parser makes a fresh cache (an entry
 * written by another build is never read back). Works on the bundle, on tsc's output and on the
 * TypeScript sources.
 */
export function programFingerprint(entry: string, version: string): string {
  const hash = createHash('sha256').update(version);
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    hash.update(`\u0000${source}`);
    for (const m of source.matchAll(IMPORT_RE)) {
      const target = resolve(dirname(file), m[1]!);
      queue.push(existsSync(target) ? target : target.replace(/\.js$/, '.ts'));
    }
  }
  return `${version}-${hash.digest('hex').slice(0, 16)}`;
}

/** The package version, from the nearest package.json above this module. */
export function packageVersion(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      try {
        const v = (JSON.parse(readFileSync(p, 'utf8')) as { version?: unknown }).version;
        return typeof v === 'string' ? v : '0';
      } catch {
        return '0';
      }
    }
    const up = dirname(dir);
    if (up === dir) return '0';
    dir = up;
  }
}

/** The key of a plan: what was read (bytes) and how its format is told (the file name). */
export function entryKey(bytes: Uint8Array, name: string): string {
  return createHash('sha256').update(name).update('\u0000').update(bytes).digest('hex');
}

/** True when a value has the shape of a parsed document (what an entry must hold to be trusted). */
function looksParsed(value: unknown): value is ParsedDocument {
  if (!value || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.meta === 'object' && d.meta !== null &&
    Array.isArray(d.clauses) && Array.isArray(d.citations) && Array.isArray(d.targets) &&
    Array.isArray(d.header) && Array.isArray(d.preamble) && Array.isArray(d.footnotes)
  );
}

/** True when a value has the shape of a comparison (what a comparison entry must hold to be trusted). */
function looksCompared(value: unknown): value is Comparison {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  const side = (x: unknown): boolean => !!x && typeof x === 'object' && 'file' in x;
  return side(c.a) && side(c.b) && Array.isArray(c.alignments) && Array.isArray(c.targets);
}

/** What one cache did during a run. */
export interface CacheStats {
  /** Entries read back. */
  hits: number;
  /** Plans not in the cache. */
  misses: number;
  /** Entries found but not trusted (corrupt, truncated, foreign), parsed again and rewritten. */
  rejected: number;
  /** Entries written. */
  writes: number;
}

/** Parsed documents on disk, for one program version. */
export class DocumentCache {
  /** Folder of this program version's entries. */
  readonly dir: string;
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writes: 0 };

  /**
   * @param root the cache folder (see {@link cacheDirFor})
   * @param program the program fingerprint (see {@link programFingerprint})
   * @param thread the writing thread's id (worker_threads' threadId: the parse worker gives its
   *   own; 0, the main thread's, by default), part of each temporary file's name
   */
  constructor(
    readonly root: string,
    readonly program: string,
    private readonly thread = 0,
  ) {
    this.dir = join(root, LAYOUT, program.replace(/[^\w.-]/g, '_'));
  }

  private pathOf(key: string, ext = '.json.gz'): string {
    return join(this.dir, key.slice(0, 2), `${key}${ext}`);
  }

  /** The bytes of an entry file, or null when there is none. */
  private load(path: string): Buffer | null {
    try {
      return readFileSync(path);
    } catch {
      return null;
    }
  }

  /** The document stored under a key, or null when there is none or it cannot be trusted. */
  async get(key: string): Promise<ParsedDocument | null> {
    const bytes = this.load(this.pathOf(key));
    if (!bytes) {
      this.stats.misses += 1;
      return null;
    }
    const doc = this.decode(bytes, key);
    if (doc) this.stats.hits += 1;
    else this.stats.rejected += 1;
    return doc;
  }

  /** The document stored under a key, as {@link get}, without counting it in the stats (a second look, after a lineage record was missing). */
  async peek(key: string): Promise<ParsedDocument | null> {
    const bytes = this.load(this.pathOf(key));
    return bytes ? this.decode(bytes, key) : null;
  }

  private decode(bytes: Buffer, key: string): ParsedDocument | null {
    const doc = this.readJson(bytes, MAGIC, key)?.value;
    return looksParsed(doc) ? doc : null;
  }

  /**
   * A gzipped JSON entry as {@link jsonEntry} writes it: its head line (of `magic`, this program
   * version and `key`) and its body, parsed; null when the bytes are not such an entry whole.
   */
  private readJson(bytes: Buffer, magic: string, key: string): { head: Record<string, unknown>; value: unknown } | null {
    try {
      const text = gunzipSync(bytes).toString('utf8');
      const nl = text.indexOf('\n');
      if (nl < 0) return null;
      const head = JSON.parse(text.slice(0, nl)) as Record<string, unknown>;
      if (head.magic !== magic || head.program !== this.program || head.key !== key) return null;
      return { head, value: JSON.parse(text.slice(nl + 1)) as unknown };
    } catch {
      return null;
    }
  }

  /** The bytes of a gzipped JSON entry: a head line (`magic`, this program version, `key`, `extra`), then the value. */
  private jsonEntry(magic: string, key: string, value: unknown, extra: Record<string, unknown> = {}): Uint8Array {
    const head = JSON.stringify({ magic, program: this.program, key, ...extra });
    return gzipSync(`${head}\n${JSON.stringify(value)}`, { level: 1 });
  }

  /**
   * The lineage record stored under a key (see lineage.ts), or null when there is none or it
   * cannot be trusted: a whole entry of this program version and key, whose shingle set was made
   * with the options named `shingling`, and whose checksum holds.
   */
  async getRecord(key: string, shingling: string | null): Promise<LineageRecord | null> {
    const bytes = this.load(this.pathOf(key, '.lineage'));
    if (!bytes) {
      this.stats.misses += 1;
      return null;
    }
    const record = this.decodeRecord(bytes, key, shingling);
    if (record) this.stats.hits += 1;
    else this.stats.rejected += 1;
    return record;
  }

  /**
   * A record entry: the length of its head (4 bytes, little-endian), the head (JSON: what wrote it,
   * for which key and shingling, the sizes of the parts and their checksum), the record's meta and
   * citations (JSON), padding to a multiple of 4 bytes, and the shingle set (32-bit integers).
   */
  private encodeRecord(key: string, record: LineageRecord): Buffer {
    const body = Buffer.from(JSON.stringify({ meta: record.meta, citations: record.citations }));
    const set = record.shingles ?? new Uint32Array(0);
    const shingles = Buffer.from(set.buffer, set.byteOffset, set.byteLength);
    const head = Buffer.from(
      JSON.stringify({
        magic: RECORD_MAGIC,
        program: this.program,
        key,
        shingling: record.shingling,
        endianness: ENDIANNESS,
        body: body.length,
        shingles: record.shingles ? set.length : null,
        sum: recordSum(body, shingles),
      }),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length);
    const pad = Buffer.alloc((4 - ((4 + head.length + body.length) % 4)) % 4);
    return Buffer.concat([length, head, body, pad, shingles]);
  }

  private decodeRecord(bytes: Buffer, key: string, shingling: string | null): LineageRecord | null {
    try {
      if (bytes.length < 4) return null;
      const headLength = bytes.readUInt32LE(0);
      if (4 + headLength > bytes.length) return null;
      const head = JSON.parse(bytes.toString('utf8', 4, 4 + headLength)) as Record<string, unknown>;
      if (head.magic !== RECORD_MAGIC || head.program !== this.program || head.key !== key) return null;
      if (head.shingling !== shingling || head.endianness !== ENDIANNESS) return null;
      const bodyLength = head.body;
      const count = head.shingles;
      if (!Number.isInteger(bodyLength) || (count !== null && !Number.isInteger(count))) return null;
      const bodyEnd = 4 + headLength + (bodyLength as number);
      const setStart = bodyEnd + ((4 - (bodyEnd % 4)) % 4);
      if (bytes.length !== setStart + 4 * ((count as number | null) ?? 0)) return null;
      const body = bytes.subarray(4 + headLength, bodyEnd);
      const set = bytes.subarray(setStart);
      if (head.sum !== recordSum(body, set)) return null;
      const parts = JSON.parse(body.toString('utf8')) as { meta?: unknown; citations?: unknown };
      if (!parts.meta || typeof parts.meta !== 'object' || !Array.isArray(parts.citations)) return null;
      // a copy, aligned for the 32-bit view whatever the offset of the read buffer
      const shingles = count === null ? null : new Uint32Array(new Uint8Array(set).buffer);
      return { meta: parts.meta as LineageRecord['meta'], citations: parts.citations as LineageRecord['citations'], shingles, shingling };
    } catch {
      return null;
    }
  }

  private pruned = false;

  /**
   * Removes the entries of other program versions not written to for `maxAgeMs` (each build of
   * plandiff has its own folder; old ones would only pile up). Recent ones stay: another version
   * may be running beside this one.
   */
  async pruneOtherVersions(maxAgeMs = PRUNE_AFTER_MS): Promise<string[]> {
    const layout = join(this.root, LAYOUT);
    const removed: string[] = [];
    let names: string[];
    try {
      names = await readdir(layout);
    } catch {
      return removed;
    }
    const now = Date.now();
    for (const name of names) {
      const dir = join(layout, name);
      if (dir === this.dir) continue;
      try {
        if (now - (await stat(dir)).mtimeMs < maxAgeMs) continue;
        await rm(dir, { recursive: true, force: true });
        removed.push(name);
      } catch {
        // gone already, or not ours to remove
      }
    }
    return removed;
  }

  /** Stores a document under a key: written to a temporary file, then renamed into place. Never throws (a cache that cannot be written is only slower). */
  async put(key: string, doc: ParsedDocument): Promise<void> {
    await this.write(this.pathOf(key), () => this.jsonEntry(MAGIC, key, doc));
  }

  /** Stores a lineage record under a key, as {@link put} does a document. */
  async putRecord(key: string, record: LineageRecord): Promise<void> {
    await this.write(this.pathOf(key, '.lineage'), () => this.encodeRecord(key, record));
  }

  /**
   * The lineage graph of a folder run stored under a key (see {@link graphKey}), or null when there
   * is none or it cannot be trusted. Not counted in the stats (those count plans).
   */
  async getGraph(key: string): Promise<LineageGraph | null> {
    const bytes = this.load(this.graphPath(key));
    if (!bytes) return null;
    const graph = this.readJson(bytes, GRAPH_MAGIC, key)?.value as LineageGraph | null | undefined;
    return graph && Array.isArray(graph.nodes) && Array.isArray(graph.edges) ? graph : null;
  }

  /** Stores the lineage graph of a folder run, keeping the {@link GRAPHS_KEPT} most recent graphs. Never throws. */
  async putGraph(key: string, graph: LineageGraph): Promise<void> {
    const writes = this.stats.writes;
    await this.write(this.graphPath(key), () => this.jsonEntry(GRAPH_MAGIC, key, graph));
    this.stats.writes = writes;
    await keepNewest(dirname(this.graphPath(key)), GRAPHS_KEPT, GRAPHS_KEPT);
  }

  /**
   * Removes the temporary files killed writers left in this version's folders: those untouched
   * for `maxAgeMs` whose writing process no longer runs (a live writer's file is never removed).
   * Returns the paths removed, relative to {@link dir}. Never throws (another run may sweep the
   * same folders at the same time).
   */
  async sweepTemporaries(maxAgeMs = STALE_TEMPORARY_MS, now = Date.now()): Promise<string[]> {
    const removed: string[] = [];
    const folders = await readdir(this.dir).catch(() => [] as string[]);
    for (const folder of folders) {
      const names = await readdir(join(this.dir, folder)).catch(() => [] as string[]);
      for (const name of names) {
        const m = TEMPORARY_RE.exec(name);
        if (!m) continue;
        const path = join(this.dir, folder, name);
        try {
          if (now - (await stat(path)).mtimeMs < maxAgeMs || writerRuns(Number(m[1]))) continue;
          await rm(path);
          removed.push(join(folder, name));
        } catch {
          // renamed into place, or removed by another run, meanwhile
        }
      }
    }
    return removed;
  }

  /**
   * The comparison stored under a key (see cache-compare.ts), with the `sides` its writer gave, or
   * null when there is none or it cannot be trusted: a whole entry of this program version and
   * key, of the comparison's shape. Not counted in the stats (those count plans).
   */
  async getComparison(key: string): Promise<{ comparison: Comparison; sides: unknown } | null> {
    const bytes = this.load(this.comparisonPath(key));
    if (!bytes) return null;
    const entry = this.readJson(bytes, COMPARISON_MAGIC, key);
    return entry && looksCompared(entry.value) ? { comparison: entry.value, sides: entry.head.sides } : null;
  }

  /**
   * Stores a comparison under a key, with what its writer says of its sides (`sides`, JSON), as
   * {@link put} does a document; past `kept` comparisons the oldest written go, down to nine
   * tenths (a hit does not rewrite its entry: a pair read often but written long ago is made again
   * once it goes). Never throws.
   */
  async putComparison(key: string, comparison: Comparison, sides: unknown, kept = COMPARISONS_KEPT): Promise<void> {
    const writes = this.stats.writes;
    await this.write(this.comparisonPath(key), () => this.jsonEntry(COMPARISON_MAGIC, key, comparison, { sides }));
    this.stats.writes = writes;
    await keepNewest(dirname(this.comparisonPath(key)), kept, Math.floor(kept * 0.9));
  }

  private comparisonPath(key: string): string {
    return join(this.dir, COMPARISONS_FOLDER, `${key}.json.gz`);
  }

  private graphPath(key: string): string {
    return join(this.dir, 'graphs', `${key}.json.gz`);
  }

  /** Folders made by this cache (each is made once a run). */
  private readonly made = new Set<string>();

  /**
   * Writes an entry atomically: its bytes go to a temporary file of a name no other writer uses
   * (process, thread, random), which is then renamed over the entry. A reader sees the old entry
   * or the new one whole, never half of one; a writer that dies leaves only a temporary file,
   * which no reader opens and a later run sweeps away (see {@link sweepTemporaries}).
   */
  private async write(path: string, bytes: () => Uint8Array): Promise<void> {
    if (!this.pruned) {
      this.pruned = true;
      try {
        mkdirSync(this.dir, { recursive: true });
        const now = new Date();
        utimesSync(this.dir, now, now); // this version is in use
      } catch {
        // an unwritable cache only makes runs slower
      }
      await this.pruneOtherVersions();
    }
    const folder = dirname(path);
    const tmp = `${path}.${process.pid}-${this.thread}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      if (!this.made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.made.add(folder);
      }
      writeFileSync(tmp, bytes());
      renameSync(tmp, path);
      this.stats.writes += 1;
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // never written
      }
    }
  }
}

/** True while the process `pid` runs (this one excepted: its own writes never last minutes). */
function writerRuns(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it runs, as another user
  }
}

/**
 * The key of a lineage graph: how the shingle sets were made, and each plan of the run in order,
 * by its path in the folder and the cache key of its content. The same plans under the same names
 * give the same graph; a plan added, removed, renamed or changed gives another key.
 */
export function graphKey(plans: readonly string[], shingling: string): string {
  const hash = createHash('sha256').update(shingling);
  for (const p of plans) hash.update('\u0000').update(p);
  return hash.digest('hex');
}

/** Checksum of a record entry's parts. */
function recordSum(body: Uint8Array, shingles: Uint8Array): string {
  return createHash('sha1').update(body).update(shingles).digest('hex').slice(0, 20);
}

/** Removes every plandiff cache entry under a cache folder (all program versions); returns whether there was one. */
export async function clearCache(root: string): Promise<boolean> {
  const dir = join(root, LAYOUT);
  const had = existsSync(dir);
  await rm(dir, { recursive: true, force: true });
  return had;
}

/**
 * The file the build writes beside the bundle's parse worker (vite.cli.config.ts): the worker
 * entry's text and the {@link programFingerprint} of it, computed once at build time instead of
 * at every run.
 */
export const BAKED_PROGRAM_FILE = 'program.json';

/**
 * The fingerprint baked beside `entry` by the build, or null when there is none or it belongs to
 * another build. The bundle's worker entry imports its chunk by a name that hashes the chunk and,
 * through the names it imports, every chunk below it, so the same entry text is the same parser.
 */
function bakedFingerprint(entry: string): string | null {
  try {
    const baked = JSON.parse(readFileSync(join(dirname(entry), BAKED_PROGRAM_FILE), 'utf8')) as { entry?: unknown; program?: unknown };
    return typeof baked.program === 'string' && baked.entry === readFileSync(entry, 'utf8') ? baked.program : null;
  } catch {
    return null;
  }
}

/** The cache of a folder run (see {@link cacheDirFor}), for the parser this build runs. */
export function openCache(folder: string | null, env: NodeJS.ProcessEnv = process.env): DocumentCache {
  const js = fileURLToPath(new URL('./parse-worker.js', import.meta.url));
  const entry = existsSync(js) ? js : js.replace(/\.js$/, '.ts');
  return new DocumentCache(cacheDirFor(folder, env), bakedFingerprint(entry) ?? programFingerprint(entry, packageVersion()));
}

/**
 * When a folder holds more than `limit` entries, removes the least recently modified down to
 * `downTo`. Never throws (another run may prune the same folder at the same time).
 */
async function keepNewest(folder: string, limit: number, downTo: number): Promise<void> {
  try {
    const names = (await readdir(folder)).filter((n) => n.endsWith('.json.gz'));
    if (names.length <= limit) return;
    const dated = await Promise.all(names.map(async (n) => ({ n, at: (await stat(join(folder, n)).catch(() => null))?.mtimeMs ?? 0 })));
    dated.sort((a, b) => b.at - a.at || (a.n < b.n ? -1 : 1));
    for (const { n } of dated.slice(downTo)) await rm(join(folder, n), { force: true });
  } catch {
    // another run pruned them already
  }
}
