#!/usr/bin/env node
/**
 * The `plandiff` executable (package.json `bin`): a CommonJS file, which Node runs without starting
 * its ES module loader. `plandiff --help` and `plandiff --version` alone are answered here from
 * help.json, which the build writes beside this file by running the command line itself
 * (vite.cli.config.ts), so they load neither the module loader, commander nor the command tree.
 * The text is the one commander prints into a pipe or on an 80-column terminal; on a terminal of
 * another width, without help.json, or with PLANDIFF_NO_BAKED_HELP set, commander answers.
 * Anything else loads the command line: plandiff.js beside this file, the bundle of src/cli/bin.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The width commander wraps help to when stdout is no terminal (the width help.json was written at). */
const HELP_WIDTH = 80;

/** What `plandiff --help` or `--version` alone prints, from help.json; null when commander must answer. */
function bakedAnswer(args: readonly string[]): string | null {
  if (args.length !== 1 || process.env.PLANDIFF_NO_BAKED_HELP) return null;
  const help = args[0] === '--help' || args[0] === '-h';
  const version = args[0] === '--version' || args[0] === '-V';
  if (!help && !version) return null;
  if (help && process.stdout.isTTY && process.stdout.columns !== HELP_WIDTH) return null;
  try {
    const baked = JSON.parse(readFileSync(join(__dirname, 'help.json'), 'utf8')) as { help?: unknown; version?: unknown };
    const text = help ? baked.help : baked.version;
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/** The command line's bundle (an ES module), named by a variable: it is the build's output, not a source file. */
const COMMAND_LINE = './plandiff.js';

const answer = bakedAnswer(process.argv.slice(2));
if (answer !== null) process.stdout.write(answer);
else void import(COMMAND_LINE);
