import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { BAKED_PROGRAM_FILE, packageVersion, programFingerprint } from './src/node/cache.js';

/**
 * The command line as a Node bundle with code splitting (`vite build --config vite.cli.config.ts`,
 * part of `npm run build` and `prepare`): src/cli/bin.ts → dist/src/bin/plandiff.js (which the
 * package's `bin`, src/bin/plandiff.cts compiled by tsc beside it, loads), the parse worker beside it, and one chunk per lazily imported part (schema, docx, pdf,
 * server, lineage, reports …), so that a command loads only what it runs. Pure-JavaScript
 * dependencies are bundled into those chunks (one file to load instead of zod's or jsdiff's dozens);
 * the native, very large or self-loading ones stay in node_modules (EXTERNAL). The web view has
 * its own vite.config.ts.
 */

/** Packages loaded from node_modules at run time: native code, pdf.js (loads its own worker), large writers. */
const EXTERNAL = ['better-sqlite3', 'unpdf', 'word-extractor', 'docx', 'write-excel-file', '@observablehq/plot', 'playwright-core'];

const OUT_DIR = 'dist/src/bin';

/**
 * Removes the chunks of earlier builds once the new ones are written (the folder is not emptied
 * first, so a `plandiff` started during a rebuild still finds the files it loads), and dates the
 * entry file of this build.
 */
function removeStaleChunks(): Plugin {
  return {
    name: 'plandiff-remove-stale-chunks',
    writeBundle(_options, bundle) {
      // only chunks: help.json, program.json and the executable tsc writes (plandiff.cjs) stay
      for (const name of readdirSync(OUT_DIR)) if (name.endsWith('.js') && !(name in bundle)) rmSync(join(OUT_DIR, name), { force: true });
      // the entry's text rarely changes (it imports hashed chunks): date it, so "is the build newer than src/" holds
      const now = new Date();
      utimesSync(join(OUT_DIR, 'plandiff.js'), now, now);
    },
  };
}

/**
 * Writes program.json beside the parse worker: the worker entry's text and the program fingerprint
 * of the cache of parsed documents (src/node/cache.ts), which hashes every module the worker
 * loads; a run reads it instead of hashing the bundle again. Written to a temporary file, then
 * renamed, after the chunks: a run that starts meanwhile finds another entry text and hashes.
 */
function bakeProgramFingerprint(): Plugin {
  return {
    name: 'plandiff-bake-program-fingerprint',
    writeBundle() {
      const entry = join(OUT_DIR, 'parse-worker.js');
      const baked = { entry: readFileSync(entry, 'utf8'), program: programFingerprint(entry, packageVersion(resolve(entry))) };
      const tmp = join(OUT_DIR, `${BAKED_PROGRAM_FILE}.${process.pid}.tmp`);
      writeFileSync(tmp, JSON.stringify(baked));
      renameSync(tmp, join(OUT_DIR, BAKED_PROGRAM_FILE));
    },
  };
}

/**
 * Writes help.json beside the entry: what `plandiff --help` and `plandiff --version` print into a
 * pipe, got by running the command line just built, so that the executable (src/bin/plandiff.cts)
 * answers them without loading commander. Written to a temporary file, then renamed.
 */
function bakeHelp(): Plugin {
  return {
    name: 'plandiff-bake-help',
    closeBundle() {
      const entry = join(OUT_DIR, 'plandiff.js');
      const run = (flag: string): string => {
        const r = spawnSync(process.execPath, [entry, flag], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        if (r.status !== 0) throw new Error(`plandiff ${flag} failed while baking help.json: ${r.stderr}`);
        return r.stdout;
      };
      const tmp = join(OUT_DIR, `help.json.${process.pid}.tmp`);
      writeFileSync(tmp, JSON.stringify({ help: run('--help'), version: run('--version') }));
      renameSync(tmp, join(OUT_DIR, 'help.json'));
    },
  };
}

/**
 * commander loads node:child_process when it is loaded, for the executable subcommands
 * (`git-style` programs) plandiff never declares: 2.7 ms of every command's start (with the
 * node:net and node:dgram it pulls in; a compare takes 150 ms, 2-core machine). The bundle's
 * commander gets it on first use instead (process.getBuiltinModule, Node ≥ 20.16). The build fails
 * if commander's line is not found (a new commander): nothing is changed silently.
 */
function lazyCommanderChildProcess(): Plugin {
  const eager = "const childProcess = require('node:child_process');";
  return {
    name: 'plandiff-lazy-commander-child-process',
    transform(code, id) {
      if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
      if (!code.includes(eager)) this.error(`${id}: "${eager}" not found; update lazyCommanderChildProcess in vite.cli.config.ts`);
      return { code: code.replace(eager, "const childProcess = { get spawn() { return process.getBuiltinModule('node:child_process').spawn; } };"), map: null };
    },
  };
}

export default defineConfig({
  plugins: [lazyCommanderChildProcess(), removeStaleChunks(), bakeProgramFingerprint(), bakeHelp()],
  ssr: { noExternal: true, external: EXTERNAL },
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: OUT_DIR,
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        plandiff: 'src/cli/bin.ts',
        // started by src/node/pool.ts as new URL('./parse-worker.js', import.meta.url)
        'parse-worker': 'src/node/parse-worker.ts',
      },
      external: (id: string) => EXTERNAL.some((p) => id === p || id.startsWith(`${p}/`)) || id.startsWith('node:'),
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        // plandiff.js stays runnable on its own (a bin link made before the .cjs executable, or `./plandiff.js`)
        banner: (chunk: { name: string; isEntry: boolean }) => (chunk.isEntry && chunk.name === 'plandiff' ? '#!/usr/bin/env node' : ''),
        chunkFileNames: '[name]-[hash].js',
        // JSDoc and annotations left out of the bundle (licence comments kept): a fifth less source for
        // V8 to read at every start (1.25 → 1.0 MB; the chunks compare loads 591 → 441 KB)
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
});
