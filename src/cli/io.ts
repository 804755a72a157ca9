/**
 * Where one run of the command line writes: the process's stdout and stderr for the `plandiff`
 * executable (main.ts), or buffers that the tests read (test/cli-run.ts). Commands write through
 * these, never to `process.stdout` / `process.stderr` themselves.
 */

/** Exit status of bad input or usage (docs/contract.md): a file that cannot be read, an unknown option, a missing argument. */
export const EXIT_BAD_INPUT = 2;

/** Exit status of a folder run that printed its results but skipped some input. */
export const EXIT_SKIPPED = 3;

/** One output of a run. */
export interface CliStream {
  write(chunk: string | Uint8Array): unknown;
  /** A terminal: colours, progress bars, help wrapped to its width, no binary report. */
  isTTY?: boolean;
  /** Its width, on a terminal. */
  columns?: number;
}

/** The two outputs of a run. */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
}

/** A run in progress: its outputs, and the exit status a command that ends normally leaves. */
export interface CliContext extends CliIo {
  /** 0, or EXIT_SKIPPED. */
  exitCode: number;
}
