/**
 * Issue 10: plandiff as another project uses it. `npm pack` makes the tarball a registry would
 * serve; it is installed (offline, from npm's cache) into a new project, which imports the API with
 * its types in Node and through a Vite build, and runs `npx plandiff serve` on a folder right after
 * the install.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { corpusPath, SEEDS } from '../corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'plandiff-package-'));
const project = join(work, 'consumer');

/** npm may reach the registry: give it back the certificate bundle test/setup/env.ts kept aside. */
function npmCertificates(): NodeJS.ProcessEnv {
  const ca = process.env.PLANDIFF_TEST_EXTRA_CA_CERTS;
  return ca === undefined ? {} : { NODE_EXTRA_CA_CERTS: ca };
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...npmCertificates(), npm_config_audit: 'false', npm_config_fund: 'false' }, timeout: 240_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  // The tarball carries the built web view: build it when this checkout has not.
  if (!existsSync(join(ROOT, 'web-dist', 'index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'ignore' });
  const packed = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
  // From npm's cache where it can (this checkout's install filled it), the registry for the rest. Install scripts
  // are skipped (the native SQLite driver would be compiled; nothing here opens a review database).
  const installed = await run('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-package-lock', join(work, tarball)], project);
  expect(installed.code, installed.stderr).toBe(0);
}, 300_000);

describe('the packed package in another project', () => {
  test('imports parseDocument, compareDocuments and buildLineage in Node, typed', { timeout: 120_000 }, async () => {
    copyFileSync(corpusPath(SEEDS.sct2024), join(project, 'a.txt'));
    copyFileSync(corpusPath(SEEDS.gddt2024), join(project, 'b.txt'));
    writeFileSync(
      join(project, 'use.ts'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { parseDocument, compareDocuments, buildLineage, type ParsedDocument, type Comparison } from 'plandiff';",
        "const a: ParsedDocument = parseDocument(readFileSync('a.txt', 'utf8'), { file: 'a.txt' });",
        "const b: ParsedDocument = parseDocument(readFileSync('b.txt', 'utf8'), { file: 'b.txt' });",
        'const cmp: Comparison = compareDocuments(a, b);',
        "const graph = buildLineage([{ file: 'a.txt', doc: a }, { file: 'b.txt', doc: b }]);",
        'const count: number = cmp.alignments.length;',
        'console.log(JSON.stringify({ clauses: a.clauses.length, alignments: count, nodes: graph.nodes.length }));',
        '',
      ].join('\n'),
    );
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] }, files: ['use.ts'] }));
    const typed = await run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
    expect(typed.stdout + typed.stderr).toBe('');
    expect(typed.code).toBe(0);
    // The same code as plain JavaScript (types removed by hand: two annotations).
    writeFileSync(join(project, 'use.mjs'), (await import('node:fs')).readFileSync(join(project, 'use.ts'), 'utf8').replace(/, type \w+/g, '').replace(/: \w+ =/g, ' ='));
    const ran = await run(process.execPath, ['use.mjs'], project);
    expect(ran.stderr).toBe('');
    const out = JSON.parse(ran.stdout) as { clauses: number; alignments: number; nodes: number };
    expect(out.clauses).toBeGreaterThanOrEqual(3); // top-level sections
    expect(out.alignments).toBeGreaterThan(5);
    expect(out.nodes).toBeGreaterThanOrEqual(2);
  });

  test('bundles for the browser with Vite', async () => {
    writeFileSync(join(project, 'index.html'), '<!doctype html><script type="module" src="./page.js"></script>');
    writeFileSync(join(project, 'page.js'), "import { parseDocument } from 'plandiff';\ndocument.body.textContent = String(parseDocument('KẾ HOẠCH\\n\\nI. MỤC TIÊU\\n\\n1. Một.\\n').clauses.length);\n");
    const built = await run(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error', '--outDir', 'dist'], project);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(readdirSync(join(project, 'dist', 'assets')).some((f) => f.endsWith('.js'))).toBe(true);
  });

  describe('npx plandiff serve right after the install', () => {
    let child: ReturnType<typeof spawn> | null = null;
    afterAll(() => {
      child?.kill();
    });

    test('serves the web view and the folder', async () => {
      mkdirSync(join(project, 'plans'));
      copyFileSync(corpusPath(SEEDS.ubnd2025), join(project, 'plans', 'p.txt'));
      // What `npx plandiff` runs: the bin the installed package declares.
      const installed = join(project, 'node_modules', 'plandiff');
      const bin = (JSON.parse((await import('node:fs')).readFileSync(join(installed, 'package.json'), 'utf8')) as { bin: { plandiff: string } }).bin.plandiff;
      child = spawn(process.execPath, [join(installed, bin), 'serve', 'plans', '--port', '0'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child!.stderr!.on('data', (d: Buffer) => (err += d.toString()));
        child!.stdout!.on('data', (d: Buffer) => {
          const m = /http:\/\/\S+/.exec(d.toString());
          if (m) resolve(m[0]);
        });
        child!.on('exit', () => reject(new Error(`serve ended: ${err}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script/);
      const corpus = (await (await fetch(new URL('api/corpus', url))).json()) as Array<{ file: string }>;
      expect(corpus.map((c) => c.file)).toEqual(['p.txt']);
    });
  });
});
