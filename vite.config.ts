import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Hash of everything the web build reads: web/, src/, this config and the lock file. */
export function webSourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(join(ROOT, 'web'));
  walk(join(ROOT, 'src'));
  for (const f of ['vite.config.ts', 'package-lock.json']) if (existsSync(join(ROOT, f))) hash.update(readFileSync(join(ROOT, f)));
  return hash.digest('hex').slice(0, 16);
}

/** Where a build writes the hash of the sources it was made from (the browser tests reuse web-dist/ when it matches). */
export const SOURCE_STAMP = '.source-hash';

/** Writes {@link SOURCE_STAMP} into the output folder of a build, hashed before the build reads the sources. */
function sourceStamp(): Plugin {
  let outDir = '';
  let hash = '';
  return {
    name: 'plandiff-source-stamp',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      hash = webSourceHash();
    },
    closeBundle() {
      if (outDir && hash) writeFileSync(join(outDir, SOURCE_STAMP), `${hash}\n`);
    },
  };
}

/**
 * The test tiers, chosen by Vitest's `--mode` (package.json scripts):
 * - default (`npm test`): every behaviour, through the built binary and chromium, and a handful of
 *   real files of each kind;
 * - `real` (`npm run test:real`): the sweeps over every real file in ../shared (all scans by OCR, all
 *   .doc/.docx/.pdf) — the files named *.real.test.ts; `.ci/run` runs them after `npm test`;
 * - `unit` (`npm run test:unit`): the quick loop, no binary, no browser, no external program.
 */
const REAL = ['test/**/*.real.test.ts'];
const SPAWNING = ['test/e2e/**', 'test/node/doc-batch.test.ts', 'test/cli/**', 'test/package/**', 'test/node/cli-folder.test.ts', 'test/node/lineage-cache.test.ts', 'test/report/office.test.ts', 'test/ingest/office-parity.test.ts', 'test/ingest/ocr-scan.test.ts', 'test/ingest/ocr.test.ts', 'test/ingest/hostile.test.ts', 'test/ingest/ocr-page-image.test.ts', 'test/ingest/cmyk-jpeg.test.ts', 'test/node/ocr-api.test.ts', 'test/node/startup.test.ts'];

// Every tier: the children's environment, a temp folder of the run's own, the line about ../shared, a fresh cache folder; the tiers that
// run the binary also build it.
const SETUP = ['test/setup/env.ts', 'test/setup/tmp.ts', 'test/setup/shared.ts', 'test/setup/cache.ts'];
const BUILD = [...SETUP, 'test/setup/build.ts'];

function tier(mode: string): { include: string[]; exclude: string[]; globalSetup: string[] } {
  if (mode === 'real') return { include: REAL, exclude: [], globalSetup: BUILD };
  if (mode === 'unit') return { include: ['test/**/*.test.ts'], exclude: [...REAL, ...SPAWNING], globalSetup: SETUP };
  return { include: ['test/**/*.test.ts'], exclude: REAL, globalSetup: BUILD };
}

// One config for the web view (root: web/) and for Vitest (tests under test/).
export default defineConfig(({ mode }) => ({
  root: 'web',
  plugins: [sourceStamp()],
  // Relative asset URLs: the built app works wherever `plandiff serve` mounts it.
  base: './',
  build: {
    outDir: '../web-dist',
    emptyOutDir: true,
    target: 'es2022',
    // Cytoscape and the core make one large chunk; that is expected for an offline tool.
    chunkSizeWarningLimit: 2000,
  },
  // The analysis worker imports code lazily (the .docx XML reader), which needs ES module workers.
  worker: {
    format: 'es',
  },
  test: {
    root: '.',
    ...tier(mode),
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores (one on this 2-core machine); most test
    // files wait on a child (the binary, chromium, LibreOffice, tesseract), so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    // A worker keeps its loaded modules from one test file to the next (a fifth less CPU than loading
    // the core again for each of ~80 files). No test may rely on a fresh module state: tests that
    // change process.env restore it, and no module reads the environment when it is loaded.
    isolate: false,
  },
}));
