/**
 * Limits that keep a hostile file from taking unbounded memory or time, and the clock that
 * enforces the time limit between units of work (pages, paragraphs, zip entries).
 */
import { IngestError } from './errors.js';

export interface IngestLimits {
  /** Largest input file, in bytes. */
  maxBytes: number;
  /** Largest total size of the parts read out of a .docx (zip bombs stop here), in bytes. */
  maxUncompressedBytes: number;
  /** Most pages read from a PDF. */
  maxPdfPages: number;
  /** Wall-clock budget for one file, in milliseconds. */
  timeMs: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxPdfPages: 1000,
  timeMs: 30_000,
};

/** A deadline for one file. `check()` throws IngestError('limits') once the budget is spent. */
export class Deadline {
  private readonly end: number;

  constructor(private readonly budgetMs: number) {
    this.end = now() + budgetMs;
  }

  /** Throws when the time budget is spent; `what` names the work that was under way. */
  check(what: string): void {
    if (now() > this.end) {
      throw new IngestError('limits', `took longer than ${this.budgetMs} ms while ${what}; stopped`);
    }
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** "52.4 MB", "900 KB": sizes for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
