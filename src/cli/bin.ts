/**
 * The command line's entry in the bundle (dist/src/bin/plandiff.js, which the executable,
 * src/bin/plandiff.cts, loads when it cannot answer from help.json): turns on Node's module compile
 * cache where there is one (Node ≥ 22.1, `module.enableCompileCache`), then loads the command
 * line. Kept tiny so that the cache is on before any other module is compiled.
 */
import module from 'node:module';

const compileCache = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
if (typeof compileCache === 'function' && !process.env.PLANDIFF_NO_COMPILE_CACHE) {
  try {
    compileCache();
  } catch {
    // a read-only cache folder only makes start-up slower
  }
}
await import('./main.js');
