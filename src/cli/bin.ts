#!/usr/bin/env node
/**
 * The `plandiff` executable: turns on Node's module compile cache where there is one (Node ≥ 22.1,
 * `module.enableCompileCache`), then loads the command line. Kept tiny so that the cache is on
 * before any other module is compiled.
 *
 * `plandiff --help` and `plandiff --version` alone are answered from help.json, which the build
 * writes beside this file by running the command line itself (vite.cli.config.ts), so they load
 * neither commander nor the command tree. The text is the one commander prints into a pipe or on
 * an 80-column terminal; on a terminal of another width, and without help.json, commander answers.
 */
import { readFileSync } from 'node:fs';
import module from 'node:module';

/** The width commander wraps help to when stdout is no terminal (the width help.txt was written at). */
const HELP_WIDTH = 80;

/** What `plandiff --help` or `--version` alone prints, from help.txt; null when commander must answer. */
function bakedAnswer(args: readonly string[]): string | null {
  if (args.length !== 1 || process.env.PLANDIFF_NO_BAKED_HELP) return null;
  const help = args[0] === '--help' || args[0] === '-h';
  const version = args[0] === '--version' || args[0] === '-V';
  if (!help && !version) return null;
  if (help && process.stdout.isTTY && process.stdout.columns !== HELP_WIDTH) return null;
  try {
    const baked = JSON.parse(readFileSync(new URL('./help.json', import.meta.url), 'utf8')) as { help?: unknown; version?: unknown };
    const text = help ? baked.help : baked.version;
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

const answer = bakedAnswer(process.argv.slice(2));
if (answer !== null) process.stdout.write(answer);
else {
  const compileCache = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof compileCache === 'function' && !process.env.PLANDIFF_NO_COMPILE_CACHE) {
    try {
      compileCache();
    } catch {
      // a read-only cache folder only makes start-up slower
    }
  }
  await import('./main.js');
}
