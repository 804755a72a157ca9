/**
 * The command line run in this process (src/cli/program.ts `run`), with its output captured: the
 * same {code, stdout, stderr} as the built binary gives through test/binary.ts, without starting a
 * Node process for each command. The tests of what only a process shows (exit status and stderr
 * of the executable, a closed pipe, a terminal, another user or locale) spawn the binary.
 *
 * Paths are resolved against the test process's working directory (the repository): give
 * absolute ones. The environment given is set for the run and put back after it; runs that set
 * one must not overlap (they change this process's environment).
 */
import { run } from '../src/cli/program.js';
import type { BinaryRun } from './binary.js';

/** A stream that keeps what is written, as a string in the end. */
function capture(): { stream: { write: (chunk: string | Uint8Array) => boolean; isTTY: false }; text: () => string } {
  const chunks: Buffer[] = [];
  return {
    stream: {
      write: (chunk) => {
        chunks.push(Buffer.from(chunk));
        return true;
      },
      isTTY: false,
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

/** Sets `env` in process.env; returns what puts the old values back. */
function overlay(env: NodeJS.ProcessEnv): () => void {
  const before = Object.entries(env).map(([key]) => [key, process.env[key]] as const);
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    for (const [key, value] of before) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/** Runs `plandiff ARGS` in this process; resolves with the exit status and both outputs. */
export async function runCli(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<BinaryRun> {
  const stdout = capture();
  const stderr = capture();
  const restore = overlay(options.env ?? {});
  try {
    const code = await run(args, { stdout: stdout.stream, stderr: stderr.stream });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    restore();
  }
}
