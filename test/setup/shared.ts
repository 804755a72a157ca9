/**
 * Vitest global setup: says once, visibly, when ../shared (held-out documents, public answers, real
 * files) is not beside the repository, so the tests that read it are skipped, not silently passed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
  if (!existsSync(shared)) {
    process.stderr.write(`plandiff tests: ${shared} not found; the tests on held-out documents, public answers and real files are skipped (CI has it beside the repository)\n`);
  }
}
