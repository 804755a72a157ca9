/**
 * Vitest global setup: the tests that run the `plandiff` binary run the BUILT one (package.json
 * `bin`), as a user does. It is rebuilt here when a source file is newer than it (a fresh clone
 * has it from `npm install`'s prepare step).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestSource } from '../binary.js';
import { withLock } from '../lock.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function fresh(bin: string): boolean {
  return existsSync(bin) && statSync(bin).mtimeMs >= newestSource();
}

/**
 * Two test runs at once (two terminals, or a watch and a run) must not build over each other: the
 * build holds a lock directory (test/lock.ts), and a waiting run re-checks freshness once it gets it.
 */
export default async function setup(): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const bin = join(ROOT, pkg.bin.plandiff as string);
  if (fresh(bin)) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  await withLock(join(ROOT, 'dist', '.build-lock'), () => (fresh(bin) ? true : null), () => {
    process.stderr.write('plandiff tests: building the command (npm run build) …\n');
    try {
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    } catch (e) {
      // Type errors still emit JavaScript; the binary tests then say what is wrong with it.
      if (!existsSync(bin)) throw e;
      process.stderr.write('plandiff tests: the build reported errors (above); testing what it emitted\n');
    }
    return true;
  });
}
