import { defineConfig } from 'vite';

// One config for the web view (root: web/) and for Vitest (tests under test/).
export default defineConfig({
  root: 'web',
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
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/shared.ts', 'test/setup/build.ts'],
    testTimeout: 30_000,
  },
});
