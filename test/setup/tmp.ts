/**
 * Vitest global setup: one temporary folder for the run, given to the workers and every child
 * (the binary, LibreOffice, tesseract, chromium) as TMPDIR and removed when the run ends, so that
 * the ~70 folders the tests make (mkdtemp) do not pile up in the machine's temp folder run after
 * run. What is meant to outlive a run — caches keyed by the hash of what they were made from (the
 * web build, LibreOffice renders, the real corpus's readings) — goes into the machine's temp folder
 * through keptTmp() (test/tmp.ts). A run that was killed leaves its folder; the next run removes
 * the folders of runs whose process is gone. Runs in Vitest's main process before its workers start.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTER_TMP, RUN_PREFIX } from '../tmp.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default function setup(): () => void {
  const outer = tmpdir();
  for (const name of readdirSync(outer)) {
    const pid = name.startsWith(RUN_PREFIX) ? Number(name.slice(RUN_PREFIX.length).split('-')[0]) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(outer, name), { recursive: true, force: true });
  }
  const run = mkdtempSync(join(outer, `${RUN_PREFIX}${process.pid}-`));
  // open to every user and sticky, as /tmp is: a test runs the binary as another user (folders.test.ts)
  chmodSync(run, 0o1777);
  const before = { TMPDIR: process.env.TMPDIR, [OUTER_TMP]: process.env[OUTER_TMP] };
  process.env[OUTER_TMP] = outer;
  process.env.TMPDIR = run;
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(run, { recursive: true, force: true });
  };
}
