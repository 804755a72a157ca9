/**
 * Vitest global setup: one fresh cache folder for the run (parsed documents, OCR pages), removed at
 * the end. Without it, the binary would write into the user's own cache (~/.cache/plandiff) and a
 * second run would find every scan already read. Tests that study the cache set their own folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-test-cache-'));
  process.env.PLANDIFF_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
