/**
 * A lock directory for work that two test processes must not do at once (building the command,
 * building the web view): mkdir is atomic, and a lock older than ten minutes is from a killed run
 * and is taken over. `done` is asked once the lock is held, so a waiter whose work the holder
 * finished returns its result without doing it again.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';

const STALE_MS = 600_000;

export async function withLock<T>(lock: string, done: () => T | null, work: () => Promise<T> | T): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile: try again
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return done() ?? (await work());
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
