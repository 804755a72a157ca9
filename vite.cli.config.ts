import { readdirSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * The command line as a Node bundle with code splitting (`vite build --config vite.cli.config.ts`,
 * part of `npm run build` and `prepare`): src/cli/bin.ts → dist/src/bin/plandiff.js (package.json
 * `bin`), the parse worker beside it, and one chunk per lazily imported part (schema, docx, pdf,
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
      for (const name of readdirSync(OUT_DIR)) if (!(name in bundle)) rmSync(join(OUT_DIR, name), { force: true });
      // the entry's text rarely changes (it imports hashed chunks): date it, so "is the build newer than src/" holds
      const now = new Date();
      utimesSync(join(OUT_DIR, 'plandiff.js'), now, now);
    },
  };
}

export default defineConfig({
  plugins: [removeStaleChunks()],
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
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
