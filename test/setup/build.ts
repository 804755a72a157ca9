/**
 * Vitest global setup: the tests that run the `plandiff` binary run the BUILT one (package.json
 * `bin`), as a user does. It is rebuilt here when a source file is newer than it (a fresh clone
 * has it from `npm install`'s prepare step).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const bin = join(ROOT, pkg.bin.plandiff as string);
  if (existsSync(bin) && statSync(bin).mtimeMs >= newestSource(join(ROOT, 'src'))) return;
  process.stderr.write('plandiff tests: building the command (npm run build) …\n');
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    // Type errors still emit JavaScript; the binary tests then say what is wrong with it.
    if (!existsSync(bin)) throw e;
    process.stderr.write('plandiff tests: the build reported errors (above); testing what it emitted\n');
  }
}
