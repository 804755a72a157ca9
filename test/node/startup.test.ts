/**
 * Start-up of the built binary: `plandiff --help` and `--version` alone are answered from the
 * help.json the build writes (no commander, no command tree), with the very text commander prints;
 * a compare of plans in the cache of parsed documents loads neither the readers nor the parser,
 * and the cache's program fingerprint is baked at build time instead of hashed at every run.
 */
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { BAKED_PROGRAM_FILE, COMPARISONS_FOLDER, packageVersion, programFingerprint } from '../../src/node/cache.js';
import { BIN, ROOT, runBinarySync } from '../binary.js';
import { keptTmp, RUN_PREFIX } from '../tmp.js';

describe('the baked answers of plandiff --help and --version (needs the built binary)', () => {
  test('the build writes help.json beside the entry', () => {
    expect(existsSync(join(dirname(BIN), 'help.json'))).toBe(true);
  });

  test.each(['--help', '-h', '--version', '-V'])('plandiff %s prints what commander prints, and exits 0', (flag) => {
    const baked = runBinarySync([flag]);
    const commander = runBinarySync([flag], { env: { PLANDIFF_NO_BAKED_HELP: '1' } });
    expect(baked.code).toBe(0);
    expect(commander.code).toBe(0);
    expect(baked.stdout).toBe(commander.stdout);
    expect(baked.stdout.length).toBeGreaterThan(3);
  });

  test('anything more than the flag alone goes to commander (help of a command, an unknown option)', () => {
    const sub = runBinarySync(['compare', '--help']);
    expect(sub.stdout).toMatch(/^Usage: plandiff compare \[options\] <a> <b>/);
    const bad = runBinarySync(['--help', '--nonsense']);
    expect(bad.stdout).toMatch(/^Usage: plandiff/);
  });
});

