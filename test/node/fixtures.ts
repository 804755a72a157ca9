/**
 * Folders of plans for the pool and cache tests: the bundled corpus copied into a temporary
 * folder, with files that cannot be read among them (their places in the list are part of what
 * is tested).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = join(ROOT, 'corpus');

/** The bundled plans, sorted. */
export function corpusPlans(): string[] {
  return readdirSync(CORPUS, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A temporary folder holding the corpus `copies` times (a/, b/, …), an empty plan and a binary one. */
export function planFolder(copies = 2): string {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-pool-'));
  for (let k = 0; k < copies; k++) {
    for (const p of corpusPlans()) {
      const to = join(dir, `copy-${k}`, relative(CORPUS, p));
      mkdirSync(join(to, '..'), { recursive: true });
      copyFileSync(p, to);
    }
  }
  writeFileSync(join(dir, 'copy-0', 'empty.txt'), '');
  writeFileSync(join(dir, `copy-${Math.min(1, copies - 1)}`, 'binary.txt'), Buffer.from([0, 1, 2, 255, 254]));
  return dir;
}

/**
 * A temporary folder of `plans` short plans (the first lines of a bundled one, each made distinct:
 * no two share a cache entry), split over copy-0/ and copy-1/, with planFolder's empty and binary
 * files: a long folder run whose files take no time to read.
 */
export function shortPlanFolder(plans: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-short-'));
  const head = readFileSync(corpusPlans()[0]!, 'utf8').split('\n').slice(0, 30).join('\n');
  for (let k = 0; k < plans; k++) {
    mkdirSync(join(dir, `copy-${k % 2}`), { recursive: true });
    writeFileSync(join(dir, `copy-${k % 2}`, `plan-${k}.txt`), `${head}\n- Nhiệm vụ ${k + 1}.\n`);
  }
  writeFileSync(join(dir, 'copy-0', 'empty.txt'), '');
  writeFileSync(join(dir, 'copy-1', 'binary.txt'), Buffer.from([0, 1, 2, 255, 254]));
  return dir;
}
