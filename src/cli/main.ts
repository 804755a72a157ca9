#!/usr/bin/env node
/**
 * The plandiff command line. Each command reads files through the Node edge (src/node/), runs the
 * isomorphic core, and prints text for people or `--json` for scripts (see docs/contract.md).
 * Problems with the input are one line on stderr and a non-zero exit, never a stack trace.
 *
 * This is the process around `run` (program.ts): it writes to the process's stdout and stderr,
 * ends quietly when stdout is a closed pipe, reports an uncaught error in one line, and exits
 * with the status of the run.
 */
import { isClosedPipe, reportFailure, run } from './program.js';
import { EXIT_SKIPPED } from './io.js';

const io = { stdout: process.stdout, stderr: process.stderr };

function fail(e: unknown): never {
  process.exit(reportFailure(e, io));
}

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (isClosedPipe(e)) process.exit(0);
    fail(e);
  });
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

// a command that ended normally lets the process end by itself (a server goes on serving);
// anything else stops it at once, as commander and the error handler always have
run(process.argv.slice(2), io).then((code) => {
  if (code === 0 || code === EXIT_SKIPPED) process.exitCode = code;
  else process.exit(code);
}, fail);