describe('a compare of two plans read before loads neither the readers nor the parser (needs the built binary)', () => {
  const A = join(ROOT, 'corpus/khanh-hoa/2024-so-cong-thuong-cai-cach-tthc.txt');
  const B = join(ROOT, 'corpus/khanh-hoa/2025-ubnd-cai-cach-tthc.txt');

  /** Runs the binary with a loader hook that lists every module file it loads. */
  function tracedRun(args: string[], env: NodeJS.ProcessEnv): { code: number | null; stdout: string; loaded: string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-trace-'));
    const list = join(dir, 'loaded.txt');
    writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(list)}, url + '\\n');\n  return next(url, context);\n}\n`);
    writeFileSync(join(dir, 'trace.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
    try {
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'trace.mjs')).href, BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
      const loaded = existsSync(list) ? readFileSync(list, 'utf8').split('\n').filter(Boolean).map((u) => fileURLToPath(u)) : [];
      return { code: r.status, stdout: r.stdout, loaded };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The source modules bundled into the files loaded (rolldown marks each with a "// src/…" line). */
  const sourcesOf = (files: string[]): Set<string> => new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^\/\/ (src\/\S+\.ts)$/gmu)].map((m) => m[1]!)));

  test('the first run parses both plans; the second reads them back with the same output, without the readers, the parser or the OCR engine', () => {
    const cache = mkdtempSync(join(tmpdir(), 'plandiff-cache-'));
    try {
      const env = { PLANDIFF_CACHE_DIR: cache };
      const cold = tracedRun(['compare', A, B, '--json'], env);
      // the comparison is cached too (src/node/cache-compare.ts): without it, this run compares the plans read back
      for (const version of readdirSync(join(cache, 'v1'))) rmSync(join(cache, 'v1', version, COMPARISONS_FOLDER), { recursive: true, force: true });
      const warm = tracedRun(['compare', A, B, '--json'], env);
      expect(cold.code).toBe(0);
      expect(warm.code).toBe(0);
      expect(warm.stdout).toBe(cold.stdout);
      const [coldSources, warmSources] = [sourcesOf(cold.loaded), sourcesOf(warm.loaded)];
      for (const heavy of ['src/read/parse.ts', 'src/ingest/index.ts', 'src/node/files.ts']) expect(coldSources.has(heavy)).toBe(true);
      for (const heavy of ['src/read/parse.ts', 'src/ingest/index.ts', 'src/node/files.ts', 'src/node/ocr.ts', 'src/ingest/docx-numbering.ts', 'src/report/compare-text.ts']) {
        expect(warmSources.has(heavy)).toBe(false);
      }
      expect(warmSources.has('src/compare/compare.ts')).toBe(true);
      expect(warmSources.has('src/node/cache-plan.ts')).toBe(true);
      // run again: the comparison is read back, and neither the comparison code nor the targets stage loads
      const repeated = tracedRun(['compare', A, B, '--json'], env);
      expect(repeated.stdout).toBe(cold.stdout);
      const repeatedSources = sourcesOf(repeated.loaded);
      for (const heavy of ['src/compare/compare.ts', 'src/compare/align.ts', 'src/extract/targets.ts']) expect(repeatedSources.has(heavy)).toBe(false);
      expect(repeatedSources.has('src/node/cache-compare.ts')).toBe(true);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  test('a compare loads none of the Node modules it does not use: child_process (commander\'s subcommands), worker_threads, os', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-builtins-'));
    try {
      const list = join(dir, 'builtins.txt');
      writeFileSync(join(dir, 'list.cjs'), `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
      const env = { ...process.env, PLANDIFF_CACHE_DIR: join(dir, 'cache') };
      const run = () => spawnSync(process.execPath, ['--require', join(dir, 'list.cjs'), BIN, 'compare', A, B, '--json'], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20 });
      const cold = run();
      for (const version of readdirSync(join(dir, 'cache', 'v1'))) rmSync(join(dir, 'cache', 'v1', version, COMPARISONS_FOLDER), { recursive: true, force: true });
      const warm = run();
      expect(cold.status).toBe(0);
      expect(warm.status).toBe(0);
      const builtins = readFileSync(list, 'utf8').split('\n').filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
      expect(builtins).toContain('zlib'); // the list is read: the cache's own module is there
      // node:os is Node's own on 22.1 and later: module.enableCompileCache (bin.ts) finds its folder with os.tmpdir()
      const compileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
      for (const unused of ['child_process', 'worker_threads', ...(compileCache ? [] : ['os'])]) expect(builtins, unused).not.toContain(unused);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the build bakes the program fingerprint of the parse worker beside it (program.json), the one a run would compute', () => {
    const worker = join(dirname(BIN), 'parse-worker.js');
    const baked = JSON.parse(readFileSync(join(dirname(BIN), BAKED_PROGRAM_FILE), 'utf8')) as { entry: string; program: string };
    expect(baked.entry).toBe(readFileSync(worker, 'utf8'));
    expect(baked.program).toBe(programFingerprint(worker, packageVersion(worker)));
  });
});

describe("the tests' children start without this machine's extra certificate bundle (test/setup/env.ts)", () => {
  test('neither the test worker nor a child it spawns sees NODE_EXTRA_CA_CERTS', () => {
    expect(process.env.NODE_EXTRA_CA_CERTS).toBeUndefined();
    const seen = spawnSync(process.execPath, ['-p', 'process.env.NODE_EXTRA_CA_CERTS ?? "none"'], { encoding: 'utf8' });
    expect(seen.stdout.trim()).toBe('none');
  });
});

describe("the tests' temporary folders (test/setup/tmp.ts)", () => {
  test('the worker and its children write into the run\'s own temp folder; kept caches go beside it, in the machine\'s', () => {
    const run = tmpdir();
    expect(basename(run)).toMatch(new RegExp(`^${RUN_PREFIX}\\d+-`));
    const seen = spawnSync(process.execPath, ['-p', 'require("node:os").tmpdir()'], { encoding: 'utf8' });
    expect(seen.stdout.trim()).toBe(run);
    expect(dirname(keptTmp('plandiff-web-x'))).toBe(dirname(run));
  });
});
