/**
 * The incremental cache of parsed documents: one gzipped JSON entry per plan, keyed by the hash of
 * the file's bytes and name, in a folder per program version, so a second run over an unchanged
 * folder reads each entry instead of parsing. Entries are written atomically (a temporary file,
 * then a rename), so concurrent runs never see half an entry; an entry that does not read back
 * whole — truncated, corrupt, written by another program version, or not a parsed document — is
 * ignored (the plan is parsed again) and rewritten.
 *
 * Where: `PLANDIFF_CACHE_DIR` when set; else a `.plandiff/` folder in the folder being read when
 * the user made one; else the user's cache folder (`$XDG_CACHE_HOME/plandiff`, `~/.cache/plandiff`,
 * `~/Library/Caches/plandiff`, `%LOCALAPPDATA%\plandiff\Cache`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ParsedDocument } from '../types.js';

/** First line of every entry: says what wrote it. */
const MAGIC = 'plandiff-parsed-document';

/** Layout version of the cache folder itself. */
const LAYOUT = 'v1';

/** Entries of another program version untouched for this long are removed (see pruneOtherVersions). */
const PRUNE_AFTER_MS = 24 * 3600 * 1000;

/** The user's cache folder for plandiff on this platform. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'plandiff', 'Cache');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'plandiff');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'plandiff');
}

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
   */
  constructor(
    readonly root: string,
    readonly program: string,
  ) {
    this.dir = join(root, LAYOUT, program.replace(/[^\w.-]/g, '_'));
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json.gz`);
  }

  /** The document stored under a key, or null when there is none or it cannot be trusted. */
  async get(key: string): Promise<ParsedDocument | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.pathOf(key));
    } catch {
      this.stats.misses += 1;
      return null;
    }
    const doc = this.decode(bytes, key);
    if (doc) this.stats.hits += 1;
    else this.stats.rejected += 1;
    return doc;
  }

  private decode(bytes: Buffer, key: string): ParsedDocument | null {
    try {
      const text = gunzipSync(bytes).toString('utf8');
      const nl = text.indexOf('\n');
      if (nl < 0) return null;
      const head = JSON.parse(text.slice(0, nl)) as { magic?: unknown; program?: unknown; key?: unknown };
      if (head.magic !== MAGIC || head.program !== this.program || head.key !== key) return null;
      const doc: unknown = JSON.parse(text.slice(nl + 1));
      return looksParsed(doc) ? doc : null;
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
    if (!this.pruned) {
      this.pruned = true;
      await mkdir(this.dir, { recursive: true }).catch(() => undefined);
      const now = new Date();
      await utimes(this.dir, now, now).catch(() => undefined); // this version is in use
      await this.pruneOtherVersions();
    }
    const path = this.pathOf(key);
    const head = JSON.stringify({ magic: MAGIC, program: this.program, key });
    const tmp = `${path}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(tmp, gzipSync(`${head}\n${JSON.stringify(doc)}`, { level: 1 }));
      await rename(tmp, path);
      this.stats.writes += 1;
    } catch {
      await unlink(tmp).catch(() => undefined);
    }
  }
}

/** Removes every plandiff cache entry under a cache folder (all program versions); returns whether there was one. */
export async function clearCache(root: string): Promise<boolean> {
  const dir = join(root, LAYOUT);
  const had = existsSync(dir);
  await rm(dir, { recursive: true, force: true });
  return had;
}

/** The cache of a folder run (see {@link cacheDirFor}), for the parser this build runs. */
export function openCache(folder: string | null, env: NodeJS.ProcessEnv = process.env): DocumentCache {
  const js = fileURLToPath(new URL('./parse-worker.js', import.meta.url));
  const entry = existsSync(js) ? js : js.replace(/\.js$/, '.ts');
  return new DocumentCache(cacheDirFor(folder, env), programFingerprint(entry, packageVersion()));
}
