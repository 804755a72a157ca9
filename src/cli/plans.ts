/**
 * Reading the plans a command was given: single files, and folders walked for every plan they
 * hold. A folder run never loses a file silently: each entry that cannot be read is one line on
 * stderr ("plandiff: skipped FILE: why"), listed in the JSON's `skipped`, and the exit status is 3
 * (results printed, some input skipped); the other files' results are all there.
 */
import { realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PlanFile } from '../node/files.js';
import { comparePaths, printable } from '../node/paths.js';
import { UserError } from '../node/user-error.js';
import type { ParsedDocument, SkippedFile } from '../types.js';
import type { LineageRecord } from '../corpus/lineage.js';
import { runSettings } from '../node/run-settings.js';
import { EXIT_SKIPPED, type CliContext, type CliIo } from './io.js';

/**
 * Reads and parses one plan file; reading warnings join the document's own. Through the cache of
 * parsed documents (unless --no-cache): a plan read before is read back without loading the
 * readers and the parser, which only a miss loads.
 */
export async function loadPlan(path: string): Promise<ParsedDocument> {
  if (!runSettings.cache) return (await import('../node/parse-worker.js')).parsePlanFile(path, null);
  const [{ openCache }, { cachedPlan }] = await Promise.all([import('../node/cache.js'), import('../node/cache-plan.js')]);
  const cache = openCache(dirname(path));
  const looked = await cachedPlan(path, cache);
  return looked.doc ?? (await import('../node/parse-worker.js')).parsePlanFile(path, cache, looked);
}

/** The plan files of a folder, with what could not be listed. */
export async function gatherFolder(io: CliIo, dir: string): Promise<{ files: PlanFile[]; skipped: SkippedFile[] }> {
  const { scanFolder } = await import('../node/files.js');
  const scan = await scanFolder(dir);
  for (const s of scan.skipped) reportSkipped(io, s);
  return scan;
}

/** Files and folders given on the command line, in order; folders walked. */
export async function gatherPaths(io: CliIo, paths: string[]): Promise<{ files: PlanFile[]; skipped: SkippedFile[] }> {
  const files: PlanFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const p of paths) {
    try {
      const scan = await gatherFolder(io, p);
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
 * Reads and parses each file, handing each document to `use` in list order; a file that fails for
 * any reason is reported and recorded in `skipped`, and the run goes on. The files are parsed in
 * worker threads on every core and through the cache of parsed documents (unless `--no-cache`),
 * with a progress bar on a terminal (unless `--quiet`); the output is the one of one thread.
 * `folder` is where a `.plandiff/` folder may hold the cache.
 */
export async function loadEach(
  io: CliIo,
  files: PlanFile[],
  skipped: SkippedFile[],
  use: (file: PlanFile, doc: ParsedDocument) => void | Promise<void>,
  folder: string | null = null,
): Promise<void> {
  await readEach(io, files, skipped, folder, (pool, options) => pool.parsePlanFiles(files, options), (r) => use(r.file as PlanFile, r.doc));
}

/** As {@link loadEach}, with each plan's lineage record instead of its document (see lineage.ts), and the cache key of its content (null without a cache). */
export async function loadEachRecord(
  io: CliIo,
  files: PlanFile[],
  skipped: SkippedFile[],
  use: (file: PlanFile, record: LineageRecord, key: string | null) => void | Promise<void>,
  folder: string | null = null,
): Promise<void> {
  await readEach(io, files, skipped, folder, (pool, options) => pool.planFileRecords(files, options), (r) => use(r.file as PlanFile, r.record, r.key));
}

type Pool = typeof import('../node/pool.js');

async function readEach<R extends { file: PlanFile; error?: Error }>(
  io: CliIo,
  files: PlanFile[],
  skipped: SkippedFile[],
  folder: string | null,
  start: (pool: Pool, options: Partial<import('../node/pool.js').PoolOptions>) => AsyncIterable<R>,
  use: (result: R & { error?: undefined }) => void | Promise<void>,
): Promise<void> {
  const [pool, { openCache }, { folderProgress }] = await Promise.all([import('../node/pool.js'), import('../node/cache.js'), import('../node/progress.js')]);
  const progress = await folderProgress(files.length, 'reading', { quiet: runSettings.quiet, stream: io.stderr });
  const run = start(pool, { cache: runSettings.cache ? openCache(folder) : null, onProgress: progress.tick });
  try {
    for await (const r of run) {
      if (r.error) {
        const s = { file: r.file.relative, error: reasonOf(r.error, r.file.path) };
        skipped.push(s);
        progress.stop();
        reportSkipped(io, s);
        continue;
      }
      await use(r as R & { error?: undefined });
    }
  } finally {
    progress.stop();
  }
}

/** Sets the exit status of a folder run: 3 when anything was skipped. */
export function finishFolderRun(cli: CliContext, skipped: SkippedFile[]): void {
  skipped.sort((a, b) => comparePaths(a.file, b.file));
  if (skipped.length && !cli.exitCode) cli.exitCode = EXIT_SKIPPED;
}

/** True when two paths name one file (after links), so a plan is never judged against itself. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
  return x === y;
}

function reportSkipped(io: CliIo, s: SkippedFile): void {
  io.stderr.write(`plandiff: skipped ${printable(s.file)}: ${s.error}\n`);
}

/** The one-line reason of a failure, without the file name that UserError messages start with. */
function reasonOf(e: unknown, path: string): string {
  const message = String((e as Error)?.message ?? e).split('\n')[0] ?? '';
  const prefix = `${printable(path)}: `;
  if (e instanceof UserError) return message.startsWith(prefix) ? message.slice(prefix.length) : message;
  return `could not be analysed (${message})`;
}
