/**
 * Temporary folders of the tests. During a run TMPDIR is the run's own folder (test/setup/tmp.ts),
 * removed at its end; a cache meant to serve the next run too is put in the machine's temp folder.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable that holds the machine's temp folder while TMPDIR is the run's. */
export const OUTER_TMP = 'PLANDIFF_TEST_OUTER_TMP';

/** Name of a run's temp folder: the prefix, the pid of Vitest's main process, a random suffix. */
export const RUN_PREFIX = 'plandiff-test-run-';

/** A path in the machine's temp folder that outlives the run: for caches keyed by what they hold. */
export function keptTmp(name: string): string {
  return join(process.env[OUTER_TMP] ?? tmpdir(), name);
}
