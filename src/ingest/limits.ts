/**
 * Limits that keep a hostile file from taking unbounded memory or time, and the clock that
 * enforces the time limit between units of work (pages, paragraphs, zip entries).
 */
import { Deadline as TimeBudget } from '../text/deadline.js';
import { IngestError } from './errors.js';

export interface IngestLimits {
  /** Largest input file, in bytes. */
  maxBytes: number;
  /** Largest total size of the parts read out of a .docx (zip bombs stop here), in bytes: twice the
   * text limit, which keeps the XML parse of a hostile package within seconds and about 1 GB. */
  maxUncompressedBytes: number;
  /** Most characters of text a reader may produce (merged cells, repeated notes and table spans
   * expand text; a reader that would pass this stops with a "limits" error). */
  maxTextChars: number;
  /** Most pages read from a PDF. */
  maxPdfPages: number;
  /** Wall-clock budget for one file, in milliseconds. */
  timeMs: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 40 * 1024 * 1024,
  maxTextChars: 20 * 1024 * 1024,
  maxPdfPages: 1000,
  timeMs: 30_000,
};

/** A deadline for one file: `check()` and `tick()` throw IngestError('limits') once the budget is spent. */
export class Deadline extends TimeBudget {
  constructor(budgetMs: number) {
    super(budgetMs, (ms, what) => new IngestError('limits', `took longer than ${ms} ms while ${what}; stopped`));
  }
}

/** "52.4 MB", "900 KB": sizes for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
