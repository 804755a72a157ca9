/**
 * The built `plandiff` command, as a user runs it: the package's `bin` (test/setup/build.ts keeps it
 * up to date), spawned with Node. One place for the tests that run the binary: those of what only
 * the process shows (its exit status and stderr, a closed pipe, a terminal, another user); the
 * others run the command line in the test's own process (test/cli-run.ts).
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The built command's entry file. */
export const BIN = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { plandiff: string } }).bin.plandiff);

export interface BinaryRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface BinaryOptions {
  /** Working directory (default: the repository). */
  cwd?: string;
  /** Added to the environment. */
  env?: NodeJS.ProcessEnv;
  /** Run as this user and group (the tests run as root; an unreadable folder needs another user). */
  uid?: number;
  gid?: number;
  timeout?: number;
}

const MAX_BUFFER = 64 * 1024 * 1024;

/** Runs the binary; resolves with the exit status and both streams. */
export function runBinary(args: string[], options: BinaryOptions = {}): Promise<BinaryRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, uid: options.uid, gid: options.gid, maxBuffer: MAX_BUFFER, timeout: options.timeout ?? 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** `runBinary`, synchronously. */
export function runBinarySync(args: string[], options: BinaryOptions = {}): BinaryRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: MAX_BUFFER, timeout: options.timeout ?? 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** True when a program is on the PATH (soffice, pandoc, tesseract …). */
export function hasProgram(name: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d !== '' && existsSync(join(d, name)));
}

/** The modification time of the newest TypeScript file under `dir` (the sources: src/). */
export function newestSource(dir = join(ROOT, 'src')): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.c?ts$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * How a child Node process that a test starts (a plain JavaScript script) loads modules of the
 * sources, given as imported from src/ ('node/review-store.js'): tsc's build of them (dist/src/,
 * which test/setup/build.ts keeps up to date) when it is newer than every source file, run by Node
 * alone; else the sources through tsx, which compiles them first (about 1 s of CPU a process).
 */
export function childImports(modules: string[]): { execArgv: string[]; urls: string[] } {
  const built = modules.map((m) => join(ROOT, 'dist', 'src', m));
  const newest = newestSource();
  if (built.every((b) => existsSync(b) && statSync(b).mtimeMs >= newest)) return { execArgv: [], urls: built.map((b) => pathToFileURL(b).href) };
  return { execArgv: ['--import', 'tsx'], urls: modules.map((m) => pathToFileURL(join(ROOT, 'src', m.replace(/\.js$/, '.ts'))).href) };
}
