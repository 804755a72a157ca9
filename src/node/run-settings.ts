/**
 * What the command line was asked about a folder run, set once before the command runs (main.ts)
 * and read where plans are read: use the cache or not (`--no-cache`), draw progress or not
 * (`--quiet`), and the OCR options, which worker threads must apply too (they do not share this
 * thread's module state). A tiny module, so the command line can set it without loading the parser.
 */

import { DEFAULT_LIMITS } from '../ingest/limits.js';

/** The time budget of one file and of one comparison: 30 s, or PLANDIFF_TIME_LIMIT_MS (milliseconds) when set. */
export function timeLimitMs(): number {
  const n = Number(process.env.PLANDIFF_TIME_LIMIT_MS);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_LIMITS.timeMs;
}

/** The OCR options as given on the command line (`--ocr`, `--ocr-timeout`). */
export interface OcrFlags {
  ocr?: string;
  ocrTimeout?: string;
}

export interface RunSettings {
  /** Read and fill the cache of parsed documents. */
  cache: boolean;
  /** No progress on stderr. */
  quiet: boolean;
  /** OCR flags of the command, passed on to the parse workers. */
  ocr: OcrFlags;
}

/** The settings of this run (defaults: cache on, progress on a terminal, OCR defaults). */
export const runSettings: RunSettings = { cache: true, quiet: false, ocr: {} };
