import { defineConfig } from 'vite';

// One config for the web view (root: web/) and for Vitest (tests under test/).
export default defineConfig({
  root: 'web',
  build: {
    outDir: '../web-dist',
    emptyOutDir: true,
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
